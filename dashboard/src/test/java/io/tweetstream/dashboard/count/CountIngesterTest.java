package io.tweetstream.dashboard.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountIngesterTest {

    private static final String SECOND = "\"window_start\":\"2026-11-25T10:00:01.000Z\",\"window_end\":\"2026-11-25T10:00:02.000Z\"";

    private final CountStore store = new CountStore(Duration.ofMinutes(10), 10_000);
    private final CountIngester ingester = new CountIngester(new CountParser(), store);

    @Test
    void countsAndSkipsMalformedRecordsAndKeepsTheGoodOnes() {
        ingester.accept("{\"window_start\":\"2026-11-25T10:00:01.000Z\",\"keyword\":\"*\",\"count\":12,\"lag_ms\":2300}");
        ingester.accept("{\"window_start\":\"2026-11-25T10:00:01.000Z\",\"keyword\":\"*\",\"count\":");
        ingester.accept(null);
        ingester.accept("\u0000\u00ff binary junk");
        ingester.accept("{\"window_start\":\"2026-11-25T10:00:02.000+00:00\",\"keyword\":\"kafka\",\"count\":3}");

        assertThat(ingester.stats()).isEqualTo(new CountIngester.Stats(2, 3, 0, 0));
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void storesEveryCountOfAWholeSecond() {
        ingester.accept("{\"window_start\":\"2026-11-25T10:00:01.000Z\",\"total\":12,\"keywords\":{\"kafka\":5,\"spark\":2}}");

        assertThat(ingester.stats()).isEqualTo(new CountIngester.Stats(1, 0, 0, 0));
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void skipsAnUnknownStatusAsMalformed() {
        ingester.accept("{" + SECOND + ",\"status\":\"tentative\",\"total\":12,\"keywords\":{}}");

        assertThat(ingester.stats()).isEqualTo(new CountIngester.Stats(0, 1, 0, 0));
        assertThat(store.size()).isZero();
    }

    @Test
    void countsAProvisionalCountArrivingAfterTheFinalOneAsOutdated() {
        ingester.accept("2026-11-25T10:00:01.000Z", "{" + SECOND + ",\"status\":\"final\",\"total\":12,\"keywords\":{},\"lag_ms\":15200}");
        ingester.accept("2026-11-25T10:00:01.000Z", "{" + SECOND + ",\"status\":\"provisional\",\"total\":9,\"keywords\":{},\"lag_ms\":300}");

        assertThat(ingester.stats()).isEqualTo(new CountIngester.Stats(1, 0, 0, 1));
        assertThat(store.since(0, 0).latest().orElseThrow().count()).isEqualTo(12);
    }

    @Test
    void appliesALateCorrectionOncePerRecordKey() {
        String late = "{" + SECOND + ",\"status\":\"late\",\"late\":2,\"late_keywords\":{\"kafka\":1},\"lag_ms\":67000}";
        ingester.accept("2026-11-25T10:00:01.000Z", "{" + SECOND + ",\"status\":\"final\",\"total\":12,\"keywords\":{},\"lag_ms\":15200}");
        ingester.accept("2026-11-25T10:00:01.000Z late 2026-11-25T10:01:08.000Z", late);
        ingester.accept("2026-11-25T10:00:01.000Z late 2026-11-25T10:01:08.000Z", late);
        ingester.accept("2026-11-25T10:00:01.000Z late 2026-11-25T10:01:09.000Z", late);

        assertThat(store.since(0, 0).latest().orElseThrow().count()).isEqualTo(12 + 2 + 2);
        assertThat(ingester.stats()).isEqualTo(new CountIngester.Stats(4, 0, 0, 0));
    }

    @Test
    void neverThrowsWhateverTheTopicHolds() {
        Random random = new Random(42);
        String good = "{" + SECOND + ",\"status\":\"late\",\"late\":2,\"late_keywords\":{\"kafka\":1},\"lag_ms\":67000}";
        for (int i = 0; i < 2_000; i++) {
            // Damaged copies of a good record: cut short, with characters replaced.
            StringBuilder damaged = new StringBuilder(good.substring(0, random.nextInt(good.length() + 1)));
            for (int hit = random.nextInt(4); hit > 0 && damaged.length() > 0; hit--) {
                damaged.setCharAt(random.nextInt(damaged.length()), (char) random.nextInt(0x3000));
            }
            ingester.accept(random.nextBoolean() ? null : "key " + i, damaged.toString());
        }

        CountIngester.Stats stats = ingester.stats();
        assertThat(stats.accepted() + stats.skipped() + stats.expired() + stats.outdated()).isEqualTo(2_000);
        assertThat(stats.skipped()).isPositive();
    }

    @Test
    void countsACountOlderThanTheRetentionAsExpired() {
        ingester.accept("{\"window_start\":\"2026-11-25T10:30:00Z\",\"keyword\":\"*\",\"count\":1}");
        ingester.accept("{\"window_start\":\"2026-11-25T10:00:00Z\",\"keyword\":\"*\",\"count\":1}");

        assertThat(ingester.stats()).isEqualTo(new CountIngester.Stats(1, 0, 1, 0));
    }
}
