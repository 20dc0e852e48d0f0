package io.tweetstream.demo;

import io.tweetstream.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;

/** The Spark job of the spark/ module, embedded ({@code local[2]}) in a JVM of its own. */
final class SparkJob {

    private SparkJob() {}

    static ChildJvm start(Path repository, Path work, String bootstrapServers, String topic, String countsTopic) {
        // spark/jvm.options: the --add-opens flags Spark needs on Java 17 outside spark-submit.
        Path jvmOptions = repository.resolve("spark").resolve("jvm.options");
        return ModuleLauncher.start(repository, "spark", "spark-job", work.resolve("spark"),
            List.of("-Xmx1g", "@" + jvmOptions,
                "-Dlog4j2.configurationFile=" + repository.resolve("spark").resolve("conf").resolve("log4j2.properties")),
            "io.tweetstream.spark.TweetCountJob", List.of(
                "--bootstrap-servers", bootstrapServers,
                "--topic", topic,
                "--starting-offsets", "earliest",
                "--watermark", "3 seconds",
                "--sink", "kafka",
                "--output-topic", countsTopic,
                "--checkpoint-dir", work.resolve("spark").resolve("checkpoint").toString(),
                "--master", "local[2]"));
    }
}
