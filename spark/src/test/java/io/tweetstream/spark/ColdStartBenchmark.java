package io.tweetstream.spark;

import static org.awaitility.Awaitility.await;

import io.tweetstream.testkit.ChildJvm;
import io.tweetstream.simulator.DeliveryDelay;
import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.WorkDirectory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How long the job takes from its JVM's start to its first published count: a broker of the
 * testkit, live tweets written as the connector writes them (header and timestamp) at a steady
 * rate, begun {@link #CONNECTOR_HEAD_START} before the job, and the job ({@link TweetCountJob},
 * {@code --sink kafka}, a fresh checkpoint, topics of its own) in a JVM of its own, as
 * {@code exec:exec@run} starts it. Each run prints the seconds from the JVM's start to the job's
 * log lines that mark its phases (session, query started, first batches) and to the first record
 * of the counts topic ({@link CountArrivals}). Not a test: run it with
 * <pre>mvn -B -pl spark test-compile exec:exec@cold-start -Dexec.args="[runs]"</pre>
 * (default 3 runs). The system property {@code coldstart.jvmOptions} adds JVM options to the
 * job's, e.g. {@code -XX:StartFlightRecording=filename=/tmp/job.jfr} to profile its start.
 */
public final class ColdStartBenchmark {

    private static final String TOPIC = "tweets";
    private static final String COUNTS_TOPIC = "tweet-counts";
    private static final int TWEETS_PER_SECOND = 1_000;
    private static final Duration FIRST_COUNT_TIMEOUT = Duration.ofMinutes(1);
    /** How long the tweets have been written when the job starts. */
    private static final Duration CONNECTOR_HEAD_START = Duration.ofSeconds(10);
    /**
     * How long the job goes on after its first count, for its log to tell the batches that led to it
     * (system property {@code coldstart.afterFirstCountSeconds}, default 3: longer for a training run).
     */
    private static final Duration AFTER_FIRST_COUNT =
        Duration.ofSeconds(Long.getLong("coldstart.afterFirstCountSeconds", 3));
    /** The job's log lines that mark a phase of its start, by a part of their text. */
    private static final List<String> PHASES = List.of("Counting tweets of topic", "Query tweet-counts started",
        "Batch 0:", "Batch 1:", "Batch 2:");

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path workDir = Path.of("target", "cold-start").toAbsolutePath();
        WorkDirectory.clean(workDir);
        List<Double> firstCounts = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(workDir.resolve("broker"))) {
            KafkaTopics topics = new KafkaTopics(broker.bootstrapServers());
            for (int run = 1; run <= runs; run++) {
                firstCounts.add(run(broker.bootstrapServers(), topics, workDir.resolve("run-" + run), run));
            }
        }
        double[] sorted = firstCounts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%nFirst count after %s s (median %.1f s), %d cores%n",
            Arrays.toString(firstCounts.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toArray()),
            sorted[sorted.length / 2], Runtime.getRuntime().availableProcessors());
    }

    /**
     * One start of the job, on topics of its own, beside a connector that has been writing for
     * {@link #CONNECTOR_HEAD_START} (as the demo starts the job after the connector): every run reads
     * the same backlog, and the producer's own start is not the job's. Returns the seconds from the
     * job's JVM start to its first count.
     */
    private static double run(String bootstrapServers, KafkaTopics topics, Path runDir, int run) throws IOException {
        String tweetsTopic = TOPIC + "-" + run;
        String countsTopic = COUNTS_TOPIC + "-" + run;
        topics.create(tweetsTopic, 2);
        topics.create(countsTopic, 1);
        List<String> jvmOptions = new ArrayList<>(List.of("@" + Path.of("jvm.options").toAbsolutePath(),
            "-Dlog4j2.configurationFile=" + Path.of("conf", "log4j2.properties").toAbsolutePath()));
        String extra = System.getProperty("coldstart.jvmOptions", "").trim();
        if (!extra.isEmpty()) {
            jvmOptions.addAll(List.of(extra.split("\\s+")));
        }
        Files.createDirectories(runDir);
        try (LiveTweets tweets = new LiveTweets(bootstrapServers, tweetsTopic, TWEETS_PER_SECOND,
                Duration.ofHours(1), DeliveryDelay.none()).start()) {
            sleep(CONNECTOR_HEAD_START.toMillis());
            return startJob(bootstrapServers, tweetsTopic, countsTopic, jvmOptions, runDir, run);
        }
    }

    /** Starts the job, waits for its first count, stops it and prints its phases. */
    private static double startJob(String bootstrapServers, String tweetsTopic, String countsTopic,
            List<String> jvmOptions, Path runDir, int run) throws IOException {
        long start = System.currentTimeMillis();
        double firstCount;
        try (CountArrivals arrivals = new CountArrivals(bootstrapServers, countsTopic).start();
             ChildJvm job = ChildJvm.start("job", runDir, classPath(), jvmOptions,
                TweetCountJob.class.getName(), List.of("--bootstrap-servers", bootstrapServers,
                    "--topic", tweetsTopic, "--sink", "kafka", "--output-topic", countsTopic,
                    "--checkpoint-dir", runDir.resolve("checkpoint").toString()))) {
            firstCount = (awaitFirstCount(job, arrivals) - start) / 1e3;
            // The batch that published it logs its progress once its commit is done.
            sleep(AFTER_FIRST_COUNT.toMillis());
        }
        System.out.printf(Locale.ROOT, "Run %d: first count %.1f s after the JVM's start%n", run, firstCount);
        phases(runDir.resolve("job.out"), start).forEach(line -> System.out.println("  " + line));
        return firstCount;
    }

    /** This JVM's class path, made absolute: the job runs in a directory of its own. */
    private static String classPath() {
        String given = System.getProperty("coldstart.classPath", "").trim();
        if (!given.isEmpty()) {
            return given;
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    }

    /** The time (epoch milliseconds) the counts topic's first record was seen. */
    private static long awaitFirstCount(ChildJvm job, CountArrivals arrivals) {
        await("the job's first count").atMost(FIRST_COUNT_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!job.isAlive()) {
                throw new IllegalStateException("The job exited before its first count:\n" + job.logTail());
            }
            return arrivals.firstRecordAt() > 0;
        });
        return arrivals.firstRecordAt();
    }

    /** The job's log lines that mark its phases, each with its seconds since the JVM's start. */
    private static List<String> phases(Path log, long start) throws IOException {
        LocalTime started = Instant.ofEpochMilli(start).atZone(ZoneOffset.systemDefault()).toLocalTime();
        List<String> phases = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.length() > 12 && PHASES.stream().anyMatch(line::contains)) {
                LocalTime at = LocalTime.parse(line.substring(0, 12));
                double seconds = Duration.between(started, at).toMillis() / 1e3;
                phases.add(String.format(Locale.ROOT, "%5.1f s  %s", seconds,
                    line.substring(13, Math.min(line.length(), 160))));
            }
        }
        return phases;
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
