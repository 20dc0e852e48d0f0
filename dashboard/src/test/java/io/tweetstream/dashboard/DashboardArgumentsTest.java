package io.tweetstream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardArgumentsTest {

    @Test
    void defaultsReadTweetCountsFromALocalBrokerAndListenOnLoopback() {
        DashboardSettings settings = DashboardArguments.parse().settings();

        assertThat(settings).isEqualTo(new DashboardSettings("localhost:9092", "tweet-counts", "127.0.0.1", 8088, Duration.ofMinutes(10)));
    }

    @Test
    void takesOptionsWithASpaceOrAnEqualsSign() {
        DashboardSettings settings = DashboardArguments.parse("--bootstrap-servers", "broker:9093", "--topic=counts",
                "--port", "0", "--bind=0.0.0.0", "--retention-minutes", "3").settings();

        assertThat(settings).isEqualTo(new DashboardSettings("broker:9093", "counts", "0.0.0.0", 0, Duration.ofMinutes(3)));
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(DashboardArguments.parse("--port", "1", "--help").help()).isTrue();
        assertThat(DashboardArguments.USAGE).contains("--bootstrap-servers", "--topic", "--port", "--bind", "--retention-minutes", "--help");
    }

    @Test
    void rejectsUnknownOptionsAndBadValuesSayingWhich() {
        assertThatThrownBy(() -> DashboardArguments.parse("--brokers", "x")).hasMessageStartingWith("Unknown options: '--brokers'");
        assertThatThrownBy(() -> DashboardArguments.parse("--port", "http")).hasMessage("Invalid value for option '--port': 'http' is not an int");
        assertThatThrownBy(() -> DashboardArguments.parse("--port", "70000")).hasMessage("--port must be between 0 and 65535, not 70000");
        assertThatThrownBy(() -> DashboardArguments.parse("--retention-minutes", "0"))
                .hasMessage("--retention-minutes must be between 1 and 1440, not 0");
        assertThatThrownBy(() -> DashboardArguments.parse("--topic")).hasMessage("Missing required parameter for option '--topic' (NAME)");
        assertThatThrownBy(() -> DashboardArguments.parse("--topic=")).hasMessage("--topic must not be empty");
        assertThatThrownBy(() -> DashboardArguments.parse("8088")).hasMessage("Unmatched argument at index 0: '8088'");
    }
}
