package io.tweetstream.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.StreamSimulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Talks to the simulator's v2 endpoints over real HTTP as an X client would: bearer token, JSON. */
public final class V2Client {

    public static final String TOKEN = "test-bearer-token";
    public static final String FILTERED = "2/tweets/search/stream";
    public static final String SAMPLE = "2/tweets/sample/stream";
    public static final String RULES = "2/tweets/search/stream/rules";

    private final StreamSimulator simulator;
    private final String token;

    public V2Client(StreamSimulator simulator) {
        this(simulator, TOKEN);
    }

    /** @param token {@code null} to send no Authorization header */
    public V2Client(StreamSimulator simulator, String token) {
        this.simulator = simulator;
        this.token = token;
    }

    /** A response and its body parsed (a missing node when the body is empty). */
    public record Answer(int status, JsonNode body, HttpResponse<String> response) {
    }

    public Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return answer(request(pathAndQuery).GET().build());
    }

    public Answer post(String pathAndQuery, String json) throws IOException, InterruptedException {
        return answer(request(pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer delete(String pathAndQuery) throws IOException, InterruptedException {
        return answer(request(pathAndQuery).DELETE().build());
    }

    /**
     * A request to an absolute URL (a compliance job's upload or download URL) with this client's token, whatever the
     * answer, its body as text.
     *
     * @param body {@code null} for none
     */
    public HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(StreamClient.DEADLINE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "text/plain");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return StreamClient.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Adds one rule and returns its id. */
    public String addRule(String value, String tag) throws IOException, InterruptedException {
        Answer answer = post(RULES, "{\"add\":[{\"value\":" + quoted(value) + ",\"tag\":" + quoted(tag) + "}]}");
        assertThat(answer.status()).as("adding %s: %s", value, answer.body()).isEqualTo(201);
        return answer.body().path("data").get(0).path("id").asText();
    }

    /**
     * Adds a rule that no tweet can match ({@code kafka -kafka}: every tweet made for it is skipped), for a test that
     * opens the filtered stream before the rules it is about: X answers 409 to a connection while the app has no
     * rules, and this one sends only keep-alives until other rules are added.
     */
    public String addRuleMatchingNothing() throws IOException, InterruptedException {
        return addRule("kafka -kafka", "matches-nothing");
    }

    public void deleteRule(String id) throws IOException, InterruptedException {
        Answer answer = post(RULES, "{\"delete\":{\"ids\":[\"" + id + "\"]}}");
        assertThat(answer.body().path("meta").path("summary").path("deleted").asInt()).isEqualTo(1);
    }

    /** Opens a stream and checks it was accepted. */
    public StreamClient open(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = connect(pathAndQuery);
        assertThat(response.statusCode()).as("status of GET %s", pathAndQuery).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return StreamClient.over(response.body());
    }

    /** Requests a stream, whatever the answer. */
    public HttpResponse<InputStream> connect(String pathAndQuery) throws IOException, InterruptedException {
        return StreamClient.http().send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The body of a refused stream request, parsed. */
    public static JsonNode body(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            return Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.v2BaseUrl() + pathAndQuery))
                .timeout(StreamClient.DEADLINE);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static Answer answer(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = StreamClient.http().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : Json.parse(response.body());
        return new Answer(response.statusCode(), body, response);
    }

    private static String quoted(String text) {
        return text == null ? "null" : com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
