package io.tweetstream.connect.scenario;

import io.tweetstream.connect.TestConfigs;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.StreamSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plumbing that differs between the two APIs a scenario runs on: how the simulator is set up for
 * the connector's credentials, the connector config that points at it, how the simulator refuses a
 * connection. What the connector is expected to do on each API is said by each suite's subclass,
 * not here.
 */
public enum StreamApi {

    /** Twitter's retired v1.1 {@code statuses/filter}, through Twitter4j, with OAuth 1.0a credentials. */
    V1_1("v1.1 (Twitter4j)", StreamEndpoint.V1_FILTER,
            Set.of(TestConfigs.CONSUMER_KEY, TestConfigs.CONSUMER_SECRET, TestConfigs.ACCESS_TOKEN,
                    TestConfigs.ACCESS_TOKEN_SECRET)) {
        @Override
        public SimulatorSettings.Builder settings() {
            return SimulatorSettings.builder();
        }

        @Override
        public Map<String, String> config(StreamSimulator simulator) {
            Map<String, String> props = TestConfigs.valid();
            props.put(TwitterSourceConfig.STREAM_BASE_URL, simulator.v1BaseUrl());
            return props;
        }

        @Override
        public void rejectNextConnections(StreamSimulator simulator, int count, int httpStatus, Duration rateLimitReset) {
            simulator.rejectNextV1Connections(count, httpStatus, rateLimitReset);
        }

        @Override
        public SimulatorSettings.Builder rejectingTheCredentials(SimulatorSettings.Builder settings) {
            return settings.acceptedConsumerKeys(Set.of("some-other-app"));
        }

        @Override
        boolean isStreamThread(String name) {
            return name.startsWith("Twitter Stream consumer") || name.startsWith("Twitter4J") || isTaskThread(name);
        }
    },

    /** The X API v2 filtered stream, through the JDK's HTTP client, with a bearer token. */
    V2("X API v2", StreamEndpoint.V2_FILTERED, Set.of(TestConfigs.BEARER_TOKEN)) {
        @Override
        public SimulatorSettings.Builder settings() {
            return SimulatorSettings.builder().acceptedBearerTokens(Set.of(TestConfigs.BEARER_TOKEN));
        }

        @Override
        public Map<String, String> config(StreamSimulator simulator) {
            return TestConfigs.v2(simulator.v2BaseUrl());
        }

        @Override
        public void rejectNextConnections(StreamSimulator simulator, int count, int httpStatus, Duration rateLimitReset) {
            simulator.rejectNextV2Connections(count, httpStatus, rateLimitReset);
        }

        @Override
        public SimulatorSettings.Builder rejectingTheCredentials(SimulatorSettings.Builder settings) {
            return settings.acceptedBearerTokens(Set.of("another-token"));
        }

        @Override
        boolean isStreamThread(String name) {
            return isTaskThread(name);
        }
    };

    private final String column;
    private final StreamEndpoint endpoint;
    private final Set<String> secrets;

    StreamApi(String column, StreamEndpoint endpoint, Set<String> secrets) {
        this.column = column;
        this.endpoint = endpoint;
        this.secrets = secrets;
    }

    /** The simulator's settings for this API's connector: the credentials it accepts. */
    public abstract SimulatorSettings.Builder settings();

    /** A valid connector config for this API, pointed at {@code simulator}. */
    public abstract Map<String, String> config(StreamSimulator simulator);

    /** The next {@code count} stream requests of this API get {@code httpStatus}. */
    public abstract void rejectNextConnections(StreamSimulator simulator, int count, int httpStatus,
            Duration rateLimitReset);

    /** {@code settings}, changed so that the simulator refuses the credentials {@link #config} gives. */
    public abstract SimulatorSettings.Builder rejectingTheCredentials(SimulatorSettings.Builder settings);

    /** Whether a thread of this name belongs to a task's stream (the client library's threads included). */
    abstract boolean isStreamThread(String name);

    private static boolean isTaskThread(String name) {
        return name.startsWith("tweetstream-task-");
    }

    /** The stream threads alive in this JVM now. */
    public List<String> streamThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(this::isStreamThread).toList();
    }

    /** This API's column heading in the README's fault table. */
    public String column() {
        return column;
    }

    public StreamEndpoint endpoint() {
        return endpoint;
    }

    /** The credential values of {@link #config}: no message may contain one. */
    public Set<String> secrets() {
        return secrets;
    }

    /** The stream requests this API's endpoint got, in order, with the status each was answered. */
    public List<ConnectionAttempt> attempts(StreamSimulator simulator) {
        return simulator.connectionAttempts(endpoint);
    }
}
