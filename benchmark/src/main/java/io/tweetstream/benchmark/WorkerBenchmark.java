package io.tweetstream.benchmark;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import io.tweetstream.testkit.ConnectRest;
import io.tweetstream.testkit.ConnectWorker;
import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.PluginPackage;
import io.tweetstream.testkit.WorkDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The packaged plugin on real distributed workers and a KRaft broker (child processes), fed by the
 * simulator (in this JVM), into a topic whose record timestamps are the broker's append times: one
 * v2 filtered-stream task at the simulator's highest rate by default, or ({@code --stream firehose})
 * the firehose's 20 partitions over {@code --tasks} tasks on {@code --workers} workers of one
 * cluster, at a rate with bursts. Prints the tweets per second that reach the topic, the latency from
 * the moment the simulator made a tweet to its append (matched by tweet id), and each worker's peak
 * RSS and CPU per 1,000 tweets.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Streams from the simulator at its highest rate through the plugin on a real worker and broker; prints figures.")
public final class WorkerBenchmark implements Callable<Integer> {

    static final String CONNECTOR_NAME = "benchmark";
    static final String TOPIC = "tweets";
    private static final Duration RUNNING_DEADLINE = Duration.ofSeconds(60);
    /** After the window, how long the consumer may take to read what was appended in it. */
    private static final Duration CATCH_UP = Duration.ofSeconds(15);

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "seconds streamed before measuring; default ${DEFAULT-VALUE}")
    int warmupSeconds = 10;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "seconds measured; default ${DEFAULT-VALUE}")
    int durationSeconds = 20;

    @Option(names = "--rate", paramLabel = "TWEETS", description = "tweets per second the simulator makes; default (its highest) ${DEFAULT-VALUE}")
    double rate = 100_000;

    @Option(names = "--stream", paramLabel = "filtered|firehose",
            description = "the filtered stream (its rules from --keywords) or the firehose's partitions; default ${DEFAULT-VALUE}")
    String stream = "filtered";

    @Option(names = "--workers", paramLabel = "N", description = "workers of the Connect cluster; default ${DEFAULT-VALUE}")
    int workers = 1;

    @Option(names = "--tasks", paramLabel = "N", description = "tasks.max; default ${DEFAULT-VALUE}")
    int tasks = 1;

    @Option(names = "--burst-factor", paramLabel = "X",
            description = "bursts of X times the rate, for 5 s every 30 s (1: none); default ${DEFAULT-VALUE}")
    double burstFactor = 1;

    @Option(names = "--topic-partitions", paramLabel = "N", description = "partitions of the topic; default ${DEFAULT-VALUE}")
    int topicPartitions = 1;

    @Option(names = "--keywords", split = ",", paramLabel = "PHRASE", description = "track phrases; default ${DEFAULT-VALUE}")
    List<String> keywords = List.of("kafka", "apache spark", "flink", "java", "data");

    @Option(names = "--repo-root", paramLabel = "DIR", description = "the repository, whose connector/target holds the packaged zip; default ${DEFAULT-VALUE}")
    Path repoRoot = Path.of("..");

    @Option(names = "--work-dir", paramLabel = "DIR", description = "broker, worker and plugin directories (emptied first); default ${DEFAULT-VALUE}")
    Path workDir = Path.of("target", "benchmark-worker");

    public static void main(String[] args) {
        System.exit(new CommandLine(new WorkerBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.println(run());
        return 0;
    }

    /** Runs the benchmark once and returns its figures. */
    WorkerFigures run() throws Exception {
        // Absolute: the child processes run in directories of their own.
        Path work = workDir.toAbsolutePath();
        WorkDirectory.clean(work);
        Path plugins = work.resolve("plugins");
        PluginPackage.unzipInto(PluginPackage.zip(repoRoot), plugins);
        // Enough history to match every tweet to its send time between two harvests (every 20 ms) with a
        // wide margin, and no more: every line kept is live heap in this JVM, which shares the machine.
        int history = 20_000;
        List<ConnectWorker> cluster = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("broker"));
                StreamSimulator simulator = StreamSimulator.start(simulatorSettings(history))) {
            for (int i = 1; i <= workers; i++) {
                cluster.add(ConnectWorker.start(work.resolve("worker-" + i), broker.bootstrapServers(), plugins, Map.of()));
            }
            createTopic(broker.bootstrapServers());
            startConnector(cluster.get(0).rest(), simulator);
            List<Long> workerPids = childPids("org.apache.kafka.connect.cli.ConnectDistributed");
            long brokerPid = childPids("kafka.Kafka").get(0);
            return measure(broker.bootstrapServers(), simulator, workerPids, brokerPid);
        } finally {
            cluster.forEach(ConnectWorker::close);
        }
    }

    private boolean firehose() {
        if (!stream.equals("filtered") && !stream.equals("firehose")) {
            throw new IllegalArgumentException("--stream is filtered or firehose, not " + stream);
        }
        return stream.equals("firehose");
    }

    private SimulatorSettings simulatorSettings(int history) {
        SimulatorSettings.Builder settings = SimulatorLauncher.settings(0, rate).sentHistoryLimit(history);
        if (firehose()) {
            settings.tier(SimulatorSettings.Tier.ENTERPRISE).firehoseTweetsPerSecond(rate);
        }
        if (burstFactor != 1) {
            settings.bursts(Duration.ofSeconds(30), Duration.ofSeconds(5), burstFactor);
        }
        return settings.build();
    }

    /** What the figures were measured on, for their heading. */
    private String setup() {
        return firehose()
                ? String.format(Locale.ROOT, "v2 firehose, 20 partitions over %d tasks on %d workers, %,.0f tweets/s%s",
                        tasks, workers, rate, burstFactor == 1 ? "" : String.format(Locale.ROOT,
                                " with bursts of x%.0f (%,.0f/s) for 5 s every 30 s", burstFactor, rate * burstFactor))
                : String.format(Locale.ROOT, "v2 filtered stream, %d task(s) on %d worker(s)", tasks, workers);
    }

    /** A topic whose record timestamps are the broker's append times. */
    private void createTopic(String bootstrapServers) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, topicPartitions, (short) 1).configs(
                    Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")))).all().get();
        }
    }

    private void startConnector(ConnectRest rest, StreamSimulator simulator) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.tweetstream.connect.TwitterSourceConnector");
        config.put("tasks.max", String.valueOf(tasks));
        config.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V2);
        config.put(TwitterSourceConfig.V2_BASE_URL, simulator.v2BaseUrl());
        config.put(TwitterSourceConfig.V2_BEARER_TOKEN, "benchmark-bearer-token");
        config.put(TwitterSourceConfig.TOPIC, TOPIC);
        if (firehose()) {
            config.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_FIREHOSE);
            config.put(TwitterSourceConfig.V2_TIER, "enterprise");
        } else {
            config.put(TwitterSourceConfig.TRACK_KEYWORDS, String.join(",", keywords));
        }
        // Batching for a firehose: Connect's source producer defaults send small, uncompressed batches.
        config.put("producer.override.linger.ms", "20");
        config.put("producer.override.batch.size", "524288");
        config.put("producer.override.compression.type", "lz4");
        ConnectRest.Response response = rest.post("/connectors", Map.of("name", CONNECTOR_NAME, "config", config));
        if (response.status() != 201) {
            throw new IllegalStateException("The worker refused the connector: " + response.status() + " " + response.body());
        }
        rest.awaitRunning(CONNECTOR_NAME, firehose() ? Math.min(tasks, 20) : 1, RUNNING_DEADLINE);
    }

    /** The child processes of this JVM that run a main class (the testkit starts them and keeps their handles). */
    private static List<Long> childPids(String mainClass) {
        List<Long> pids = ProcessHandle.current().children()
                .filter(p -> ProcessMeter.commandLine(p.pid()).contains(mainClass))
                .map(ProcessHandle::pid).sorted().toList();
        if (pids.isEmpty()) {
            throw new IllegalStateException("No child process runs " + mainClass);
        }
        return pids;
    }

    private WorkerFigures measure(String bootstrapServers, StreamSimulator simulator, List<Long> workerPids,
            long brokerPid) throws InterruptedException {
        long measureFrom = System.currentTimeMillis() + Duration.ofSeconds(warmupSeconds).toMillis();
        long measureUntil = measureFrom + Duration.ofSeconds(durationSeconds).toMillis();
        Latencies latencies = new Latencies();
        long appended = 0;
        long unmatched = 0;
        Snapshot first = null;
        Snapshot last = null;
        try (SendTimes sendTimes = new SendTimes(simulator);
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, topicPartitions)) {
            List<long[]> pending = new ArrayList<>();
            long giveUpAt = measureUntil + CATCH_UP.toMillis();
            boolean caughtUp = false;
            // Until the window is over and the consumer has read all that was appended in it.
            while ((last == null || !caughtUp) && System.currentTimeMillis() < giveUpAt) {
                long now = System.currentTimeMillis();
                if (first == null && now >= measureFrom) {
                    first = Snapshot.take(simulator, workerPids, brokerPid);
                }
                if (last == null && now >= measureUntil) {
                    last = Snapshot.take(simulator, workerPids, brokerPid);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long id = Long.parseLong(new String(record.key(), StandardCharsets.US_ASCII));
                    pending.add(new long[] {id, record.timestamp()});
                    // The window ends with the first record appended after it: all before it are read.
                    caughtUp |= record.timestamp() >= measureUntil;
                }
                List<long[]> stillPending = new ArrayList<>();
                for (long[] record : pending) {
                    Long sentAt = sendTimes.take(record[0]);
                    if (sentAt == null) {
                        stillPending.add(record);
                    } else if (record[1] >= measureFrom && record[1] < measureUntil) {
                        appended++;
                        latencies.add(record[1] - sentAt);
                    }
                }
                pending = stillPending;
            }
            unmatched = pending.stream().filter(r -> r[1] >= measureFrom && r[1] < measureUntil).count();
        }
        if (appended == 0) {
            throw new IllegalStateException("No tweet was appended in the window: see the worker's log in " + workDir);
        }
        double seconds = (last.millis - first.millis) / 1000.0;
        List<Long> workerCpu = new ArrayList<>();
        for (int i = 0; i < workerPids.size(); i++) {
            workerCpu.add(last.workerCpuNanos.get(i) - first.workerCpuNanos.get(i));
        }
        return new WorkerFigures(setup(), seconds, appended, unmatched, last.sent - first.sent,
                last.dropped - first.dropped, latencies.summary(), workerCpu,
                last.brokerCpuNanos - first.brokerCpuNanos,
                workerPids.stream().map(ProcessMeter::peakRssBytes).toList(), ProcessMeter.peakRssBytes(brokerPid));
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers, int partitions) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> all = java.util.stream.IntStream.range(0, partitions)
                .mapToObj(partition -> new TopicPartition(TOPIC, partition)).toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
        return consumer;
    }

    private record Snapshot(long millis, long sent, long dropped, List<Long> workerCpuNanos, long brokerCpuNanos) {
        static Snapshot take(StreamSimulator simulator, List<Long> workerPids, long brokerPid) {
            long sent = 0;
            long dropped = 0;
            for (ConnectionInfo connection : simulator.connections()) {
                sent += connection.tweetsSent();
                dropped += connection.tweetsDropped();
            }
            return new Snapshot(System.currentTimeMillis(), sent, dropped,
                    workerPids.stream().map(ProcessMeter::cpuNanos).toList(), ProcessMeter.cpuNanos(brokerPid));
        }
    }

    /**
     * When the simulator made each tweet, by id: harvested from its bounded history every 20 ms,
     * newest first down to the last id already taken (ids grow with time), and forgotten once matched.
     */
    private static final class SendTimes implements AutoCloseable {

        /** How many ids already harvested in a row end a harvest. */
        private static final int SEEN_RUN = 2_000;
        private final Map<Long, Long> sentAtById = new ConcurrentHashMap<>();
        private final Thread harvester;
        private volatile boolean closed;
        private long newestId = Long.MIN_VALUE;

        SendTimes(StreamSimulator simulator) {
            harvester = new Thread(() -> {
                while (!closed) {
                    harvest(simulator.sentTweets());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "send-times");
            harvester.setDaemon(true);
            harvester.start();
        }

        private void harvest(List<SentTweet> history) {
            long newest = newestId;
            // Several connections (partitions) interleave in the history, so ids are only roughly in
            // order: go back until a run of ids already seen.
            int seenInARow = 0;
            for (int i = history.size() - 1; i >= 0 && seenInARow < SEEN_RUN; i--) {
                SentTweet tweet = history.get(i);
                if (tweet.id() <= newestId) {
                    seenInARow++;
                    continue;
                }
                seenInARow = 0;
                sentAtById.put(tweet.id(), tweet.sentAt().toEpochMilli());
                newest = Math.max(newest, tweet.id());
            }
            newestId = newest;
        }

        Long take(long id) {
            return sentAtById.remove(id);
        }

        @Override
        public void close() {
            closed = true;
            harvester.interrupt();
        }
    }
}
