package io.tweetstream.dashboard;

import java.time.Duration;

/**
 * What a {@link DashboardServer} runs with.
 *
 * @param retention how much history the store keeps and the consumer reads back at start
 */
public record DashboardSettings(String bootstrapServers, String topic, String bindAddress, int port, Duration retention) {

    /** The Spark job's default output topic. */
    public static final String DEFAULT_TOPIC = "tweet-counts";
    public static final int DEFAULT_PORT = 8088;

    public static DashboardSettings defaults() {
        return new DashboardSettings("localhost:9092", DEFAULT_TOPIC, "127.0.0.1", DEFAULT_PORT, Duration.ofMinutes(10));
    }

    public DashboardSettings withBootstrapServers(String servers) {
        return new DashboardSettings(servers, topic, bindAddress, port, retention);
    }

    public DashboardSettings withTopic(String name) {
        return new DashboardSettings(bootstrapServers, name, bindAddress, port, retention);
    }

    public DashboardSettings withBindAddress(String address) {
        return new DashboardSettings(bootstrapServers, topic, address, port, retention);
    }

    public DashboardSettings withPort(int number) {
        return new DashboardSettings(bootstrapServers, topic, bindAddress, number, retention);
    }

    public DashboardSettings withRetention(Duration history) {
        return new DashboardSettings(bootstrapServers, topic, bindAddress, port, history);
    }
}
