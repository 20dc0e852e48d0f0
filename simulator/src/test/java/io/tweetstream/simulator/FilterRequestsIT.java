package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How the filter endpoint answers requests, before any streaming: authentication and parameters. */
class FilterRequestsIT {

    private static final String TWITTER_401_BODY = "{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}";

    private StreamSimulator simulator;

    @AfterEach
    void closeSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void refusesARequestWithoutAnOAuthHeaderWith401AndTwittersError() throws Exception {
        simulator = start(Set.of());

        HttpResponse<String> response = send(StreamClient.filterRequest(simulator, "count=0&track=kafka", null));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).isEqualTo(TWITTER_401_BODY);
        assertThat(simulator.connections()).isEmpty();
    }

    @Test
    void refusesAnAuthorizationHeaderThatIsNotOAuth() throws Exception {
        simulator = start(Set.of());

        HttpResponse<String> response = send(StreamClient.filterRequest(simulator, "track=kafka", "Bearer AAAA"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAConsumerKeyThatIsNotAcceptedAndStreamsForOneThatIs() throws Exception {
        simulator = start(Set.of("good key"));

        HttpResponse<String> refused = send(StreamClient.filterRequest(simulator, "track=kafka",
                "OAuth oauth_consumer_key=\"other\", oauth_signature=\"x\""));
        int accepted = statusOfStreamRequest(StreamClient.filterRequest(simulator, "track=kafka",
                "OAuth oauth_consumer_key=\"good%20key\", oauth_signature=\"x\""));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(TWITTER_401_BODY);
        assertThat(accepted).isEqualTo(200);
        assertThat(simulator.connections()).singleElement()
                .satisfies(connection -> assertThat(connection.consumerKey()).isEqualTo("good key"));
    }

    @Test
    void refusesAFilterWithoutTrackFollowOrLocationsWith406() throws Exception {
        simulator = start(Set.of());

        HttpResponse<String> response = send(StreamClient.filterRequest(simulator,
                "count=0&language=en&stall_warnings=true", StreamClient.OAUTH));

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.body()).contains("follow track locations");
        assertThat(simulator.connections()).isEmpty();
    }

    @Test
    void takesParametersFromTheQueryStringToo() throws Exception {
        simulator = start(Set.of());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(simulator.v1BaseUrl() + "statuses/filter.json?follow=12&language=de"))
                .header("Authorization", StreamClient.OAUTH)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();

        int status = statusOfStreamRequest(request);

        assertThat(status).isEqualTo(200);
        assertThat(simulator.connections()).singleElement().satisfies(connection -> {
            assertThat(connection.follow()).containsExactly(12L);
            assertThat(connection.languages()).containsExactly("de");
        });
    }

    @Test
    void answersOtherMethodsAndPathsWithErrors() throws Exception {
        simulator = start(Set.of());
        HttpRequest delete = HttpRequest.newBuilder(URI.create(simulator.v1BaseUrl() + "statuses/filter.json"))
                .header("Authorization", StreamClient.OAUTH).DELETE().build();
        HttpRequest sample = HttpRequest.newBuilder(URI.create(simulator.v1BaseUrl() + "statuses/sample.json"))
                .header("Authorization", StreamClient.OAUTH).GET().build();

        assertThat(send(delete).statusCode()).isEqualTo(405);
        assertThat(send(sample).statusCode()).isEqualTo(404);
    }

    @Test
    void statsListConnectionsAndTotals() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder()
                .tweetsPerSecond(1_000)
                .maxTweetsPerConnection(3)
                .build());
        send(StreamClient.filterRequest(simulator, "count=0", StreamClient.OAUTH));
        try (StreamClient stream = StreamClient.open(simulator, "track=kafka,apache%20spark&follow=7")) {
            stream.nextStatuses(3);

            JsonNode stats = Json.parse(send(HttpRequest.newBuilder(URI.create(simulator.statsUrl())).GET().build()).body());

            assertThat(stats.path("totals").path("connectionsAccepted").asInt()).isEqualTo(1);
            assertThat(stats.path("totals").path("openConnections").asInt()).isEqualTo(1);
            assertThat(stats.path("totals").path("tweetsSent").asInt()).isEqualTo(3);
            assertThat(stats.path("totals").path("requestsRejected").asInt()).isEqualTo(1);
            JsonNode connection = stats.path("connections").get(0);
            assertThat(connection.path("id").asLong()).isEqualTo(1);
            assertThat(connection.path("track").toString()).isEqualTo("[\"kafka\",\"apache spark\"]");
            assertThat(connection.path("follow").toString()).isEqualTo("[7]");
            assertThat(connection.path("open").asBoolean()).isTrue();
            assertThat(connection.path("tweetsSent").asInt()).isEqualTo(3);
            assertThat(connection.path("openedAt").asText()).isNotEmpty();
            assertThat(connection.path("closedAt").isNull()).isTrue();
            assertThat(stats.toString()).doesNotContain("test-consumer");
        }
    }

    private static StreamSimulator start(Set<String> acceptedConsumerKeys) {
        return StreamSimulator.start(SimulatorSettings.builder()
                .acceptedConsumerKeys(acceptedConsumerKeys)
                .tweetsPerSecond(100)
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return StreamClient.http().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request that may open a stream; takes its status and hangs up. */
    private static int statusOfStreamRequest(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = StreamClient.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }
}
