package io.tweetstream.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void defaultsRunUntilStoppedOnTheUsualPorts() {
        DemoOptions options = DemoOptions.parse();

        assertThat(options.workDir()).isEqualTo(Path.of("demo-work"));
        assertThat(options.clean()).isFalse();
        assertThat(options.duration()).isNull();
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.connectPort()).isEqualTo(8083);
        assertThat(options.dashboardPort()).isEqualTo(8088);
        assertThat(options.twitterCredentials()).isNull();
        assertThat(options.api()).isEqualTo("v2");
        assertThat(options.usesV2()).isTrue();
    }

    @Test
    void readsEveryOption() {
        DemoOptions options = DemoOptions.parse("--work-dir", "/tmp/w", "--clean", "--duration", "30", "--rate", "50",
            "--keywords", "kafka, spark ", "--twitter-credentials", "twitter.properties", "--kafka-port", "19092",
            "--connect-port", "18083", "--simulator-port", "18080", "--dashboard-port", "18088", "--api", "v1.1");

        assertThat(options.workDir()).isEqualTo(Path.of("/tmp/w"));
        assertThat(options.clean()).isTrue();
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.tweetsPerSecond()).isEqualTo(50);
        assertThat(options.keywords()).containsExactly("kafka", "spark");
        assertThat(options.twitterCredentials()).isEqualTo(Path.of("twitter.properties"));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.simulatorPort()).isEqualTo(18080);
        assertThat(options.usesV2()).isFalse();
    }

    @Test
    void helpIsNotAnError() {
        assertThat(DemoOptions.parse("--rate", "5", "--help")).isNull();
        assertThat(DemoOptions.USAGE).contains("--work-dir", "--clean", "--duration", "--rate", "--keywords", "--twitter-credentials",
            "--kafka-port", "--connect-port", "--simulator-port", "--dashboard-port", "--help").doesNotContain("--repository");
    }

    @Test
    void takesTheRepositoryFromTheScript() {
        assertThat(DemoOptions.parse("--repository", "/src/tweetstream").repository()).isEqualTo(Path.of("/src/tweetstream"));
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> DemoOptions.parse("--rate", "fast")).hasMessage("Invalid value for option '--rate': 'fast' is not a double");
        assertThatThrownBy(() -> DemoOptions.parse("--rate", "0")).hasMessage("--rate must be a positive number, was 0.0");
        assertThatThrownBy(() -> DemoOptions.parse("--duration=-5")).hasMessage("--duration must be a positive number, was -5.0");
        assertThatThrownBy(() -> DemoOptions.parse("--kafka-port", "70000")).hasMessage("--kafka-port must be a port number (1-65535), was 70000");
        assertThatThrownBy(() -> DemoOptions.parse("--dashboard-port", "0")).hasMessageContaining("--dashboard-port must be a port number");
        assertThatThrownBy(() -> DemoOptions.parse("--duration")).hasMessage("Missing required parameter for option '--duration' (SECONDS)");
        assertThatThrownBy(() -> DemoOptions.parse("--colour", "red")).hasMessageStartingWith("Unknown options: '--colour'");
        assertThatThrownBy(() -> DemoOptions.parse("demo")).hasMessage("Unmatched argument at index 0: 'demo'");
        assertThatThrownBy(() -> DemoOptions.parse("--keywords", " , ")).hasMessage("--keywords needs at least one phrase");
        assertThatThrownBy(() -> DemoOptions.parse("--api", "v3")).hasMessage("--api must be v2 or v1.1, was v3");
    }
}
