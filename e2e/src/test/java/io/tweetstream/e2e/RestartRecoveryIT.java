package io.tweetstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.MadeTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.StreamSimulator;
import io.tweetstream.testkit.ConnectRest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No tweet lost, none written twice, across everything that stops a task on a real worker: the
 * packaged plugin on a pay-per-use app (one connection, recent search to refill), the simulator
 * making 50 tweets a second whether or not anyone is connected, and a {@code read_committed}
 * consumer that must end up holding every tweet the simulator made for the connector's rules during
 * the whole run, each once. The worker is stopped (SIGTERM) for 60 s and killed (SIGKILL) for 60 s,
 * the task is restarted through REST, the connector is paused and resumed, and its bearer token
 * rotated (the config updated to a new one, the old one revoked).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartRecoveryIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** Refilling an outage waits for search to settle, then pages through about 3,000 tweets. */
    private static final Duration REFILL_DEADLINE = Duration.ofMinutes(4);
    private static final Path WORK = Path.of("target", "e2e-restarts").toAbsolutePath();
    private static final String BEARER_TOKEN = "e2e-restart-token";
    /** The token the app regenerates mid-run: the connector's config is updated to it, then the first is revoked. */
    private static final String ROTATED_TOKEN = "e2e-restart-token-rotated";
    private static final String CONNECTOR = "x-restarts";
    private static final String TOPIC = "tweets-restarts";

    private ConnectPlatform platform;
    private StreamSimulator simulator;

    @BeforeAll
    void start() {
        platform = ConnectPlatform.start(WORK, Map.of("exactly.once.source.support", "enabled"));
        simulator = StreamSimulator.start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE)
            .continuousTweets(true).tweetsPerSecond(50).seed(1313)
            .acceptedBearerTokens(Set.of(BEARER_TOKEN, ROTATED_TOKEN)).build());
    }

    @AfterAll
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private ObjectNode restBody(String bearerToken) {
        return ConnectorConfigs.v2RestBody("twitter-source.json", CONNECTOR, simulator.v2BaseUrl(), bearerToken, TOPIC,
            Map.of("twitter.track.keywords", "kafka,flink,apache spark", "exactly.once.support", "required"));
    }

    @Test
    void everyTweetMadeDuringStopsKillsRestartsAndPausesIsCommittedExactlyOnce() throws Exception {
        ConnectRest rest = platform.rest();
        assertThat(rest.post("/connectors", restBody(BEARER_TOKEN)).status()).isEqualTo(201);
        rest.awaitRunning(CONNECTOR, 1, DEADLINE);

        List<Object> committed = new ArrayList<>();
        try (TweetTopic tweets = new TweetTopic(platform.bootstrapServers(), TOPIC, true)) {
            Runnable read = () -> tweets.poll().forEach(t -> committed.add(t.key()));
            awaitMore(committed, read, 100);
            // The run starts with the first tweet written: one made while the first connection opened
            // is not the connector's to write, as on X.
            long firstWritten = committed.stream().mapToLong(key -> (Long) key).min().orElseThrow();

            platform.stopWorker(false);
            Thread.sleep(OUTAGE.toMillis());
            platform.startWorkerAgain();
            rest = platform.rest();
            rest.awaitRunning(CONNECTOR, 1, DEADLINE);
            awaitMore(committed, read, 100);

            assertThat(rest.post("/connectors/" + CONNECTOR + "/tasks/0/restart", "").status()).isIn(200, 204);
            rest.awaitRunning(CONNECTOR, 1, DEADLINE);
            awaitMore(committed, read, 100);

            // A paused task keeps its connection and stops being polled: its buffer fills, then holds the stream back.
            assertThat(rest.putEmpty("/connectors/" + CONNECTOR + "/pause").status()).isEqualTo(202);
            Thread.sleep(20_000);
            assertThat(rest.putEmpty("/connectors/" + CONNECTOR + "/resume").status()).isEqualTo(202);
            rest.awaitRunning(CONNECTOR, 1, DEADLINE);
            awaitMore(committed, read, 100);

            // The token rotated as the README says: the config updated to the new one, then the old
            // one revoked. A task still on the old one would fail at its next connection (the kill below).
            assertThat(rest.put("/connectors/" + CONNECTOR + "/config", restBody(ROTATED_TOKEN).get("config")).status())
                .isEqualTo(200);
            rest.awaitRunning(CONNECTOR, 1, DEADLINE);
            awaitMore(committed, read, 100);
            simulator.revokeBearerToken(BEARER_TOKEN);
            assertThat(rest.post("/connectors/" + CONNECTOR + "/tasks/0/restart", "").status()).isIn(200, 204);
            rest.awaitRunning(CONNECTOR, 1, DEADLINE);
            awaitMore(committed, read, 100);

            platform.stopWorker(true);
            Thread.sleep(OUTAGE.toMillis());
            platform.startWorkerAgain();
            rest = platform.rest();
            rest.awaitRunning(CONNECTOR, 1, DEADLINE);

            // Every tweet made for the rules from the first connection until a little while ago.
            Instant runEnd = Instant.now();
            Set<Long> made = simulator.madeTweets().stream()
                .filter(t -> t.id() >= firstWritten && t.createdAt().isBefore(runEnd))
                .filter(t -> t.matchingRules().stream().anyMatch(r -> r.tag().startsWith("tweetstream:" + CONNECTOR + ":")))
                .map(MadeTweet::id).collect(Collectors.toSet());
            assertThat(made).hasSizeGreaterThan(5_000);
            try {
                await().atMost(REFILL_DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    read.run();
                    return new HashSet<>(committed).containsAll(made);
                });
            } catch (ConditionTimeoutException e) {
                Set<Object> got = new HashSet<>(committed);
                List<String> missing = simulator.madeTweets().stream().filter(t -> made.contains(t.id()) && !got.contains(t.id()))
                    .map(t -> t.id() + " made " + t.createdAt() + " for " + t.matchingRules()).toList();
                throw new AssertionError(missing.size() + " of the " + made.size() + " tweets made for the rules never"
                    + " arrived, e.g. " + missing.subList(0, Math.min(10, missing.size())), e);
            }
            for (int quiet = 0; quiet < 4; quiet++) {
                read.run(); // anything more than once would be a duplicate
            }
        }
        assertThat(committed).doesNotHaveDuplicates();
        assertWithinXsConnectionLimits();
        assertThat(rest.delete("/connectors/" + CONNECTOR).status()).isEqualTo(204);
    }

    private List<ConnectionInfo> liveConnections() {
        return simulator.connections().stream()
            .filter(c -> c.endpoint() == StreamEndpoint.V2_FILTERED && !c.recovery())
            .sorted(Comparator.comparing(ConnectionInfo::openedAt)).toList();
    }

    private static void awaitMore(List<Object> committed, Runnable read, int more) {
        int before = committed.size();
        await().atMost(DEADLINE).until(() -> {
            read.run();
            return committed.size() >= before + more;
        });
    }

    /** One connection at a time, no storm of attempts: what X allows a pay-per-use app. */
    private void assertWithinXsConnectionLimits() {
        List<ConnectionInfo> live = liveConnections();
        for (int i = 1; i < live.size(); i++) {
            assertThat(live.get(i - 1).closedAt()).as("connection %s closed before %s opened", live.get(i - 1).id(),
                live.get(i).id()).isNotNull().isBeforeOrEqualTo(live.get(i).openedAt());
        }
        List<ConnectionAttempt> attempts = simulator.connectionAttempts(StreamEndpoint.V2_FILTERED);
        assertThat(attempts).hasSizeLessThanOrEqualTo(50);
        assertThat(attempts).filteredOn(a -> a.httpStatus() == 429).hasSizeLessThanOrEqualTo(5);
    }
}
