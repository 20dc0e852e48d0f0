package io.tweetstream.connect.v2;

import io.tweetstream.connect.cost.PostSpend;
import io.tweetstream.connect.cost.RuleVolume;
import io.tweetstream.connect.cost.UsageReport;
import io.tweetstream.connect.cost.XClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;

/**
 * The X API v2 calls the connector makes, over the JDK's HTTP client with the app's bearer token:
 * listing, adding and deleting filtered-stream rules, opening a stream, recent search, the
 * project's usage and Post counts, and the JSON calls, uploads and downloads of batch compliance
 * jobs. Each response's {@code Date} sets {@link #clock()}.
 */
public final class XApiClient {

    static final String RULES_PATH = "2/tweets/search/stream/rules";
    static final String SEARCH_PATH = "2/tweets/search/recent";
    static final String USAGE_PATH = "2/usage/tweets";
    static final String COUNTS_PATH = "2/tweets/counts/recent";
    /** The most tweets X returns in one page of recent search. */
    static final int SEARCH_PAGE_SIZE = 100;
    /** The most rules X lists in one page. */
    static final int RULES_PAGE_SIZE = 1_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A compliance job's upload may be 128 MB. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(15);
    /** A proxy's answer to a request without the credentials it wants. */
    static final int PROXY_AUTHENTICATION_REQUIRED = 407;

    private final XNetwork network;
    private final HttpClient http;
    private final String baseUrl;
    private final Password bearerToken;
    private final XClock clock = XClock.system();

    /** @param baseUrl the API's base URL, ending in '/', e.g. {@code https://api.x.com/} */
    public XApiClient(String baseUrl, Password bearerToken, Duration connectTimeout) {
        this(baseUrl, bearerToken, connectTimeout, XNetwork.DIRECT);
    }

    /** A client reaching X through {@code network} (a proxy, a truststore). */
    public XApiClient(String baseUrl, Password bearerToken, Duration connectTimeout, XNetwork network) {
        this.network = network;
        this.http = network.client(connectTimeout);
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** X's time, from the {@code Date} of its responses to this client. */
    public XClock clock() {
        return clock;
    }

    /**
     * The project's usage: the Posts read in the current cap period, the cap, and the Posts of X's
     * current UTC day. Not billed; X allows 50 requests in 15 minutes.
     */
    public UsageReport usage() throws XApiException, IOException, InterruptedException {
        String path = USAGE_PATH + "?days=1&usage.fields=cap_reset_day,daily_project_usage,project_cap,project_usage";
        HttpResponse<byte[]> response = sendForBody(request(path).GET(), "GET " + USAGE_PATH);
        return UsageReport.of(Json.MAPPER.readTree(response.body()), PostSpend.dayOf(clock.now()));
    }

    /**
     * How many Posts {@code query} matched in each hour of the last 7 days, as X counts them for recent
     * search. Not billed.
     */
    public RuleVolume countsRecent(String query) throws XApiException, IOException, InterruptedException {
        String path = COUNTS_PATH + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&granularity=hour";
        HttpResponse<byte[]> response = sendForBody(request(path).GET(), "GET " + COUNTS_PATH);
        return RuleVolume.of(query, Json.MAPPER.readTree(response.body()));
    }

    private HttpResponse<byte[]> sendForBody(HttpRequest.Builder request, String description)
            throws XApiException, IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), BodyHandlers.ofByteArray());
        clock.observe(response.headers().firstValue("date"));
        if (response.statusCode() / 100 != 2) {
            throw refused(response, description);
        }
        return response;
    }

    /**
     * A JSON request to {@code path} (e.g. {@code 2/compliance/jobs}), for the parts of the API whose
     * shapes their own package reads.
     *
     * @param method GET, POST or DELETE
     * @param body what a POST sends as JSON; null for none
     * @return the response's JSON
     * @throws XApiException when X answers with an HTTP error
     */
    public JsonNode call(String method, String path, Object body) throws XApiException, IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
        HttpRequest.Builder request = request(path).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        String description = method + " " + withoutQuery(path);
        return Json.MAPPER.readTree(sendForBody(request, description).body());
    }

    /**
     * PUTs a file as text to a URL that X handed out (a compliance job's {@code upload_url}), with the
     * bearer token, as X asks. The URL must be on this client's host, so the token never goes elsewhere.
     *
     * @param description what the request is, for errors: never the URL, which is itself a secret
     */
    public void upload(String url, Path file, String description) throws XApiException, IOException, InterruptedException {
        HttpRequest.Builder request = authorizedTo(url, description).timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofFile(file));
        sendForBody(request, description);
    }

    /**
     * Opens the body of a URL that X handed out (a compliance job's {@code download_url}), with the
     * bearer token; the caller closes it. The URL must be on this client's host.
     */
    public InputStream download(String url, String description) throws XApiException, IOException, InterruptedException {
        HttpRequest request = authorizedTo(url, description).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
        clock.observe(response.headers().firstValue("date"));
        if (response.statusCode() / 100 != 2) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(64 * 1024);
            }
            throw refused(response.statusCode(), response.headers(), body, description);
        }
        return response.body();
    }

    private HttpRequest.Builder authorizedTo(String url, String description) {
        URI target = URI.create(url);
        URI base = URI.create(baseUrl);
        if (!base.getScheme().equalsIgnoreCase(target.getScheme()) || !base.getHost().equalsIgnoreCase(target.getHost())
                || base.getPort() != target.getPort()) {
            throw new IllegalArgumentException("X handed out a URL for " + description + " on another host than "
                    + base.getScheme() + "://" + base.getAuthority() + ": the bearer token is sent only to X");
        }
        return network.request(target).header("Authorization", "Bearer " + bearerToken.value().strip());
    }

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The app's token, to tell apps apart; never log it. */
    Password bearerToken() {
        return bearerToken;
    }

    /**
     * Every rule of the app, its other users' included: X lists them in pages of at most 1,000,
     * linked by {@code meta.next_token}, and an Enterprise app may have tens of thousands.
     */
    public List<StreamRule> rules() throws XApiException, IOException, InterruptedException {
        List<StreamRule> rules = new ArrayList<>();
        String token = null;
        do {
            String path = RULES_PATH + "?max_results=" + RULES_PAGE_SIZE
                    + (token == null ? "" : "&pagination_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            ApiResponse page = send(request(path).GET(), "GET " + RULES_PATH);
            rules.addAll(page.rules());
            token = page.nextToken();
        } while (token != null);
        return rules;
    }

    /**
     * Adds rules; X creates the valid ones and reports each rule it did not create (a duplicate
     * value, say) in {@link RuleChange#problems()}. With {@code dryRun} X only checks them.
     *
     * @throws XApiException when X refuses the request as a whole, e.g. for a malformed rule
     */
    public RuleChange addRules(List<StreamRule> rules, boolean dryRun)
            throws XApiException, IOException, InterruptedException {
        return change(Map.of("add", rules), dryRun);
    }

    /** Deletes rules by id; ids X does not know come back in {@link RuleChange#problems()}. */
    public RuleChange deleteRules(List<String> ids, boolean dryRun)
            throws XApiException, IOException, InterruptedException {
        return change(Map.of("delete", Map.of("ids", ids)), dryRun);
    }

    private RuleChange change(Map<String, ?> body, boolean dryRun)
            throws XApiException, IOException, InterruptedException {
        String path = RULES_PATH + (dryRun ? "?dry_run=true" : "");
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
        ApiResponse response = send(request, "POST " + path);
        return new RuleChange(response.rules(), response.problems());
    }

    /**
     * Opens a stream and returns the response whatever its status, so that the caller can read the
     * status, the rate-limit headers and the error body itself. A stream is meant to stay open: the
     * caller watches its body for silence.
     */
    public HttpResponse<InputStream> openStream(String pathAndQuery, Duration headersTimeout)
            throws IOException, InterruptedException {
        // The timeout covers the wait for the response headers only, not the reading of the body.
        HttpRequest request = authorized(pathAndQuery).timeout(headersTimeout).GET().build();
        HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
        clock.observe(response.headers().firstValue("date"));
        return response;
    }

    /**
     * One page of recent search for {@code query}: tweets with ids above {@code sinceId} and below
     * {@code untilId}, newest first, with the fields the stream asks for.
     *
     * @param nextToken the previous page's token; null for the first page
     * @throws XApiException when X refuses the request, e.g. HTTP 400 for a query it cannot search or
     *     429 when the window's requests are used up (see {@link XApiException#rateLimit()})
     */
    public SearchPage search(String query, long sinceId, long untilId, String nextToken)
            throws XApiException, IOException, InterruptedException {
        String path = SEARCH_PATH + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&since_id=" + sinceId + "&until_id=" + untilId + "&max_results=" + SEARCH_PAGE_SIZE
                + "&" + StreamRequest.FIELDS
                + (nextToken == null ? "" : "&next_token=" + URLEncoder.encode(nextToken, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = http.send(request(path).GET().build(), BodyHandlers.ofByteArray());
        clock.observe(response.headers().firstValue("date"));
        RateLimit rateLimit = RateLimit.of(response.headers());
        if (response.statusCode() / 100 != 2) {
            throw refused(response, "GET " + SEARCH_PATH);
        }
        return SearchPage.of(Json.MAPPER.readTree(response.body()), rateLimit);
    }

    private XApiException refused(HttpResponse<byte[]> response, String description) {
        return refused(response.statusCode(), response.headers(), response.body(), description);
    }

    /** An error answer, a proxy's 407 included, as the exception that says what X (or the proxy) said. */
    private XApiException refused(int status, HttpHeaders headers, byte[] body, String description) {
        if (status == PROXY_AUTHENTICATION_REQUIRED) {
            return XApiException.proxyRefused(description, network.proxyRefusal());
        }
        return new XApiException(status, description, parse(body), RateLimit.of(headers));
    }

    /** What to do about a proxy's HTTP 407 to a stream's request: X never saw it. */
    String proxyRefusal() {
        return network.proxyRefusal();
    }

    private ApiResponse send(HttpRequest.Builder request, String description)
            throws XApiException, IOException, InterruptedException {
        return parse(sendForBody(request, description).body());
    }

    /** The error body of a refused request, or an empty one when it is not the JSON X sends. */
    static ApiResponse parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new ApiResponse(null, null, null, null, null, null);
        }
        try {
            return Json.MAPPER.readValue(body, ApiResponse.class);
        } catch (JsonProcessingException e) {
            String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
            return new ApiResponse(null, null, "Unreadable response", text.strip(), null, null);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return authorized(path).timeout(REQUEST_TIMEOUT);
    }

    private HttpRequest.Builder authorized(String path) {
        return network.request(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + bearerToken.value().strip());
    }

    /**
     * What X did with an add or delete: the rules it created (with their ids), and one problem per
     * rule it did not create or delete.
     */
    public record RuleChange(List<StreamRule> created, List<ApiProblem> problems) {}
}
