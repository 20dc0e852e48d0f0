package io.tweetstream.benchmark;

import io.tweetstream.connect.TwitterSourceConnector;
import io.tweetstream.connect.TwitterSourceTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.connect.source.SourceRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One {@link TwitterSourceTask} in this JVM, started as a worker starts it and polled in a loop as a
 * worker polls it, fed by the simulator (in a JVM of its own) at its highest rate: after a warm-up,
 * prints the tweets per second the task sustains, the CPU it used per 1,000 tweets and the peak heap
 * and resident memory of this JVM, beside what the simulator sent.
 */
@Command(name = "task", mixinStandardHelpOptions = true,
        description = "Streams from the simulator at its highest rate into one task polled in a loop; prints figures.")
public final class TaskBenchmark implements Callable<Integer> {

    static final String CONNECTOR_NAME = "benchmark";
    static final String BEARER_TOKEN = "benchmark-bearer-token";

    @Option(names = "--api", description = "v2 (the filtered stream, with a rule per keyword) or v1.1 (Twitter4j); default ${DEFAULT-VALUE}")
    String api = TwitterSourceConfig.API_V2;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "seconds streamed before measuring; default ${DEFAULT-VALUE}")
    int warmupSeconds = 10;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "seconds measured; default ${DEFAULT-VALUE}")
    int durationSeconds = 20;

    @Option(names = "--rate", paramLabel = "TWEETS", description = "tweets per second the simulator sends; default (its highest) ${DEFAULT-VALUE}")
    double rate = 100_000;

    @Option(names = "--keywords", split = ",", paramLabel = "PHRASE", description = "track phrases; default ${DEFAULT-VALUE}")
    List<String> keywords = List.of("kafka", "apache spark", "flink", "java", "data");

    @Option(names = "--drain-only", description = "no task: read the stream and discard it, to measure the simulator's own ceiling")
    boolean drainOnly;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "where the simulator's output goes; default ${DEFAULT-VALUE}")
    Path workDir = Path.of("target", "benchmark-task");

    public static void main(String[] args) {
        System.exit(new CommandLine(new TaskBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        System.out.println(run());
        return 0;
    }

    /** Runs the benchmark once and returns its figures. */
    TaskFigures run() throws InterruptedException {
        try (SimulatorProcess simulator = SimulatorProcess.start(workDir.toAbsolutePath(), rate)) {
            if (drainOnly) {
                return drain(simulator);
            }
            Map<String, String> props = connectorConfig(simulator);
            TwitterSourceConnector connector = new TwitterSourceConnector();
            connector.start(props);
            Map<String, String> taskProps = connector.taskConfigs(1).get(0);
            TwitterSourceTask task = new TwitterSourceTask();
            task.initialize(new StandaloneTaskContext(taskProps));
            task.start(taskProps);
            try {
                return measure(task, simulator);
            } finally {
                task.stop();
                connector.stop();
            }
        }
    }

    private Map<String, String> connectorConfig(SimulatorProcess simulator) {
        Map<String, String> props = new HashMap<>();
        props.put("name", CONNECTOR_NAME);
        props.put(TwitterSourceConfig.TOPIC, "tweets");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, String.join(",", keywords));
        if (TwitterSourceConfig.API_V1.equals(api)) {
            props.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V1);
            props.put(TwitterSourceConfig.STREAM_BASE_URL, simulator.v1BaseUrl());
            props.put(TwitterSourceConfig.CONSUMER_KEY, "benchmark-consumer-key");
            props.put(TwitterSourceConfig.CONSUMER_SECRET, "benchmark-consumer-secret");
            props.put(TwitterSourceConfig.ACCESS_TOKEN, "1-benchmark-access-token");
            props.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, "benchmark-access-token-secret");
        } else if (TwitterSourceConfig.API_V2.equals(api)) {
            props.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V2);
            props.put(TwitterSourceConfig.V2_BASE_URL, simulator.v2BaseUrl());
            props.put(TwitterSourceConfig.V2_BEARER_TOKEN, BEARER_TOKEN);
        } else {
            throw new IllegalArgumentException("--api must be v2 or v1.1, was " + api);
        }
        // A short poll timeout lets the loop notice the end of the window promptly; the rest as a user has it.
        props.put(TwitterSourceConfig.POLL_TIMEOUT_MS, "100");
        return props;
    }

    /** The simulator's ceiling: its stream read by a reader that does nothing with it. */
    private TaskFigures drain(SimulatorProcess simulator) throws InterruptedException {
        TwitterSourceConnector connector = new TwitterSourceConnector();
        if (TwitterSourceConfig.API_V2.equals(api)) {
            // The connector puts the rules in place, so the stream carries the same tweets as for a task.
            connector.start(connectorConfig(simulator));
            connector.stop();
        }
        try (StreamDrain drain = TwitterSourceConfig.API_V2.equals(api)
                ? StreamDrain.v2(simulator.v2BaseUrl(), BEARER_TOKEN) : StreamDrain.v1(simulator.v1BaseUrl(), keywords)) {
            Thread.sleep(Duration.ofSeconds(warmupSeconds).toMillis());
            Snapshot first = Snapshot.take(System.nanoTime(), 0, simulator);
            Thread.sleep(Duration.ofSeconds(durationSeconds).toMillis());
            Snapshot last = Snapshot.take(System.nanoTime(), 0, simulator);
            SimulatorProcess.Sent sent = last.sent.minus(first.sent);
            return new TaskFigures(api + ", no task: the stream read and discarded", (last.nanos - first.nanos) / 1e9,
                    sent.tweets(), sent.tweets(), sent.dropped(), last.cpuNanos - first.cpuNanos,
                    last.simulatorCpuNanos - first.simulatorCpuNanos, ProcessMeter.ownPeakHeapBytes(),
                    Runtime.getRuntime().maxMemory(), ProcessMeter.peakRssBytes(ProcessMeter.ownPid()), null);
        }
    }

    private TaskFigures measure(TwitterSourceTask task, SimulatorProcess simulator) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long measureUntil = measureFrom + Duration.ofSeconds(durationSeconds).toNanos();
        boolean v2 = TwitterSourceConfig.API_V2.equals(api);
        Latencies latencies = new Latencies();
        Snapshot first = null;
        long tweets = 0;
        while (true) {
            long now = System.nanoTime();
            if (first == null && now >= measureFrom) {
                ProcessMeter.resetPeaks();
                first = Snapshot.take(now, tweets, simulator);
            }
            if (now >= measureUntil) {
                break;
            }
            List<SourceRecord> batch = task.poll();
            if (batch == null) {
                continue;
            }
            tweets += batch.size();
            // v2 tweets carry their creation time (the moment the simulator made them) to the millisecond.
            if (v2 && first != null) {
                long polledAt = System.currentTimeMillis();
                for (SourceRecord record : batch) {
                    latencies.add(polledAt - record.timestamp());
                }
            }
        }
        Snapshot last = Snapshot.take(System.nanoTime(), tweets, simulator);
        double seconds = (last.nanos - first.nanos) / 1e9;
        long measured = last.tweets - first.tweets;
        SimulatorProcess.Sent sent = last.sent.minus(first.sent);
        return new TaskFigures(api, seconds, measured, sent.tweets(), sent.dropped(),
                last.cpuNanos - first.cpuNanos, last.simulatorCpuNanos - first.simulatorCpuNanos,
                ProcessMeter.ownPeakHeapBytes(), Runtime.getRuntime().maxMemory(),
                ProcessMeter.peakRssBytes(ProcessMeter.ownPid()), v2 ? latencies.summary() : null);
    }

    private record Snapshot(long nanos, long tweets, SimulatorProcess.Sent sent, long cpuNanos, long simulatorCpuNanos) {
        static Snapshot take(long nanos, long tweets, SimulatorProcess simulator) {
            return new Snapshot(nanos, tweets, simulator.sent(), ProcessMeter.ownCpuNanos(),
                    ProcessMeter.cpuNanos(simulator.pid()));
        }
    }
}
