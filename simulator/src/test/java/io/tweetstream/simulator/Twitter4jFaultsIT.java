package io.tweetstream.simulator;

import io.tweetstream.simulator.testing.StreamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import twitter4j.ConnectionLifeCycleListener;
import twitter4j.FilterQuery;
import twitter4j.StallWarning;
import twitter4j.Status;
import twitter4j.StatusDeletionNotice;
import twitter4j.StatusListener;
import twitter4j.TwitterStream;
import twitter4j.TwitterStreamFactory;
import twitter4j.conf.ConfigurationBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twitter4j 4.0.7, the v1.1 client the connector uses, against the simulator's faults: it reads the stream written on
 * a taken-over socket, reconnects after a reset, a drop and a clean end, and skips a bad line.
 */
class Twitter4jFaultsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private StreamSimulator simulator;
    private TwitterStream stream;
    private final Set<Long> statuses = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connects = new AtomicInteger();

    @BeforeEach
    void start() {
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(50)
                .keepAliveInterval(Duration.ofMillis(200)).build());
        stream = new TwitterStreamFactory(new ConfigurationBuilder()
                .setStreamBaseURL(simulator.v1BaseUrl())
                .setOAuthConsumerKey("consumer").setOAuthConsumerSecret("secret")
                .setOAuthAccessToken("token").setOAuthAccessTokenSecret("token-secret")
                .build()).getInstance();
        stream.addListener(new Listener());
        stream.addConnectionLifeCycleListener(new ConnectionLifeCycleListener() {
            @Override
            public void onConnect() {
                connects.incrementAndGet();
            }

            @Override
            public void onDisconnect() {
            }

            @Override
            public void onCleanUp() {
            }
        });
        stream.filter(new FilterQuery().track("kafka"));
    }

    @AfterEach
    void stop() {
        stream.shutdown();
        simulator.close();
    }

    @Test
    void reconnectsAfterEveryConnectionFaultAndSkipsABadLine() {
        awaitMoreStatuses();

        for (IntSupplier fault : List.<IntSupplier>of(simulator::resetStreams, simulator::dropStreams,
                simulator::endStreamsCleanly)) {
            int before = connects.get();
            await().atMost(DEADLINE).until(() -> simulator.openConnectionCount() == 1);
            assertThat(fault.getAsInt()).isEqualTo(1);
            await().atMost(DEADLINE).until(() -> connects.get() > before);
            awaitMoreStatuses();
        }
        simulator.injectLine(BadLine.unknownMessage());
        simulator.injectLine(BadLine.truncatedJson());
        awaitMoreStatuses();

        assertThat(simulator.injectedLines()).hasSize(2);
        assertThat(simulator.connectionAttempts(StreamEndpoint.V1_FILTER)).hasSize(4)
                .allSatisfy(attempt -> assertThat(attempt.httpStatus()).isEqualTo(200));
        assertThat(simulator.appliedFaults()).extracting(AppliedFault::type).containsExactly(AppliedFault.Type.RESET,
                AppliedFault.Type.DROPPED, AppliedFault.Type.ENDED_CLEANLY);
    }

    @Test
    void backsOffAfterAnInjected420() {
        awaitMoreStatuses();
        simulator.rejectNextV1Connections(1, 420, Duration.ZERO);

        simulator.resetStreams();

        await().atMost(StreamClient.DEADLINE).until(() -> simulator.connectionAttempts(StreamEndpoint.V1_FILTER).size() >= 2);
        assertThat(simulator.connectionAttempts(StreamEndpoint.V1_FILTER)).extracting(ConnectionAttempt::httpStatus)
                .containsExactly(200, 420);
    }

    private void awaitMoreStatuses() {
        int seen = statuses.size();
        await().atMost(DEADLINE).until(() -> statuses.size() >= seen + 5);
    }

    private final class Listener implements StatusListener {
        @Override
        public void onStatus(Status status) {
            statuses.add(status.getId());
        }

        @Override
        public void onDeletionNotice(StatusDeletionNotice notice) {
        }

        @Override
        public void onTrackLimitationNotice(int undelivered) {
        }

        @Override
        public void onScrubGeo(long userId, long upToStatusId) {
        }

        @Override
        public void onStallWarning(StallWarning warning) {
        }

        @Override
        public void onException(Exception e) {
        }
    }
}
