package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.tweetstream.simulator.testing.V2Client.FILTERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Enterprise Recovery: start_time and end_time on the filtered stream re-stream a past period, then end. */
class V2RecoveryIT {

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void replaysExactlyTheTweetsOfThePeriodThatMatchTheCurrentRulesThenEndsTheStream() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE));
        String kafka = client.addRule("kafka", "k");
        List<MadeTweet> made = simulator.madeEarlier(Duration.ofHours(2), 24);
        String flink = client.addRule("flink", "f");
        client.deleteRule(kafka);
        simulator.madeEarlier(Duration.ofMinutes(10), 6); // after the period: not replayed
        client.addRule("kafka", "k2");
        String kafkaAgain = simulator.rules().stream().filter(rule -> rule.value().equals("kafka")).findFirst()
                .orElseThrow().id();

        Instant start = made.get(6).createdAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant end = made.get(18).createdAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        List<JsonNode> messages = new ArrayList<>();
        try (StreamClient stream = client.open(FILTERED + "?start_time=" + start + "&end_time=" + end)) {
            while (true) {
                StreamClient.Line line = stream.nextLine();
                if (line.end()) {
                    break;
                }
                if (!line.isKeepAlive()) {
                    messages.add(io.tweetstream.simulator.testing.Json.parse(line.text()));
                }
            }
        }

        List<Long> expected = made.subList(7, 19).stream().map(MadeTweet::id).toList();
        assertThat(messages).extracting(message -> message.path("data").path("id").asLong())
                .as("the period's tweets, oldest first").isEqualTo(expected);
        assertThat(messages).allSatisfy(message -> assertThat(message.path("matching_rules").get(0).path("id").asText())
                .as("matched against the rules in force now").isEqualTo(kafkaAgain));
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        assertThat(simulator.connections()).singleElement().satisfies(connection -> {
            assertThat(connection.recovery()).isTrue();
            assertThat(connection.tweetsSent()).isEqualTo(12);
        });
        assertThat(simulator.sentTweets()).extracting(SentTweet::id).isEqualTo(expected);
        assertThat(flink).isNotEmpty();
    }

    @Test
    void recoveryStreamsDoNotTakeALiveSlotAndAtMostTwoAreOpenAtOnce() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .v2MaxConnections(1).recoveryTweetsPerSecond(1).keepAliveInterval(Duration.ofMillis(200)));
        client.addRule("kafka", null);
        simulator.madeEarlier(Duration.ofHours(1), 50);
        String window = "?start_time=" + Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        try (StreamClient live = client.open(FILTERED);
             StreamClient first = client.open(FILTERED + window);
             StreamClient second = client.open(FILTERED + window)) {
            HttpResponse<InputStream> third = client.connect(FILTERED + window);

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(V2Client.body(third).path("connection_issue").asText()).isEqualTo("TooManyConnections");
            assertThat(first.nextMessages(1)).isNotEmpty();
        }
        assertThat(simulator.connections()).extracting(ConnectionInfo::recovery).containsExactly(false, true, true);
    }

    @Test
    void refusesAStartMoreThan24HoursBackAnEndBeforeTheStartOrInTheFuture() throws Exception {
        V2Client client = start(SimulatorSettings.builder());
        client.addRule("kafka", null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        assertRefused(client, "?start_time=" + now.minus(Duration.ofHours(25)) + "&end_time=" + now.minusSeconds(60),
                "'start_time' must be on or after ");
        assertRefused(client, "?start_time=" + now.minusSeconds(60) + "&end_time=" + now.minusSeconds(120),
                "'end_time' must be after 'start_time'");
        assertRefused(client, "?start_time=" + now.minusSeconds(60) + "&end_time=" + now.plusSeconds(120),
                "'end_time' must not be in the future");
        assertThat(simulator.connections()).isEmpty();
    }

    @Test
    void payPerUseRefusesRecovery() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE));
        client.addRule("kafka", null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<InputStream> refused = client.connect(FILTERED + "?start_time=" + now.minusSeconds(600)
                + "&end_time=" + now.minusSeconds(60));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(V2Client.body(refused).path("detail").asText()).contains("Recovery");
    }

    private static void assertRefused(V2Client client, String query, String message) throws Exception {
        HttpResponse<InputStream> refused = client.connect(FILTERED + query);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(V2Client.body(refused).path("errors").get(0).path("message").asText()).contains(message);
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.build());
        return new V2Client(simulator);
    }
}
