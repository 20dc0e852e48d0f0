package io.tweetstream.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorArgumentsTest {

    @Test
    void withoutArgumentsServesTheDemoPortAtTwentyTweetsASecond() {
        SimulatorSettings settings = SimulatorArguments.parse().settings();

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.tweetsPerSecond()).isEqualTo(20.0);
        assertThat(settings.acceptedConsumerKeys()).isEmpty();
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        SimulatorSettings settings = SimulatorArguments.parse("--bind", "0.0.0.0", "--port", "9000", "--rate=50", "--seed", "7",
                "--max-tweets", "100", "--keep-alive-ms=250", "--delete-every", "10", "--limit-every", "20",
                "--consumer-key", "a", "--consumer-key=b").settings();

        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.tweetsPerSecond()).isEqualTo(50.0);
        assertThat(settings.seed()).isEqualTo(7L);
        assertThat(settings.maxTweetsPerConnection()).isEqualTo(100L);
        assertThat(settings.keepAliveInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.deleteEvery()).isEqualTo(10);
        assertThat(settings.limitEvery()).isEqualTo(20);
        assertThat(settings.acceptedConsumerKeys()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(SimulatorArguments.parse("--rate", "5", "--help").help()).isTrue();
        assertThat(SimulatorArguments.USAGE).contains("--port", "--rate", "--seed", "--max-tweets", "--keep-alive-ms",
                "--delete-every", "--limit-every", "--consumer-key");
    }

    @Test
    void explainsWhatIsWrongWithBadArguments() {
        assertThatThrownBy(() -> SimulatorArguments.parse("--rate", "fast")).hasMessage("--rate needs a number, got 'fast'");
        assertThatThrownBy(() -> SimulatorArguments.parse("--port")).hasMessage("option --port needs a value");
        assertThatThrownBy(() -> SimulatorArguments.parse("--colour", "red")).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> SimulatorArguments.parse("--colour")).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> SimulatorArguments.parse("8080")).hasMessage("unexpected argument '8080'");
        assertThatThrownBy(() -> SimulatorArguments.parse("--port", "70000")).hasMessageContaining("port must be in");
        assertThatThrownBy(() -> SimulatorArguments.parse("--rate", "0")).hasMessageContaining("tweetsPerSecond");
    }
}
