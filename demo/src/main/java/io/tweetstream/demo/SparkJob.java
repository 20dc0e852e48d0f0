package io.tweetstream.demo;

import static org.awaitility.Awaitility.await;

import io.tweetstream.testkit.ChildJvm;
import io.tweetstream.testkit.ClassDataArchive;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The Spark job of the spark/ module, embedded ({@code local[2]}) in a JVM of its own. Started
 * means its query has made progress: a batch newer than any of an earlier run is committed in the
 * checkpoint, not merely that the JVM runs.
 */
final class SparkJob implements AutoCloseable {

    /** Spark's start, its first batch's planning and code generation: seconds, a minute under load. */
    private static final Duration FIRST_BATCH_DEADLINE = Duration.ofMinutes(4);

    /** How long a job writing its class-data archive (some 15 s on 2 cores) may take to stop. */
    private static final Duration ARCHIVE_STOP_GRACE = Duration.ofMinutes(2);

    private final ChildJvm job;
    private final ClassDataArchive archive;
    private final PrintStream out;

    private SparkJob(ChildJvm job, ClassDataArchive archive, PrintStream out) {
        this.job = job;
        this.archive = archive;
        this.out = out;
    }

    /**
     * Starts the job and waits for its first committed batch. {@code out} gets a line on its
     * class-data archive, which takes its start from about 23 s to 14 s (spark/README.md, Cold start).
     */
    static SparkJob start(Path repository, Path work, String bootstrapServers, String topic, String countsTopic,
            PrintStream out) {
        Path dir = work.resolve("spark");
        // v2: the job's state since provisional counts; a work directory of an earlier demo keeps
        // its old checkpoint, which this job cannot resume, and counts its topic afresh.
        Path checkpoint = dir.resolve("checkpoint-v2");
        OptionalLong committedBefore = lastCommittedBatch(checkpoint);
        // spark/jvm.options: the --add-opens flags Spark needs on Java 17 outside spark-submit.
        Path jvmOptions = repository.resolve("spark").resolve("jvm.options");
        List<String> options = List.of("-Xmx1g", "@" + jvmOptions,
            "-Dlog4j2.configurationFile=" + repository.resolve("spark").resolve("conf").resolve("log4j2.properties"));
        String classPath = ModuleLauncher.classPath(repository, "spark");
        ClassDataArchive archive = ClassDataArchive.of(
            repository.resolve("spark").resolve("target").resolve("class-data"), "spark-job", classPath, options);
        out.println("      " + archive.describe());
        List<String> withArchive = new ArrayList<>(options);
        withArchive.addAll(archive.jvmOptions());
        ChildJvm job = ChildJvm.start("spark-job", dir, classPath, withArchive,
            "io.tweetstream.spark.TweetCountJob", List.of(
                "--bootstrap-servers", bootstrapServers,
                "--topic", topic,
                "--starting-offsets", "earliest",
                "--sink", "kafka",
                "--output-topic", countsTopic,
                "--checkpoint-dir", checkpoint.toString(),
                "--master", "local[2]"));
        if (archive.makesOne()) {
            job.stopGrace(ARCHIVE_STOP_GRACE);
        }
        SparkJob started = new SparkJob(job, archive, out);
        try {
            await().atMost(FIRST_BATCH_DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!job.isAlive()) {
                    throw new IllegalStateException("The Spark job ended before its first batch:\n" + job.logTail());
                }
                OptionalLong committed = lastCommittedBatch(checkpoint);
                return committed.isPresent()
                    && (committedBefore.isEmpty() || committed.getAsLong() > committedBefore.getAsLong());
            });
        } catch (ConditionTimeoutException e) {
            started.close();
            throw new IllegalStateException("The Spark job committed no batch in " + FIRST_BATCH_DEADLINE.toSeconds()
                + " s; its log:\n" + job.logTail(), e);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Stops the job (SIGTERM: it ends its query and writes its class-data archive, if it makes one). */
    @Override
    public void close() {
        if (archive.makesOne()) {
            out.println("  (the Spark job writes its class-data archive as it stops: some 15 s, this once)");
        }
        job.close();
        if (archive.keepIfMade(job.exitCode())) {
            out.println("  (the Spark job's class-data archive is made: its next start is faster)");
        }
    }

    /** The newest batch id in the checkpoint's commit log ({@code commits/<id>}), if any. */
    private static OptionalLong lastCommittedBatch(Path checkpoint) {
        Path commits = checkpoint.resolve("commits");
        if (!Files.isDirectory(commits)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(commits)) {
            return files.map(file -> file.getFileName().toString())
                .filter(name -> name.chars().allMatch(Character::isDigit))
                .mapToLong(Long::parseLong)
                .max();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
