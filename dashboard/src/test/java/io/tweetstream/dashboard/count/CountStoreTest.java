package io.tweetstream.dashboard.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CountStoreTest {

    private static final long T0 = 1_795_600_800_000L;
    private static final long SECOND = 1_000;

    private final CountStore store = new CountStore(Duration.ofMinutes(1), 10_000);

    @Test
    void aWindowAndKeywordWrittenAgainKeepsOnlyTheLatestCount() {
        store.put(count(T0, "*", 10));
        store.put(count(T0, "*", 12));

        assertThat(store.size()).isEqualTo(1);
        assertThat(points(store.since(0), "*")).containsExactly(new CountSeries.Point(T0, 12));
    }

    @Test
    void keepsOnlyTheRetentionBeforeTheNewestWindow() {
        for (int second = 0; second <= 90; second++) {
            store.put(count(T0 + second * SECOND, "*", second));
        }

        List<CountSeries.Point> points = points(store.since(0), "*");
        assertThat(points).hasSize(61);
        assertThat(points.get(0).windowStartMs()).isEqualTo(T0 + 30 * SECOND);
        assertThat(store.windowCount()).isEqualTo(61);
    }

    @Test
    void refusesACountArrivingLaterThanTheRetention() {
        store.put(count(T0 + 120 * SECOND, "*", 5));

        assertThat(store.put(count(T0, "*", 3))).isFalse();
        assertThat(store.put(count(T0 + 60 * SECOND, "*", 3))).isTrue();
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void dropsTheOldestWindowsBeyondTheMaximumNumberOfCounts() {
        CountStore small = new CountStore(Duration.ofHours(1), 100);
        for (int second = 0; second < 50; second++) {
            for (String keyword : List.of("*", "kafka", "spark", "java")) {
                small.put(count(T0 + second * SECOND, keyword, second));
            }
            assertThat(small.size()).isLessThanOrEqualTo(100);
        }

        assertThat(small.size()).isEqualTo(100);
        assertThat(points(small.since(0), "*").get(0).windowStartMs()).isEqualTo(T0 + 25 * SECOND);
    }

    @Test
    void staysBoundedEvenWhenOneWindowHasMoreKeywordsThanTheMaximum() {
        CountStore tiny = new CountStore(Duration.ofHours(1), 3);
        for (int keyword = 0; keyword < 10; keyword++) {
            tiny.put(count(T0, "k" + keyword, 1));
        }

        assertThat(tiny.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void seriesStartWithTheTotalThenKeywordsInOrderEachOldestFirst() {
        store.put(count(T0 + SECOND, "spark", 2));
        store.put(count(T0, "kafka", 1));
        store.put(count(T0 + SECOND, "*", 9));
        store.put(count(T0, "*", 8));
        store.put(count(T0 + SECOND, "kafka", 3));

        CountSeries series = store.since(0);

        assertThat(series.series()).extracting(CountSeries.KeywordSeries::keyword).containsExactly("*", "kafka", "spark");
        assertThat(points(series, "*")).containsExactly(new CountSeries.Point(T0, 8), new CountSeries.Point(T0 + SECOND, 9));
        assertThat(points(series, "kafka")).containsExactly(new CountSeries.Point(T0, 1), new CountSeries.Point(T0 + SECOND, 3));
    }

    @Test
    void sinceLeavesOutEarlierWindowsButNotTheNewestAndLatestFigures() {
        store.put(count(T0, "*", 8));
        store.put(count(T0 + SECOND, "*", 9));

        CountSeries later = store.since(T0 + 5 * SECOND);

        assertThat(later.series()).isEmpty();
        assertThat(later.newestWindowStartMs()).hasValue(T0 + SECOND);
        assertThat(later.latestTotal()).map(WindowCount::count).hasValue(9L);
        assertThat(points(store.since(T0 + SECOND), "*")).containsExactly(new CountSeries.Point(T0 + SECOND, 9));
    }

    @Test
    void latestTotalIsTheNewestWindowThatHasATotal() {
        store.put(count(T0, "*", 8));
        store.put(count(T0 + SECOND, "kafka", 2));

        CountSeries series = store.since(0);

        assertThat(series.newestWindowStartMs()).hasValue(T0 + SECOND);
        assertThat(series.latestTotal()).map(WindowCount::windowStartMs).hasValue(T0);
    }

    @Test
    void anEmptyStoreHasNoNewestWindowAndNoLatestTotal() {
        CountSeries series = store.since(0);

        assertThat(series.series()).isEmpty();
        assertThat(series.newestWindowStartMs()).isEmpty();
        assertThat(series.latestTotal()).isEmpty();
    }

    static WindowCount count(long windowStartMs, String keyword, long count) {
        return new WindowCount(windowStartMs, keyword, count, OptionalLong.empty());
    }

    private static List<CountSeries.Point> points(CountSeries series, String keyword) {
        return series.series().stream().filter(s -> s.keyword().equals(keyword)).findFirst().orElseThrow().points();
    }
}
