package io.tweetstream.demo;

import static org.awaitility.Awaitility.await;

import io.tweetstream.testkit.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The Spark job of the spark/ module, embedded ({@code local[2]}) in a JVM of its own. Started
 * means its query has made progress: a batch newer than any of an earlier run is committed in the
 * checkpoint, not merely that the JVM runs.
 */
final class SparkJob {

    /** Spark's start, its first batch's planning and code generation: seconds, a minute under load. */
    private static final Duration FIRST_BATCH_DEADLINE = Duration.ofMinutes(4);

    private SparkJob() {}

    static ChildJvm start(Path repository, Path work, String bootstrapServers, String topic, String countsTopic) {
        // v2: the job's state since provisional counts; a work directory of an earlier demo keeps
        // its old checkpoint, which this job cannot resume, and counts its topic afresh.
        Path checkpoint = work.resolve("spark").resolve("checkpoint-v2");
        OptionalLong committedBefore = lastCommittedBatch(checkpoint);
        // spark/jvm.options: the --add-opens flags Spark needs on Java 17 outside spark-submit.
        Path jvmOptions = repository.resolve("spark").resolve("jvm.options");
        ChildJvm job = ModuleLauncher.start(repository, "spark", "spark-job", work.resolve("spark"),
            List.of("-Xmx1g", "@" + jvmOptions,
                "-Dlog4j2.configurationFile=" + repository.resolve("spark").resolve("conf").resolve("log4j2.properties")),
            "io.tweetstream.spark.TweetCountJob", List.of(
                "--bootstrap-servers", bootstrapServers,
                "--topic", topic,
                "--starting-offsets", "earliest",
                "--sink", "kafka",
                "--output-topic", countsTopic,
                "--checkpoint-dir", checkpoint.toString(),
                "--master", "local[2]"));
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
            job.close();
            throw new IllegalStateException("The Spark job committed no batch in " + FIRST_BATCH_DEADLINE.toSeconds()
                + " s; its log:\n" + job.logTail(), e);
        } catch (RuntimeException e) {
            job.close();
            throw e;
        }
        return job;
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
