package io.tweetstream.simulator;

import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static io.tweetstream.simulator.testing.V2Client.FILTERED;
import static io.tweetstream.simulator.testing.V2Client.RULES;
import static io.tweetstream.simulator.testing.V2Client.SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** X's tiers and connection rules on the v2 streams: what pay-per-use refuses, connect attempts per window, 409, headers. */
class V2TiersIT {

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void payPerUseRefusesASecondConnectionWithTooManyConnections() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE)
                .keepAliveInterval(Duration.ofMillis(200)));
        client.addRule("kafka", null);
        try (StreamClient first = client.open(FILTERED)) {
            HttpResponse<InputStream> second = client.connect(FILTERED);

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(V2Client.body(second).path("connection_issue").asText()).isEqualTo("TooManyConnections");
            assertThat(second.headers().firstValue("x-rate-limit-limit")).hasValue("50");
            assertThat(second.headers().firstValue("x-rate-limit-remaining")).hasValue("0");
            long reset = Long.parseLong(second.headers().firstValue("x-rate-limit-reset").orElseThrow());
            assertThat(reset).as("come back once the old slot is free, not in 15 minutes")
                    .isBetween(Instant.now().getEpochSecond(), Instant.now().getEpochSecond() + 5);
        }
    }

    @Test
    void payPerUseRefusesThe51stConnectAttemptOfTheWindowWithAResetAtTheWindowsEnd() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE));
        // No rules: every attempt gets 409, and counts all the same.
        Instant windowStart = Instant.now();
        for (int i = 0; i < 50; i++) {
            HttpResponse<InputStream> answer = client.connect(FILTERED);
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.headers().firstValue("x-rate-limit-remaining")).hasValue(Integer.toString(49 - i));
            answer.body().close();
        }
        HttpResponse<InputStream> refused = client.connect(FILTERED);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(V2Client.body(refused)).isEqualTo(Json.parse(
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"));
        assertThat(refused.headers().firstValue("x-rate-limit-limit")).hasValue("50");
        assertThat(refused.headers().firstValue("x-rate-limit-remaining")).hasValue("0");
        long reset = Long.parseLong(refused.headers().firstValue("x-rate-limit-reset").orElseThrow());
        assertThat(reset).isBetween(windowStart.plus(Duration.ofMinutes(15)).getEpochSecond() - 1,
                Instant.now().plus(Duration.ofMinutes(15)).getEpochSecond());
        assertThat(simulator.connectionAttempts()).hasSize(51).last()
                .extracting(ConnectionAttempt::httpStatus).isEqualTo(429);
    }

    @Test
    void aNewWindowLetsClientsConnectAgain() throws Exception {
        V2Client client = start(SimulatorSettings.builder().v2ConnectsPerWindow(2)
                .rateLimitWindow(Duration.ofSeconds(2)).keepAliveInterval(Duration.ofMillis(100)));
        client.addRule("kafka", null);
        client.open(FILTERED).close();
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        client.open(FILTERED).close();
        assertThat(client.connect(FILTERED).statusCode()).isEqualTo(429);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> simulator.openConnectionCount() == 0 && client.connect(FILTERED).statusCode() == 200);
    }

    @Test
    void connectingWithNoRulesGets409RuleConfigurationIssue() throws Exception {
        V2Client client = start(SimulatorSettings.builder());

        HttpResponse<InputStream> refused = client.connect(FILTERED);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(V2Client.body(refused)).isEqualTo(Json.parse("{\"title\":\"ConnectionException\",\"detail\":"
                + "\"No rules defined. Add rules to filter the stream, then reconnect.\",\"connection_issue\":"
                + "\"RuleConfigurationIssue\",\"type\":\"https://api.twitter.com/2/problems/streaming-connection\"}"));
        assertThat(simulator.connectionAttempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(409);
        try (StreamClient sample = client.open(SAMPLE)) {
            assertThat(sample.nextLine().end()).as("the sample stream needs no rules").isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SAMPLE, FILTERED + "?backfill_minutes=2",
            FILTERED + "?start_time=2026-01-01T00:00:00Z&end_time=2026-01-01T00:10:00Z"})
    void payPerUseRefusesWhatNeedsEnterpriseWithClientForbidden(String request) throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE));
        client.addRule("kafka", null);

        HttpResponse<InputStream> refused = client.connect(request);

        assertThat(refused.statusCode()).isEqualTo(403);
        var body = V2Client.body(refused);
        assertThat(body.path("title").asText()).isEqualTo("Client Forbidden");
        assertThat(body.path("reason").asText()).isEqualTo("client-not-enrolled");
        assertThat(body.path("type").asText()).isEqualTo("https://api.twitter.com/2/problems/client-forbidden");
        assertThat(body.path("required_enrollment").asText()).isEqualTo("Enterprise");
        assertThat(body.path("detail").asText()).contains("does not include");
        assertThat(client.connect(FILTERED + "?backfill_minutes=0").statusCode()).isEqualTo(200);
    }

    @Test
    void everyV2AnswerCarriesTheRateLimitHeaders() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE));
        V2Client.Answer added = client.post(RULES, "{\"add\":[{\"value\":\"kafka\"}]}");
        assertRateLimited(added.response().headers(), 100, 99);
        V2Client.Answer listed = client.get(RULES);
        assertRateLimited(listed.response().headers(), 450, 449);
        V2Client.Answer searched = client.get("2/tweets/search/recent?query=kafka");
        assertThat(searched.status()).isEqualTo(200);
        assertRateLimited(searched.response().headers(), 450, 449);
        HttpResponse<InputStream> stream = client.connect(FILTERED);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertRateLimited(stream.headers(), 50, 49);
        stream.body().close();
    }

    @Test
    void enterpriseAllowsTwoRedundantConnectionsAndCountsNoConnectLimit() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE));
        client.addRule("kafka", null);
        try (StreamClient first = client.open(FILTERED); StreamClient second = client.open(FILTERED)) {
            assertThat(client.connect(FILTERED).statusCode()).isEqualTo(429);
        }
        assertThat(simulator.settings().v2MaxRules()).isEqualTo(25_000);
        assertThat(simulator.settings().v2MaxRuleLength()).isEqualTo(2_048);
    }

    private static void assertRateLimited(HttpHeaders headers, int limit, int remaining) {
        assertThat(headers.firstValue("x-rate-limit-limit")).hasValue(Integer.toString(limit));
        assertThat(headers.firstValue("x-rate-limit-remaining")).hasValue(Integer.toString(remaining));
        long reset = Long.parseLong(headers.firstValue("x-rate-limit-reset").orElseThrow());
        assertThat(reset).isBetween(Instant.now().getEpochSecond() + 800, Instant.now().getEpochSecond() + 901);
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.build());
        return new V2Client(simulator);
    }
}
