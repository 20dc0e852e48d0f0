package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.tweetstream.simulator.testing.V2Client.FILTERED;
import static io.tweetstream.simulator.testing.V2Client.SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What goes wrong on X's v2 streams, made to happen on purpose: connection limits, refusals, disconnects, stalls. */
class V2StreamFaultsIT {

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void oneConnectionTooManyGets429TooManyConnectionsWithAResetHeader() throws Exception {
        V2Client client = start(SimulatorSettings.builder().keepAliveInterval(Duration.ofMillis(100)));
        client.addRule("kafka", null);
        try (StreamClient first = client.open(FILTERED)) {
            HttpResponse<InputStream> second = client.connect(FILTERED);

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("x-rate-limit-remaining")).hasValue("0");
            assertThat(second.headers().firstValue("x-rate-limit-limit")).isPresent();
            long reset = Long.parseLong(second.headers().firstValue("x-rate-limit-reset").orElseThrow());
            assertThat(reset).isBetween(Instant.now().getEpochSecond(), Instant.now().getEpochSecond() + 5);
            assertThat(V2Client.body(second)).isEqualTo(Json.parse("{\"title\":\"ConnectionException\",\"detail\":\"This stream "
                    + "is currently at the maximum allowed connection limit.\",\"connection_issue\":\"TooManyConnections\","
                    + "\"type\":\"https://api.twitter.com/2/problems/streaming-connection\"}"));
            try (StreamClient sample = client.open(SAMPLE)) {
                assertThat(sample.nextLine().end()).as("the sample stream has its own limit").isFalse();
            }
        }
        // Once the server notices the first client left (at its next keep-alive), the slot is free again.
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        client.open(FILTERED).close();
        assertThat(simulator.connectionAttempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 429, 200, 200);
        assertThat(simulator.connectionAttempts()).extracting(ConnectionAttempt::endpoint).containsExactly(
                StreamEndpoint.V2_FILTERED, StreamEndpoint.V2_FILTERED, StreamEndpoint.V2_SAMPLE, StreamEndpoint.V2_FILTERED);
    }

    @Test
    void refusesTheNextConnectionsAsInstructedThenLetsClientsIn() throws Exception {
        V2Client client = start(SimulatorSettings.builder().v2MaxConnections(2));
        client.addRule("kafka", null);

        simulator.rejectNextV2Connections(2, 429, Duration.ofSeconds(90));
        for (int i = 0; i < 2; i++) {
            HttpResponse<InputStream> refused = client.connect(FILTERED);
            assertThat(refused.statusCode()).isEqualTo(429);
            long reset = Long.parseLong(refused.headers().firstValue("x-rate-limit-reset").orElseThrow());
            assertThat(reset - Instant.now().getEpochSecond()).isBetween(85L, 91L);
            assertThat(V2Client.body(refused)).isEqualTo(Json.parse(
                    "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"));
        }
        client.open(FILTERED).close();

        simulator.rejectNextV2Connections(1, 401, Duration.ZERO);
        assertThat(V2Client.body(client.connect(SAMPLE)).path("title").asText()).isEqualTo("Unauthorized");
        simulator.rejectNextV2Connections(1, 403, Duration.ZERO);
        HttpResponse<InputStream> forbidden = client.connect(FILTERED);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(V2Client.body(forbidden).path("reason").asText()).isEqualTo("client-not-enrolled");
        simulator.rejectNextV2Connections(1, 503, Duration.ZERO);
        HttpResponse<InputStream> unavailable = client.connect(FILTERED);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(V2Client.body(unavailable).path("status").asInt()).isEqualTo(503);

        assertThat(simulator.connectionAttempts()).extracting(ConnectionAttempt::httpStatus)
                .containsExactly(429, 429, 200, 401, 403, 503);
        assertThat(simulator.connections()).hasSize(1);
    }

    @Test
    void anOperationalDisconnectSendsXsMessageThenEndsTheStreamCleanly() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(100));
        client.addRule("kafka", null);
        try (StreamClient stream = client.open(FILTERED)) {
            stream.nextMessages(3);

            simulator.operationalDisconnectV2Streams();

            JsonNode last = Json.parse(stream.lastLineBeforeCleanEnd(StreamClient.DEADLINE));
            assertThat(last).isEqualTo(Json.parse("{\"errors\":[{\"title\":\"operational-disconnect\",\"disconnect_type\":"
                    + "\"UpstreamOperationalDisconnect\",\"detail\":\"This stream has been disconnected upstream for "
                    + "operational reasons.\",\"type\":\"https://api.twitter.com/2/problems/operational-disconnect\"}]}"));
        }
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        try (StreamClient again = client.open(FILTERED)) {
            assertThat(again.nextMessages(1).get(0).has("data")).as("new streams are not affected").isTrue();
        }
    }

    @Test
    void aStallSilencesOpenStreamsEntirelyThenTheyGoOn() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(50).keepAliveInterval(Duration.ofMillis(100)));
        client.addRule("kafka", null);
        try (StreamClient stream = client.open(FILTERED)) {
            stream.nextMessages(2);

            simulator.stallV2Streams(Duration.ofMillis(1500));
            long stalled = System.nanoTime();
            Optional<StreamClient.Line> during = Optional.empty();
            // Lines written before the stall may still be in flight; after them, silence.
            long lastLine = stalled;
            StreamClient.Line line;
            do {
                line = stream.nextLine();
                long now = System.nanoTime();
                if (Duration.ofNanos(now - lastLine).toMillis() > 1000) {
                    during = Optional.of(line);
                }
                lastLine = now;
            } while (during.isEmpty());
            assertThat(Duration.ofNanos(lastLine - stalled)).isGreaterThanOrEqualTo(Duration.ofMillis(1300));
            assertThat(stream.nextMessages(3)).allSatisfy(message -> assertThat(message.has("data")).isTrue());
        }
        assertThat(simulator.connections()).hasSize(1);
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.build());
        return new V2Client(simulator);
    }
}
