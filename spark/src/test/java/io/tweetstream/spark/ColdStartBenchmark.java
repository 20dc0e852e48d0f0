package io.tweetstream.spark;

import static org.awaitility.Awaitility.await;

import io.tweetstream.simulator.DeliveryDelay;
import io.tweetstream.testkit.ChildJvm;
import io.tweetstream.testkit.ClassDataArchive;
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
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * How long the job takes from its JVM's start to its first published count, without and with a
 * class-data archive of its classes ({@link ClassDataArchive}, as the demo starts it): a broker of
 * the testkit, live tweets written as the connector writes them (header and timestamp) at a steady
 * rate, begun {@link #CONNECTOR_HEAD_START} before the job, and the job ({@link TweetCountJob},
 * {@code --sink kafka}, a fresh checkpoint, topics of its own) in a JVM of its own on its jar and
 * {@code target/classpath.txt}. A first run makes the archive (and warms the broker: it is not
 * counted), then the runs without and with it alternate. Each run prints the seconds from the JVM's
 * start to the job's log lines that mark its phases (session, query started, first batches) and to
 * the first record of the counts topic ({@link CountArrivals}). Not a test: run it with
 * <pre>mvn -B -pl spark package -DskipTests exec:exec@cold-start -Dexec.args="[runs of each]"</pre>
 * (default 3). The system property {@code coldstart.jvmOptions} adds JVM options to the job's, e.g.
 * {@code -XX:StartFlightRecording=filename=/tmp/job.jfr} to profile its start.
 */
public final class ColdStartBenchmark {

    private static final String TOPIC = "tweets";
    private static final String COUNTS_TOPIC = "tweet-counts";
    private static final int TWEETS_PER_SECOND = 1_000;
    private static final Duration FIRST_COUNT_TIMEOUT = Duration.ofMinutes(1);
    /** How long the tweets have been written when the job starts. */
    private static final Duration CONNECTOR_HEAD_START = Duration.ofSeconds(10);
    /** How long a measured job goes on after its first count, for its log to tell the batches that led to it. */
    private static final Duration AFTER_FIRST_COUNT = Duration.ofSeconds(3);
    /** How long the run that makes the archive goes on: the classes of the job's steady batches belong in it. */
    private static final Duration TRAINING_AFTER_FIRST_COUNT = Duration.ofSeconds(30);
    /** The job's log lines that mark a phase of its start, by a part of their text. */
    private static final List<String> PHASES = List.of("Counting tweets of topic", "Query tweet-counts started",
        "Batch 0:", "Batch 1:", "Batch 2:");

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path workDir = Path.of("target", "cold-start").toAbsolutePath();
        WorkDirectory.clean(workDir);
        String classPath = jobClassPath();
        List<String> jvmOptions = jvmOptions();
        ClassDataArchive archive = ClassDataArchive.of(workDir.resolve("class-data"), "job", classPath, jvmOptions);
        List<Double> plain = new ArrayList<>();
        List<Double> archived = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(workDir.resolve("broker"))) {
            KafkaTopics topics = new KafkaTopics(broker.bootstrapServers());
            Job job = new Job(broker.bootstrapServers(), topics, classPath, workDir);
            System.out.println("Run 0 (not counted): " + archive.describe());
            job.run(0, with(jvmOptions, archive.jvmOptions()), TRAINING_AFTER_FIRST_COUNT);
            if (!archive.keepIfMade(job.lastExitCode)) {
                throw new IllegalStateException("The first run made no class-data archive: see "
                    + workDir.resolve("run-0").resolve("job.out"));
            }
            System.out.printf(Locale.ROOT, "  archive made at its exit in %.1f s: %s%n", job.lastStopSeconds,
                archive.describe());
            for (int run = 1; run <= 2 * runs; run++) {
                boolean withArchive = run % 2 == 0;
                System.out.print(withArchive ? "With the archive, " : "Without an archive, ");
                (withArchive ? archived : plain).add(
                    job.run(run, withArchive ? with(jvmOptions, archive.jvmOptions()) : jvmOptions, AFTER_FIRST_COUNT));
            }
        }
        double plainMedian = median(plain);
        double archivedMedian = median(archived);
        System.out.printf(Locale.ROOT, "%nFirst count after (s from the JVM's start), %d cores:%n"
            + "  without an archive  %s, median %.1f s%n"
            + "  with the archive    %s, median %.1f s (%.2f of without)%n",
            Runtime.getRuntime().availableProcessors(), format(plain), plainMedian, format(archived),
            archivedMedian, archivedMedian / plainMedian);
    }

    /** The job's JVM options as {@code exec:exec@run} and the demo give them, and {@code coldstart.jvmOptions}. */
    private static List<String> jvmOptions() {
        List<String> jvmOptions = new ArrayList<>(List.of("@" + Path.of("jvm.options").toAbsolutePath(),
            "-Dlog4j2.configurationFile=" + Path.of("conf", "log4j2.properties").toAbsolutePath()));
        String extra = System.getProperty("coldstart.jvmOptions", "").trim();
        if (!extra.isEmpty()) {
            jvmOptions.addAll(List.of(extra.split("\\s+")));
        }
        return List.copyOf(jvmOptions);
    }

    /** The job's jar (system property {@code coldstart.jobJar}, set by the pom) and its dependencies. */
    private static String jobClassPath() throws IOException {
        Path jar = Path.of(System.getProperty("coldstart.jobJar", "")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No job jar " + jar + ": run mvn -B -pl spark package -DskipTests first");
        }
        return jar + File.pathSeparator + Files.readString(Path.of("target", "classpath.txt")).trim();
    }

    private static List<String> with(List<String> options, List<String> more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(more);
        return all;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
            : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Starts of the job, each on topics of its own. */
    private static final class Job {
        private final String bootstrapServers;
        private final KafkaTopics topics;
        private final String classPath;
        private final Path workDir;
        OptionalInt lastExitCode = OptionalInt.empty();
        double lastStopSeconds;

        Job(String bootstrapServers, KafkaTopics topics, String classPath, Path workDir) {
            this.bootstrapServers = bootstrapServers;
            this.topics = topics;
            this.classPath = classPath;
            this.workDir = workDir;
        }

        /**
         * One start of the job beside a connector that has been writing for
         * {@link #CONNECTOR_HEAD_START} (as the demo starts the job after the connector): every run
         * reads the same backlog, and the producer's own start is not the job's. Returns the seconds
         * from the job's JVM start to its first count.
         */
        double run(int run, List<String> jvmOptions, Duration afterFirstCount) throws IOException {
            String tweetsTopic = TOPIC + "-" + run;
            String countsTopic = COUNTS_TOPIC + "-" + run;
            topics.create(tweetsTopic, 2);
            topics.create(countsTopic, 1);
            Path runDir = workDir.resolve("run-" + run);
            Files.createDirectories(runDir);
            try (LiveTweets tweets = new LiveTweets(bootstrapServers, tweetsTopic, TWEETS_PER_SECOND,
                    Duration.ofHours(1), DeliveryDelay.none()).start()) {
                sleep(CONNECTOR_HEAD_START.toMillis());
                return startJob(tweetsTopic, countsTopic, jvmOptions, runDir, run, afterFirstCount);
            }
        }

        /** Starts the job, waits for its first count, stops it and prints its phases. */
        private double startJob(String tweetsTopic, String countsTopic, List<String> jvmOptions, Path runDir,
                int run, Duration afterFirstCount) throws IOException {
            long start = System.currentTimeMillis();
            double firstCount;
            ChildJvm job;
            try (CountArrivals arrivals = new CountArrivals(bootstrapServers, countsTopic).start()) {
                job = ChildJvm.start("job", runDir, classPath, jvmOptions,
                    TweetCountJob.class.getName(), List.of("--bootstrap-servers", bootstrapServers,
                        "--topic", tweetsTopic, "--sink", "kafka", "--output-topic", countsTopic,
                        "--checkpoint-dir", runDir.resolve("checkpoint").toString()));
                // Writing the archive at its exit takes some 15 s.
                job.stopGrace(Duration.ofMinutes(2));
                try {
                    firstCount = (awaitFirstCount(job, arrivals) - start) / 1e3;
                    // The batch that published it logs its progress once its commit is done.
                    sleep(afterFirstCount.toMillis());
                } finally {
                    long stopping = System.nanoTime();
                    job.close();
                    lastStopSeconds = (System.nanoTime() - stopping) / 1e9;
                    lastExitCode = job.exitCode();
                }
            }
            System.out.printf(Locale.ROOT, "run %d: first count %.1f s after the JVM's start%n", run, firstCount);
            phases(runDir.resolve("job.out"), start).forEach(line -> System.out.println("  " + line));
            return firstCount;
        }
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
