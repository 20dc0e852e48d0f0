package io.tweetstream.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    /**
     * spark-submit adds Spark's own list to the driver and executors; the embedded run and the
     * tests take jvm.options instead, which must stay that list when Spark is upgraded.
     */
    @Test
    void jvmOptionsFileHoldsExactlySparksOwnModuleOptions() throws IOException {
        List<String> options = Files.readAllLines(Path.of("jvm.options")).stream()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();

        assertThat(options).containsExactly(JavaModuleOptions.defaultModuleOptionArray());
    }
}
