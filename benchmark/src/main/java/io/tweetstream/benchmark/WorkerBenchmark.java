package io.tweetstream.benchmark;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.SentTweet;
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
 * The packaged plugin on a real distributed worker and KRaft broker (child processes), one v2 task fed
 * by the simulator (in this JVM) at its highest rate, into a topic whose record timestamps are the
 * broker's append times: prints the tweets per second that reach the topic, the latency from the
 * moment the simulator made a tweet to its append (matched by tweet id), and the worker's peak RSS and
 * CPU per 1,000 tweets.
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
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("broker"));
                ConnectWorker worker = ConnectWorker.start(work.resolve("worker"), broker.bootstrapServers(),
                        plugins, Map.of());
                StreamSimulator simulator = StreamSimulator.start(
                        SimulatorLauncher.settings(0, rate).sentHistoryLimit(history).build())) {
            createTopic(broker.bootstrapServers());
            startConnector(worker.rest(), simulator);
            long workerPid = childPid("org.apache.kafka.connect.cli.ConnectDistributed");
            long brokerPid = childPid("kafka.Kafka");
            return measure(broker.bootstrapServers(), simulator, workerPid, brokerPid);
        }
    }

    /** One partition whose record timestamps are the broker's append times. */
    private static void createTopic(String bootstrapServers) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1).configs(
                    Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")))).all().get();
        }
    }

    private void startConnector(ConnectRest rest, StreamSimulator simulator) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.tweetstream.connect.TwitterSourceConnector");
        config.put("tasks.max", "1");
        config.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V2);
        config.put(TwitterSourceConfig.V2_BASE_URL, simulator.v2BaseUrl());
        config.put(TwitterSourceConfig.V2_BEARER_TOKEN, "benchmark-bearer-token");
        config.put(TwitterSourceConfig.TOPIC, TOPIC);
        config.put(TwitterSourceConfig.TRACK_KEYWORDS, String.join(",", keywords));
        // Batching for a firehose: Connect's source producer defaults send small, uncompressed batches.
        config.put("producer.override.linger.ms", "20");
        config.put("producer.override.batch.size", "524288");
        config.put("producer.override.compression.type", "lz4");
        ConnectRest.Response response = rest.post("/connectors", Map.of("name", CONNECTOR_NAME, "config", config));
        if (response.status() != 201) {
            throw new IllegalStateException("The worker refused the connector: " + response.status() + " " + response.body());
        }
        rest.awaitRunning(CONNECTOR_NAME, 1, RUNNING_DEADLINE);
    }

    /** A child process of this JVM by its main class (the testkit starts them and keeps their handles). */
    private static long childPid(String mainClass) {
        return ProcessHandle.current().children()
                .filter(p -> ProcessMeter.commandLine(p.pid()).contains(mainClass))
                .findFirst().orElseThrow(() -> new IllegalStateException("No child process runs " + mainClass))
                .pid();
    }

    private WorkerFigures measure(String bootstrapServers, StreamSimulator simulator, long workerPid, long brokerPid)
            throws InterruptedException {
        long measureFrom = System.currentTimeMillis() + Duration.ofSeconds(warmupSeconds).toMillis();
        long measureUntil = measureFrom + Duration.ofSeconds(durationSeconds).toMillis();
        Latencies latencies = new Latencies();
        long appended = 0;
        long unmatched = 0;
        Snapshot first = null;
        Snapshot last = null;
        try (SendTimes sendTimes = new SendTimes(simulator);
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<long[]> pending = new ArrayList<>();
            long giveUpAt = measureUntil + CATCH_UP.toMillis();
            boolean caughtUp = false;
            // Until the window is over and the consumer has read all that was appended in it.
            while ((last == null || !caughtUp) && System.currentTimeMillis() < giveUpAt) {
                long now = System.currentTimeMillis();
                if (first == null && now >= measureFrom) {
                    first = Snapshot.take(simulator, workerPid, brokerPid);
                }
                if (last == null && now >= measureUntil) {
                    last = Snapshot.take(simulator, workerPid, brokerPid);
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
        return new WorkerFigures(seconds, appended, unmatched, last.sent - first.sent, last.dropped - first.dropped,
                latencies.summary(), last.workerCpuNanos - first.workerCpuNanos,
                last.brokerCpuNanos - first.brokerCpuNanos, ProcessMeter.peakRssBytes(workerPid),
                ProcessMeter.peakRssBytes(brokerPid));
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }

    private record Snapshot(long millis, long sent, long dropped, long workerCpuNanos, long brokerCpuNanos) {
        static Snapshot take(StreamSimulator simulator, long workerPid, long brokerPid) {
            long sent = 0;
            long dropped = 0;
            for (ConnectionInfo connection : simulator.connections()) {
                sent += connection.tweetsSent();
                dropped += connection.tweetsDropped();
            }
            return new Snapshot(System.currentTimeMillis(), sent, dropped, ProcessMeter.cpuNanos(workerPid),
                    ProcessMeter.cpuNanos(brokerPid));
        }
    }

    /**
     * When the simulator made each tweet, by id: harvested from its bounded history every 20 ms,
     * newest first down to the last id already taken (ids grow with time), and forgotten once matched.
     */
    private static final class SendTimes implements AutoCloseable {

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
            for (int i = history.size() - 1; i >= 0 && history.get(i).id() > newestId; i--) {
                SentTweet tweet = history.get(i);
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
