package io.tweetstream.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The worker harness runs briefly on a real broker and worker with the packaged plugin (build it
 * first: mvn -pl connector package) and prints sane figures: a smoke test, not a timed one.
 */
class WorkerBenchmarkIT {

    @Test
    void pluginOnAWorkerReportsThroughputAppendLatencyAndWorkerResources() throws Exception {
        WorkerBenchmark benchmark = new WorkerBenchmark();
        benchmark.warmupSeconds = 2;
        benchmark.durationSeconds = 3;
        benchmark.rate = 500;

        WorkerFigures figures = benchmark.run();

        assertThat(figures.appended()).isPositive();
        assertThat(figures.tweetsPerSecond()).isPositive();
        assertThat(figures.simulatorSent()).isPositive();
        assertThat(figures.unmatched()).isLessThan(figures.appended());
        assertThat(figures.latency().samples()).isEqualTo((int) figures.appended());
        assertThat(figures.latency().p50()).isNotNegative().isLessThanOrEqualTo(figures.latency().p99());
        assertThat(figures.latency().p99()).isLessThanOrEqualTo(figures.latency().max());
        assertThat(figures.workerCpuMillisPerThousand()).isPositive();
        assertThat(figures.workerPeakRss()).singleElement().satisfies(rss -> assertThat(rss).isPositive());
        assertThat(figures.toString()).contains("latency made -> appended", "peak RSS");
    }

    @Test
    void theFirehoseOverTwoWorkersReportsEachWorker() throws Exception {
        WorkerBenchmark benchmark = new WorkerBenchmark();
        benchmark.stream = "firehose";
        benchmark.workers = 2;
        benchmark.tasks = 4;
        benchmark.topicPartitions = 4;
        benchmark.warmupSeconds = 5;
        benchmark.durationSeconds = 3;
        benchmark.rate = 300;

        WorkerFigures figures = benchmark.run();

        assertThat(figures.appended()).isPositive();
        assertThat(figures.workerCpuNanos()).hasSize(2).allSatisfy(cpu -> assertThat(cpu).isPositive());
        assertThat(figures.workerPeakRss()).hasSize(2);
        assertThat(figures.toString()).contains("firehose, 20 partitions over 4 tasks on 2 workers", "worker 2 CPU");
    }
}
