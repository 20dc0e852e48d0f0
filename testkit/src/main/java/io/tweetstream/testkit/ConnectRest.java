package io.tweetstream.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A client for the Connect REST API, as a user drives it with curl. */
public final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** E.g. {@code http://127.0.0.1:8083}: a worker's id in task statuses is its host and port. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A response: HTTP status and JSON body (null when empty). */
    public record Response(int status, JsonNode body) {}

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json").POST(json(body)));
    }

    public Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json").PUT(json(body)));
    }

    public Response putEmpty(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** "RUNNING", "PAUSED", ... of the connector and of each task, e.g. {connector=RUNNING, 0=RUNNING}. */
    public Map<String, String> states(String connector) {
        Response response = get("/connectors/" + connector + "/status");
        if (response.status() != 200) {
            return Map.of();
        }
        Map<String, String> states = new TreeMap<>();
        states.put("connector", response.body().at("/connector/state").asText());
        for (JsonNode task : response.body().get("tasks")) {
            states.put(task.get("id").asText(), task.get("state").asText());
        }
        return states;
    }

    /**
     * The errors of {@code PUT /connector-plugins/{plugin}/config/validate} for {@code config}, by key;
     * keys without errors are left out.
     */
    public Map<String, List<String>> validationErrors(String plugin, Object config) {
        Response validation = put("/connector-plugins/" + plugin + "/config/validate", config);
        if (validation.status() != 200) {
            throw new IllegalStateException("validate answered HTTP " + validation.status() + ": " + validation.body());
        }
        Map<String, List<String>> errors = new TreeMap<>();
        for (JsonNode value : validation.body().get("configs")) {
            List<String> messages = new ArrayList<>();
            value.at("/value/errors").forEach(e -> messages.add(e.asText()));
            if (!messages.isEmpty()) {
                errors.put(value.at("/value/name").asText(), messages);
            }
        }
        return errors;
    }

    /** Waits until the connector and its {@code tasks} tasks are all RUNNING. */
    public void awaitRunning(String connector, int tasks, Duration deadline) {
        org.awaitility.Awaitility.await("connector " + connector + " and " + tasks + " tasks RUNNING")
            .atMost(deadline).until(() -> {
                Map<String, String> states = states(connector);
                return states.size() == tasks + 1 && states.values().stream().allMatch("RUNNING"::equals);
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
