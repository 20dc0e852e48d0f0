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
    }

    @Test
    void readsEveryOption() {
        DemoOptions options = DemoOptions.parse("--work-dir", "/tmp/w", "--clean", "--duration", "30", "--rate", "50",
            "--keywords", "kafka, spark ", "--twitter-credentials", "twitter.properties", "--kafka-port", "19092",
            "--connect-port", "18083", "--simulator-port", "18080", "--dashboard-port", "18088");

        assertThat(options.workDir()).isEqualTo(Path.of("/tmp/w"));
        assertThat(options.clean()).isTrue();
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.tweetsPerSecond()).isEqualTo(50);
        assertThat(options.keywords()).containsExactly("kafka", "spark");
        assertThat(options.twitterCredentials()).isEqualTo(Path.of("twitter.properties"));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.simulatorPort()).isEqualTo(18080);
    }

    @Test
    void helpIsNotAnError() {
        assertThat(DemoOptions.parse("--rate", "5", "--help")).isNull();
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> DemoOptions.parse("--rate", "fast")).hasMessage("--rate must be a positive number, was 'fast'");
        assertThatThrownBy(() -> DemoOptions.parse("--kafka-port", "70000")).hasMessageContaining("port number");
        assertThatThrownBy(() -> DemoOptions.parse("--duration")).hasMessage("--duration needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--colour", "red")).hasMessageContaining("Unknown option --colour");
        assertThatThrownBy(() -> DemoOptions.parse("demo")).hasMessageContaining("Unknown argument 'demo'");
        assertThatThrownBy(() -> DemoOptions.parse("--keywords", " , ")).hasMessageContaining("at least one phrase");
    }
}
