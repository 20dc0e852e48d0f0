package io.tweetstream.simulator;

import io.tweetstream.simulator.testing.Api;
import io.tweetstream.simulator.testing.StreamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** v1.1 stream requests refused on purpose, with Twitter's answers, and every attempt recorded with its status. */
class V1ConnectionRefusalsIT {

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401|application/json|{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}",
            "403|application/json|{\"errors\":[{\"code\":87,\"message\":\"Client is not permitted to perform this action.\"}]}",
            "420|text/plain|Enhance Your Calm",
            "500|application/json|{\"errors\":[{\"code\":131,\"message\":\"Internal error\"}]}",
            "503|application/json|{\"errors\":[{\"code\":130,\"message\":\"Over capacity\"}]}"})
    void refusesTheNextConnectionWithTwittersAnswerThenStreams(int status, String contentType, String body)
            throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().build());
        simulator.rejectNextV1Connections(1, status, Duration.ZERO);

        Answer refused = send();

        assertThat(refused.statusCode()).isEqualTo(status);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith(contentType);
        assertThat(refused.body()).isEqualTo(body);
        Api.V1.open(simulator).close();
        assertThat(simulator.connectionAttempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(status, 200);
        assertThat(simulator.connectionAttempts()).extracting(ConnectionAttempt::endpoint)
                .containsOnly(StreamEndpoint.V1_FILTER);
        assertThat(simulator.connections()).hasSize(1);
    }

    @Test
    void aRateLimitedConnectionIsToldWhenToComeBack() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().build());
        simulator.rejectNextV1Connections(2, 429, Duration.ofSeconds(60));

        for (int i = 0; i < 2; i++) {
            Answer refused = send();
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}");
            assertThat(refused.headers().firstValue("x-rate-limit-remaining")).hasValue("0");
            long reset = Long.parseLong(refused.headers().firstValue("x-rate-limit-reset").orElseThrow());
            assertThat(reset - Instant.now().getEpochSecond()).isBetween(55L, 61L);
        }
        assertThat(send().statusCode()).isEqualTo(200);
    }

    @Test
    void recordsEveryAttemptWithItsTimeAndStatusForReconnectTiming() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().acceptedConsumerKeys(Set.of("other")).build());
        simulator.rejectNextV1Connections(1, 503, Duration.ZERO);
        Instant before = Instant.now();

        int injected = send().statusCode();
        int unauthenticated = send().statusCode();
        int badFilter = StreamClient.http().send(StreamClient.filterRequest(simulator, "language=en",
                "OAuth oauth_consumer_key=\"other\", oauth_signature=\"x\""),
                HttpResponse.BodyHandlers.ofString()).statusCode();

        assertThat(new int[]{injected, unauthenticated, badFilter}).containsExactly(503, 401, 406);
        assertThat(simulator.connectionAttempts(StreamEndpoint.V1_FILTER)).extracting(ConnectionAttempt::httpStatus)
                .containsExactly(503, 401, 406);
        assertThat(simulator.connectionAttempts()).extracting(ConnectionAttempt::at)
                .allSatisfy(at -> assertThat(at).isBetween(before, Instant.now())).isSorted();
        assertThat(simulator.connectionAttempts(StreamEndpoint.V2_FILTERED)).isEmpty();
    }

    @Test
    void aRefusalOnOneApiLeavesTheOtherAlone() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().build());
        simulator.rejectNextV1Connections(1, 420, Duration.ZERO);

        Api.V2.open(simulator).close();

        assertThat(send().statusCode()).isEqualTo(420);
    }

    /** A stream request's answer; the body read only when it is not a stream. */
    private record Answer(int statusCode, HttpHeaders headers, String body) {
    }

    private Answer send() throws Exception {
        HttpResponse<InputStream> response = StreamClient.http().send(
                StreamClient.filterRequest(simulator, Api.V1_FORM, StreamClient.OAUTH), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            String body = response.statusCode() == 200 ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), response.headers(), body);
        }
    }
}
