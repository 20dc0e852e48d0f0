package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * X's {@code backfill_minutes} on the filtered stream: a connection that asks for it gets every tweet the app's stream
 * made in those minutes first (the ones it saw before too: the overlap a client deduplicates), then the live ones.
 */
class V2BackfillIT {

    private StreamSimulator simulator;
    private V2Client client;

    @BeforeEach
    void start() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(100)
                .keepAliveInterval(Duration.ofMillis(100)).v2MaxConnections(2).build());
        client = new V2Client(simulator);
        client.addRule("kafka", null);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aClientThatReconnectsWithBackfillGetsWhatWasMadeWhileItWasAwayAndTheOverlap() throws Exception {
        try (StreamClient stays = client.open(V2Client.FILTERED)) {
            stays.nextMessages(1);
            List<String> seenBefore = ids(reconnectingClientReads(10));
            Instant away = Instant.now();
            int before = idsSentOn(1).size();
            await().atMost(StreamClient.DEADLINE).until(() -> idsSentOn(1).size() >= before + 20);

            try (StreamClient back = client.open(V2Client.FILTERED + "?backfill_minutes=1")) {
                Instant reconnected = Instant.now();
                List<String> staying = idsSentOn(1);
                List<String> received = ids(back.nextMessages(staying.size() + 5));

                // A send is recorded just after it is written: wait for the ledger to catch up.
                await().atMost(StreamClient.DEADLINE).until(() -> idsSentOn(1).size() >= received.size());
                List<String> all = idsSentOn(1);
                assertThat(received).as("every tweet the stream made, in order, then live ones")
                        .isEqualTo(all.subList(0, received.size()));
                assertThat(received).as("the overlap").containsAll(seenBefore);
                List<String> madeWhileAway = simulator.sentTweets().stream()
                        .filter(tweet -> tweet.connectionId() == 1 && tweet.sentAt().isAfter(away)
                                && tweet.sentAt().isBefore(reconnected))
                        .map(tweet -> Long.toString(tweet.id())).toList();
                assertThat(madeWhileAway).hasSizeGreaterThanOrEqualTo(15);
                assertThat(received).containsAll(madeWhileAway);
            }
        }
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        Set<Long> onOld = simulator.sentTweets().stream().filter(tweet -> tweet.connectionId() == 2)
                .map(SentTweet::id).collect(Collectors.toSet());
        assertThat(simulator.sentTweets()).as("the same tweet recorded on the old and the new connection")
                .filteredOn(tweet -> tweet.connectionId() == 3).extracting(SentTweet::id).containsAll(onOld);
    }

    @Test
    void withoutBackfillAReconnectingClientGetsOnlyTweetsMadeFromThenOn() throws Exception {
        try (StreamClient stays = client.open(V2Client.FILTERED)) {
            stays.nextMessages(1);
            reconnectingClientReads(5);
            int sent = idsSentOn(1).size();
            await().atMost(StreamClient.DEADLINE).until(() -> idsSentOn(1).size() >= sent + 10);
            Set<String> before = Set.copyOf(idsSentOn(1));

            try (StreamClient back = client.open(V2Client.FILTERED + "?backfill_minutes=0")) {
                assertThat(ids(back.nextMessages(10))).doesNotContainAnyElementsOf(before);
            }
        }
    }

    @Test
    void aLoneClientThatReconnectsWithBackfillGetsBackWhatItHadSeen() throws Exception {
        List<String> seen = ids(reconnectingClientReads(10));

        try (StreamClient back = client.open(V2Client.FILTERED + "?backfill_minutes=5")) {
            List<String> received = ids(back.nextMessages(idsSentOn(1).size() + 3));

            assertThat(received.subList(0, idsSentOn(1).size())).isEqualTo(idsSentOn(1));
            assertThat(received).containsAll(seen);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "-1", "two"})
    void backfillOfMoreThanFiveMinutesOrNotANumberIsRefusedAsOnX(String minutes) throws Exception {
        HttpResponse<InputStream> refused = client.connect(V2Client.FILTERED + "?backfill_minutes=" + minutes);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(V2Client.body(refused)).isEqualTo(Json.parse("{\"errors\":[{\"parameters\":{\"backfill_minutes\":[\""
                + minutes + "\"]},\"message\":\"The `backfill_minutes` query parameter value [" + minutes
                + "] is not between 0 and 5\"}],\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to "
                + "your request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}"));
        assertThat(simulator.connectionAttempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(400);
    }

    /** A second client opens, reads {@code count} tweets and leaves; returns once the simulator noticed. */
    private List<JsonNode> reconnectingClientReads(int count) throws Exception {
        List<JsonNode> read;
        try (StreamClient leaves = client.open(V2Client.FILTERED)) {
            read = leaves.nextMessages(count);
        }
        long leaving = simulator.connections().get(simulator.connections().size() - 1).id();
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.connections().stream()
                .noneMatch(connection -> connection.id() == leaving && connection.open()));
        return read;
    }

    private List<String> idsSentOn(long connectionId) {
        return simulator.sentTweets().stream().filter(tweet -> tweet.connectionId() == connectionId)
                .map(tweet -> Long.toString(tweet.id())).toList();
    }

    private static List<String> ids(List<JsonNode> messages) {
        return messages.stream().map(message -> message.path("data").path("id").asText()).toList();
    }
}
