package io.tweetstream.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.WorkDirectory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The job jar as a cluster gets it: what it holds, and a run of it under {@code SparkSubmit},
 * Spark's own entry point behind {@code spark-submit}, with Spark on the class path and the job,
 * the Kafka source and the Kafka client only in the jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobJarIT {

    private final Path workDir = Path.of("target", "job-jar-it").toAbsolutePath();
    private final Path jobJar = Path.of(System.getProperty("tweetstream.jobJar", "target/tweetstream-spark-0.1.0-SNAPSHOT-job.jar"));
    private KafkaBroker broker;

    @BeforeAll
    void startBroker() {
        WorkDirectory.clean(workDir);
        broker = KafkaBroker.start(workDir.resolve("broker"));
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void jobJarHoldsTheJobPicocliAndTheKafkaSourceButNotSpark() throws IOException {
        try (JarFile jar = new JarFile(jobJar.toFile())) {
            List<String> entries = jar.stream().map(ZipEntry::getName).toList();

            assertThat(entries).contains(
                "io/tweetstream/spark/TweetCountJob.class",
                "org/apache/spark/sql/kafka010/KafkaSourceProvider.class",
                "org/apache/spark/kafka010/KafkaTokenUtil.class",
                "org/apache/kafka/clients/consumer/KafkaConsumer.class",
                "org/apache/commons/pool2/ObjectPool.class",
                "picocli/CommandLine.class");
            assertThat(entries).noneMatch(entry -> entry.startsWith("org/apache/spark/sql/SparkSession")
                || entry.startsWith("org/apache/spark/SparkContext")
                || entry.startsWith("scala/")
                || entry.startsWith("com/fasterxml/")
                || entry.startsWith("io/tweetstream/connect/")
                || entry.matches("META-INF/.*\\.(SF|DSA|RSA)"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                .isEqualTo(TweetCountJob.class.getName());
            String sources = new String(jar.getInputStream(
                jar.getEntry("META-INF/services/org.apache.spark.sql.sources.DataSourceRegister")).readAllBytes(),
                StandardCharsets.UTF_8);
            assertThat(sources).contains("org.apache.spark.sql.kafka010.KafkaSourceProvider");
        }
    }

    /** The default sink, the console: a table per batch, sorted by second and status. */
    @Test
    void jobJarPrintsTheCountsUnderSparkSubmit() throws Exception {
        String topic = "tweets";
        try (KafkaTopics topics = new KafkaTopics(broker.bootstrapServers())) {
            topics.create(topic);
            topics.send(topic, 1, TweetJson.withSchema(1, TweetCountIT.at(0.5), "kafka"));
            topics.send(topic, 2, TweetJson.withoutSchema(2, TweetCountIT.at(0.7), "spark", "kafka"));
            topics.send(topic, 3, TweetJson.withSchema(3, TweetCountIT.at(1.2), "spark"));
            topics.send(topic, 4, TweetJson.withSchema(4, TweetCountIT.at(20)));
        }

        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            // What spark-submit's launcher adds (JvmOptionsTest keeps the file equal to its list).
            "@" + Path.of("jvm.options").toAbsolutePath(),
            "-Xmx1g",
            "-cp", sparkClassPath(),
            "org.apache.spark.deploy.SparkSubmit",
            "--class", TweetCountJob.class.getName(),
            "--master", "local[2]",
            "--conf", "spark.ui.enabled=false",
            jobJar.toAbsolutePath().toString(),
            "--bootstrap-servers", broker.bootstrapServers(),
            "--topic", topic,
            "--checkpoint-dir", workDir.resolve("checkpoint").toString(),
            "--trigger", "available-now"));
        Path out = workDir.resolve("spark-submit.out");
        Path log = workDir.resolve("spark-submit.log");
        Process process = new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(log.toFile())
            .start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("spark-submit finished").isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();

        List<String> table = Files.readAllLines(out).stream()
            .filter(line -> line.startsWith("|") || line.startsWith("Batch"))
            // Without lag_ms, which depends on the time of the run, and the padding.
            .map(line -> line.replaceAll("\\|[^|]*\\|$", "|").replaceAll(" *\\| *", "|"))
            .toList();
        // Everything is read by the first batch, whose watermark is 0: provisional. The watermark
        // then moves to 20 s less the lateness of 15 s, and the next batch publishes seconds 0 and 1 final.
        assertThat(table).containsExactly(
            "Batch 0:",
            "|window_start|window_end|status|total|keywords|",
            "|2026-01-01 00:00:00|2026-01-01 00:00:01|provisional|2|{kafka -> 2, spark -> 1}|",
            "|2026-01-01 00:00:01|2026-01-01 00:00:02|provisional|1|{spark -> 1}|",
            "|2026-01-01 00:00:20|2026-01-01 00:00:21|provisional|1|{}|",
            "Batch 1:",
            "|window_start|window_end|status|total|keywords|",
            "|2026-01-01 00:00:00|2026-01-01 00:00:01|final|2|{kafka -> 2, spark -> 1}|",
            "|2026-01-01 00:00:01|2026-01-01 00:00:02|final|1|{spark -> 1}|");
    }

    /**
     * This test's class path without the module's own classes and what the job jar holds: what a
     * Spark distribution puts on the class path (and test libraries, which the job does not see).
     */
    private static String sparkClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("classes") && !entry.contains("tweetstream-spark"))
            .filter(entry -> !entry.contains("spark-sql-kafka-0-10") && !entry.contains("spark-token-provider-kafka")
                && !entry.contains("kafka-clients") && !entry.contains("commons-pool2") && !entry.contains("picocli"))
            .collect(Collectors.joining(File.pathSeparator));
    }
}
