package io.tweetstream.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gap harness refills a small gap both ways and prints sane figures: a smoke test, not a timed one. */
class GapRefillBenchmarkIT {

    @Test
    void refillsASmallGapWithRecoveryAndSearchBesideALiveBaseline() throws Exception {
        GapRefillBenchmark benchmark = new GapRefillBenchmark();
        benchmark.gapMinutes = 1;
        benchmark.rate = 20;
        benchmark.liveSeconds = 2;

        GapRefillBenchmark.Figures figures = benchmark.run();

        assertThat(figures.gapTweets()).isEqualTo(1_200);
        assertThat(figures.refills()).hasSize(2).allSatisfy(refill -> {
            assertThat(refill.tweets()).isEqualTo(1_199);
            assertThat(refill.tweetsPerSecond()).isPositive();
        });
        assertThat(figures.live().tweetsPerSecond()).isPositive();
        assertThat(figures.toString()).contains("Recovery", "recent search", "baseline", "pay-per-use");
    }
}
