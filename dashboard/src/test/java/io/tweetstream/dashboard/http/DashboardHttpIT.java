package io.tweetstream.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.dashboard.count.CountIngester;
import io.tweetstream.dashboard.count.CountParser;
import io.tweetstream.dashboard.count.CountStore;
import io.tweetstream.dashboard.kafka.CountsConsumer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP routes over a real socket, with the store filled by hand instead of by Kafka. */
class DashboardHttpIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CountStore store = new CountStore(Duration.ofMinutes(10), 1_000);
    private final CountIngester ingester = new CountIngester(new CountParser(), store);
    private final AtomicReference<CountsConsumer.State> state = new AtomicReference<>(CountsConsumer.State.CONSUMING);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DashboardHttp http;

    @BeforeEach
    void start() throws IOException {
        http = DashboardHttp.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), store, ingester, "tweet-counts", state::get);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void servesThePageBundledAtBuildTime() throws Exception {
        HttpResponse<String> page = get("/");
        HttpResponse<String> script = get("/app.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"app.js\"", "href=\"app.css\"");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/app.css").statusCode()).isEqualTo(200);
    }

    @Test
    void answersCountsSinceTheGivenTime() throws Exception {
        ingester.accept("{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"*\",\"count\":9,\"lag_ms\":900}");
        ingester.accept("{\"window_start\":\"2026-11-25T10:00:02Z\",\"keyword\":\"*\",\"count\":12,\"lag_ms\":800}");

        HttpResponse<String> all = get("/api/counts");
        HttpResponse<String> recent = get("/api/counts?since=1795600802000");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(all.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(MAPPER.readTree(all.body()).at("/series/0/points").size()).isEqualTo(2);
        JsonNode json = MAPPER.readTree(recent.body());
        assertThat(json.at("/series/0/points").toString()).isEqualTo("[[1795600802000,12,1,0]]");
        assertThat(json.at("/latest/lag_ms").asLong()).isEqualTo(800);
    }

    @Test
    void answersAProvisionalCountThenTheFinalOneThenTheLateTweets() throws Exception {
        String key = "2026-11-25T10:00:01.000Z";
        String second = "\"window_start\":\"" + key + "\",\"window_end\":\"2026-11-25T10:00:02.000Z\"";
        String lateKey = key + " late 2026-11-25T10:01:10.250Z";
        String late = "{" + second + ",\"status\":\"late\",\"late\":2,\"late_keywords\":{\"kafka\":1},\"lag_ms\":68250}";

        ingester.accept(key, "{" + second + ",\"status\":\"provisional\",\"total\":20,\"keywords\":{\"kafka\":10},\"lag_ms\":-120}");
        ingester.accept(key, "{" + second + ",\"status\":\"provisional\",\"total\":23,\"keywords\":{\"kafka\":12},\"lag_ms\":130}");
        JsonNode provisional = MAPPER.readTree(get("/api/counts").body());
        ingester.accept(key, "{" + second + ",\"status\":\"final\",\"total\":24,\"keywords\":{\"kafka\":13},\"lag_ms\":15230}");
        ingester.accept(key, "{" + second + ",\"status\":\"provisional\",\"total\":23,\"keywords\":{\"kafka\":12},\"lag_ms\":380}");
        ingester.accept(lateKey, late);
        ingester.accept(lateKey, late);
        JsonNode corrected = MAPPER.readTree(get("/api/counts").body());

        assertThat(provisional.at("/series/0/points").toString()).isEqualTo("[[1795600801000,23,0,0]]");
        assertThat(provisional.get("latest")).isEqualTo(MAPPER.readTree("""
                {"window_start_ms": 1795600801000, "count": 23, "late": 0, "final": false,
                 "provisional_lag_ms": 130, "final_lag_ms": null, "lag_ms": 130}"""));
        assertThat(corrected.at("/series/0/points").toString()).isEqualTo("[[1795600801000,26,1,2]]");
        assertThat(corrected.at("/series/1/points").toString()).isEqualTo("[[1795600801000,14,1,1]]");
        assertThat(corrected.get("latest")).isEqualTo(MAPPER.readTree("""
                {"window_start_ms": 1795600801000, "count": 26, "late": 2, "final": true,
                 "provisional_lag_ms": 130, "final_lag_ms": 15230, "lag_ms": 68250}"""));
        JsonNode health = MAPPER.readTree(get("/health").body());
        assertThat(health.get("records_accepted").asLong()).isEqualTo(5);
        assertThat(health.get("records_outdated").asLong()).isEqualTo(1);
    }

    @Test
    void rejectsASinceThatIsNoNumber() throws Exception {
        HttpResponse<String> response = get("/api/counts?since=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("since must be a time in epoch milliseconds");
    }

    @Test
    void healthIsUpOnlyWhileTheConsumerReadsTheTopic() throws Exception {
        ingester.accept("garbage");
        HttpResponse<String> up = get("/health");
        state.set(CountsConsumer.State.WAITING_FOR_TOPIC);
        HttpResponse<String> waiting = get("/health");

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(up.body()).get("records_skipped").asLong()).isEqualTo(1);
        assertThat(waiting.statusCode()).isEqualTo(503);
        assertThat(MAPPER.readTree(waiting.body()).get("consumer").asText()).isEqualTo("WAITING_FOR_TOPIC");
    }

    @Test
    void servesNothingOutsideTheBundledPage() throws Exception {
        assertThat(get("/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/../simplelogger.properties").statusCode()).isEqualTo(404);
        assertThat(get("/%2e%2e/simplelogger.properties").statusCode()).isEqualTo(404);
        assertThat(get("/.hidden").statusCode()).isEqualTo(404);
        assertThat(get("/api/countsx").statusCode()).isEqualTo(404);
        assertThat(get("/healthz").statusCode()).isEqualTo(404);
    }

    @Test
    void acceptsOnlyGetAndHead() throws Exception {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/api/counts"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri("/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http.address().getPort() + path);
    }
}
