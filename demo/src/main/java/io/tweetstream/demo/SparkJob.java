package io.tweetstream.demo;

import io.tweetstream.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;

/** The Spark job of the spark/ module, embedded (local[2]) in a JVM of its own. */
final class SparkJob {

    /** What Spark 4 needs opened on Java 17 when not started by spark-submit (which adds them itself). */
    static final List<String> JAVA_17_OPTIONS = List.of(
        "-XX:+IgnoreUnrecognizedVMOptions",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
        "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
        "-Djdk.reflect.useDirectMethodHandle=false",
        "-Dio.netty.tryReflectionSetAccessible=true");

    private SparkJob() {}

    static ChildJvm start(Path repository, Path work, String bootstrapServers, String topic, String countsTopic) {
        List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx1g"));
        jvm.addAll(JAVA_17_OPTIONS);
        return ModuleLauncher.start(repository, "spark", "spark-job", work.resolve("spark"), jvm,
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
