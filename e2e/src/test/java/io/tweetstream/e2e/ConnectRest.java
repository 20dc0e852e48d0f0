package io.tweetstream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A client for the Connect REST API, as a user drives it with curl. */
final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response: HTTP status and JSON body (null when empty). */
    record Response(int status, JsonNode body) {}

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json").POST(json(body)));
    }

    Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json").PUT(json(body)));
    }

    Response putEmpty(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** "RUNNING", "PAUSED", ... of the connector and of each task, e.g. {connector=RUNNING, 0=RUNNING}. */
    Map<String, String> states(String connector) {
        Response response = get("/connectors/" + connector + "/status");
        if (response.status() != 200) {
            return Map.of();
        }
        Map<String, String> states = new java.util.TreeMap<>();
        states.put("connector", response.body().at("/connector/state").asText());
        for (JsonNode task : response.body().get("tasks")) {
            states.put(task.get("id").asText(), task.get("state").asText());
        }
        return states;
    }

    /** Waits until the connector and its {@code tasks} tasks are all RUNNING. */
    void awaitRunning(String connector, int tasks, Duration deadline) {
        org.awaitility.Awaitility.await().atMost(deadline).untilAsserted(() -> {
            Map<String, String> states = states(connector);
            org.assertj.core.api.Assertions.assertThat(states).as("states of %s", connector).hasSize(tasks + 1);
            org.assertj.core.api.Assertions.assertThat(states.values()).containsOnly("RUNNING");
        });
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(
                body instanceof String text ? text : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
