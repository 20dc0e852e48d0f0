package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    /** X's own figures: 250 ms network steps, 5 s for HTTP errors, 60 s for 429. */
    private final ReconnectBackoff backoff = new ReconnectBackoff(250, 5_000, 60_000);

    private static List<Long> millis(int times, Supplier<Duration> next) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            waits.add(next.get().toMillis());
        }
        return waits;
    }

    @Test
    void networkErrorsBackOffLinearlyUpTo16Seconds() {
        List<Long> waits = millis(70, backoff::afterNetworkError);

        assertThat(waits.subList(0, 4)).containsExactly(250L, 500L, 750L, 1_000L);
        assertThat(waits.get(63)).isEqualTo(16_000L);
        assertThat(waits.subList(64, 70)).containsOnly(16_000L);
    }

    @Test
    void httpErrorsBackOffExponentiallyUpTo320Seconds() {
        assertThat(millis(9, backoff::afterHttpError))
                .containsExactly(5_000L, 10_000L, 20_000L, 40_000L, 80_000L, 160_000L, 320_000L, 320_000L, 320_000L);
    }

    @Test
    void rateLimitsStartAtAMinuteAndDouble() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        assertThat(millis(6, () -> backoff.afterRateLimit(null, now)))
                .containsExactly(60_000L, 120_000L, 240_000L, 480_000L, 960_000L, 960_000L);
    }

    @Test
    void aRateLimitWaitsAtLeastUntilTheReset() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        assertThat(backoff.afterRateLimit(now.plusSeconds(300), now)).isEqualTo(Duration.ofSeconds(300));
        assertThat(backoff.afterRateLimit(now.plusSeconds(30), now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.afterRateLimit(now.minusSeconds(30), now)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void aWorkingConnectionStartsEveryKindAfresh() {
        backoff.afterNetworkError();
        backoff.afterNetworkError();
        backoff.afterHttpError();
        backoff.afterRateLimit(null, Instant.now());

        backoff.reset();

        assertThat(backoff.afterNetworkError()).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.afterHttpError()).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.afterRateLimit(null, Instant.now())).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void kindsCountSeparately() {
        backoff.afterHttpError();
        backoff.afterHttpError();

        assertThat(backoff.afterNetworkError()).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.afterHttpError()).isEqualTo(Duration.ofSeconds(20));
    }
}
