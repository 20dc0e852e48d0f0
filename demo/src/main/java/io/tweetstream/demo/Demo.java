package io.tweetstream.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.DeliveryDelay;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import io.tweetstream.testkit.ChildJvm;
import io.tweetstream.testkit.ConnectRest;
import io.tweetstream.testkit.ConnectWorker;
import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.PluginPackage;
import io.tweetstream.testkit.WorkDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The whole pipeline on one machine, started in order and stopped in reverse: a KRaft broker, a
 * distributed Connect worker with the packaged plugin, the stream simulator (or Twitter), the
 * connector registered by a REST POST of {@code config/twitter-source.json}, the Spark job counting
 * tweets per second into a counts topic, and the live chart reading it.
 */
final class Demo implements AutoCloseable {

    static final String CONNECTOR = "twitter-source";
    static final String TWEETS_TOPIC = "tweets";
    static final String COUNTS_TOPIC = "tweet-counts";
    private static final int STEPS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoOptions options;
    private final PrintStream out;
    private final Path repository;
    private final Path work;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private int step;
    private KafkaBroker broker;
    private ConnectWorker worker;
    private StreamSimulator simulator;
    private CountsPrinter counts;

    Demo(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.repository = options.repository().toAbsolutePath().normalize();
        this.work = options.workDir().toAbsolutePath().normalize();
    }

    void start() {
        boolean resuming = !options.clean() && Files.isDirectory(work.resolve("kafka"));
        if (options.clean()) {
            WorkDirectory.clean(work);
        }
        out.println("tweetstream demo: all state in " + work + (resuming
            ? " (resuming the earlier run; --clean starts afresh)" : " (a fresh start)"));

        broker = step("Kafka broker (KRaft)", () -> KafkaBroker.start(work.resolve("kafka"),
            options.kafkaPort(), options.kafkaPort() + 1));
        worker = step("Kafka Connect worker with the tweetstream plugin", () -> {
            Path plugins = work.resolve("plugins");
            WorkDirectory.clean(plugins);
            PluginPackage.unzipInto(PluginPackage.zip(repository), plugins);
            return ConnectWorker.start(work.resolve("connect"), broker.bootstrapServers(), plugins,
                options.connectPort(), Map.of("group.id", "tweetstream-demo"));
        });
        if (options.twitterCredentials() == null) {
            simulator = step("Stream simulator", () -> StreamSimulator.start(SimulatorSettings.builder()
                .port(options.simulatorPort()).tweetsPerSecond(options.tweetsPerSecond())
                // As X sells it to a new account, and as X is: tweets go on while the worker restarts.
                .tier(SimulatorSettings.Tier.PAY_PER_USE).continuousTweets(true)
                // And delivered as X delivers: out of order, most within 1-2 s, P99 about 6.5 s.
                .deliveryDelay(DeliveryDelay.xLike())
                // Enough to refill a restart of several minutes; each kept tweet costs about 9 KB of heap.
                .historyLimit(30_000)
                .keepAliveInterval(Duration.ofSeconds(5))
                .bursts(Duration.ofSeconds(30), Duration.ofSeconds(5), 4).build()));
        } else {
            step("Stream simulator (skipped: streaming from Twitter)", () -> null);
        }
        step("Twitter source connector", () -> {
            registerConnector();
            worker.rest().awaitRunning(CONNECTOR, 1, Duration.ofSeconds(60));
            return null;
        });
        step("Spark job counting tweets per second (ready at its first committed batch)", () -> {
            CountsTopic.create(broker.bootstrapServers(), COUNTS_TOPIC);
            return SparkJob.start(repository, work, broker.bootstrapServers(), TWEETS_TOPIC, COUNTS_TOPIC, out);
        });
        step("Live chart", () -> Dashboard.start(repository, work, broker.bootstrapServers(), COUNTS_TOPIC,
            options.dashboardPort()));

        out.println();
        out.println("Everything runs:");
        out.println("  Kafka broker       " + broker.bootstrapServers() + "  (topics " + TWEETS_TOPIC + ", " + COUNTS_TOPIC + ")");
        out.println("  Connect REST API   http://127.0.0.1:" + options.connectPort() + "/connectors/" + CONNECTOR + "/status");
        if (simulator != null) {
            out.println("  Stream simulator   " + (options.usesV2() ? simulator.v2BaseUrl() + " (X API v2)"
                : simulator.v1BaseUrl()) + "  (stats: " + simulator.statsUrl() + ")");
        }
        out.println("  Live chart         http://127.0.0.1:" + options.dashboardPort() + "/");
        out.println("  Logs               " + work + "/{kafka,connect,spark,dashboard}/");
        out.println();
        out.println("Tweets per second, total and per keyword: each second provisional once it has ended, final"
            + " 15 s later when no more of its tweets are expected, and late tweets after that (Ctrl-C stops everything):");
        counts = new CountsPrinter(broker.bootstrapServers(), COUNTS_TOPIC, out);
        running.push(counts);
        counts.start();
    }

    private <T> T step(String what, Supplier<T> action) {
        step++;
        out.printf("[%d/%d] %s ...%n", step, STEPS, what);
        long started = System.nanoTime();
        T started_ = action.get();
        if (started_ instanceof AutoCloseable closeable) {
            running.push(closeable);
        }
        out.printf("      ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return started_;
    }

    /** POSTs the connector JSON of config/, or PUTs its config when a resumed worker already has it. */
    private void registerConnector() {
        try {
            String example = options.usesV2() ? "twitter-source.json" : "twitter-source-v1.1.json";
            String baseUrlKey = options.usesV2() ? "twitter.v2.base.url" : "twitter.stream.base.url";
            ObjectNode body = (ObjectNode) JSON.readTree(repository.resolve("config").resolve(example).toFile());
            body.put("name", CONNECTOR);
            ObjectNode config = (ObjectNode) body.get("config");
            config.put("topic", TWEETS_TOPIC);
            config.put("twitter.track.keywords", String.join(",", options.keywords()));
            if (simulator != null) {
                config.put(baseUrlKey, options.usesV2() ? simulator.v2BaseUrl() : simulator.v1BaseUrl());
            } else {
                config.remove(baseUrlKey);
                twitterSettings().forEach((key, value) -> config.put((String) key, (String) value));
            }
            ConnectRest rest = worker.rest();
            ConnectRest.Response created = rest.post("/connectors", body);
            if (created.status() == 409) {
                created = rest.put("/connectors/" + CONNECTOR + "/config", config);
            }
            if (created.status() >= 300) {
                throw new IllegalStateException("Connect refused the connector (HTTP " + created.status() + "): "
                    + created.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties twitterSettings() throws IOException {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(options.twitterCredentials())) {
            settings.load(in);
        }
        return settings;
    }

    /** Waits for the requested duration, or until interrupted (Ctrl-C). */
    void awaitEnd() throws InterruptedException {
        if (options.duration() == null) {
            Thread.currentThread().join();
        } else {
            Thread.sleep(options.duration().toMillis());
        }
    }

    StreamSimulator simulator() {
        return simulator;
    }

    CountsPrinter counts() {
        return counts;
    }

    /** Stops everything that was started, newest first. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        out.println("Stopping ...");
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                out.println("  (while stopping: " + e + ")");
            }
        }
        out.println("Stopped. State is kept in " + work + "; the next run resumes from it (or use --clean).");
    }
}
