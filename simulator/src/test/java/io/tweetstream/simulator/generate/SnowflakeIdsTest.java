package io.tweetstream.simulator.generate;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SnowflakeIdsTest {

    @Test
    void idsCarryTheirCreationTime() {
        Instant at = Instant.parse("2018-10-10T20:19:24.123Z");

        long id = new SnowflakeIds().next(at);

        assertThat(SnowflakeIds.createdAt(id)).isEqualTo(at);
        assertThat(id).isGreaterThan(1_050_000_000_000_000_000L);
    }

    @Test
    void idsAreUniqueAndIncreasingAcrossThreads() throws Exception {
        SnowflakeIds ids = new SnowflakeIds();
        Instant at = Instant.parse("2020-01-01T00:00:00Z");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> batches = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                batches.add(threads.submit(() -> {
                    List<Long> batch = new ArrayList<>();
                    for (int i = 0; i < 10_000; i++) {
                        batch.add(ids.next(at));
                    }
                    return batch;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> batch : batches) {
                assertThat(batch.get()).isSorted().doesNotHaveDuplicates();
                all.addAll(batch.get());
            }
            assertThat(all).doesNotHaveDuplicates();
            assertThat(ids.next(at)).isGreaterThan(Collections.max(all));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void historicIdsLieAtTheirTimeAndBeforeLaterIds() {
        Instant past = Instant.parse("2019-05-05T10:00:00Z");

        long historic = SnowflakeIds.historic(past, new Dice(3));

        assertThat(SnowflakeIds.createdAt(historic)).isEqualTo(past);
        assertThat(historic).isLessThan(new SnowflakeIds().next(past.plusMillis(1)));
    }
}
