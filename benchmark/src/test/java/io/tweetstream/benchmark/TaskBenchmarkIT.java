package io.tweetstream.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.config.TwitterSourceConfig;
import org.junit.jupiter.api.Test;

/** The task harness runs briefly and prints sane figures: a smoke test, not a timed one. */
class TaskBenchmarkIT {

    private static TaskBenchmark briefly(String api) {
        TaskBenchmark benchmark = new TaskBenchmark();
        benchmark.api = api;
        benchmark.warmupSeconds = 1;
        benchmark.durationSeconds = 2;
        benchmark.rate = 2_000;
        return benchmark;
    }

    @Test
    void v2TaskReportsThroughputCpuMemoryAndLatency() throws Exception {
        TaskFigures figures = briefly(TwitterSourceConfig.API_V2).run();

        assertThat(figures.tweets()).isPositive();
        assertThat(figures.tweetsPerSecond()).isPositive();
        assertThat(figures.simulatorSent()).isGreaterThanOrEqualTo(figures.tweets() / 2);
        assertThat(figures.cpuMillisPerThousand()).isPositive();
        assertThat(figures.peakHeapBytes()).isPositive().isLessThanOrEqualTo(figures.maxHeapBytes());
        assertThat(figures.peakRssBytes()).isPositive();
        assertThat(figures.latency().samples()).isEqualTo((int) figures.tweets());
        assertThat(figures.latency().p50()).isNotNegative().isLessThanOrEqualTo(figures.latency().p99());
        assertThat(figures.latency().p99()).isLessThanOrEqualTo(figures.latency().max());
        assertThat(figures.toString()).contains("tweets/s", "CPU per 1k tweets", "peak RSS");
    }

    @Test
    void v1TaskReportsThroughputCpuAndMemory() throws Exception {
        TaskFigures figures = briefly(TwitterSourceConfig.API_V1).run();

        assertThat(figures.tweetsPerSecond()).isPositive();
        assertThat(figures.simulatorSentPerSecond()).isPositive();
        assertThat(figures.cpuMillisPerThousand()).isPositive();
        assertThat(figures.peakRssBytes()).isPositive();
        assertThat(figures.latency()).isNull();
    }

    @Test
    void drainingWithoutATaskMeasuresTheSimulatorAlone() throws Exception {
        TaskBenchmark benchmark = briefly(TwitterSourceConfig.API_V2);
        benchmark.drainOnly = true;

        TaskFigures figures = benchmark.run();

        assertThat(figures.simulatorSentPerSecond()).isPositive();
        assertThat(figures.simulatorCpuMillisPerThousand()).isPositive();
    }
}
