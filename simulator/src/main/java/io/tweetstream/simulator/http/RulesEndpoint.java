package io.tweetstream.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.StreamRule;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.v2.V2Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET} and {@code POST /2/tweets/search/stream/rules}: lists, adds and deletes the app's filtered-stream
 * rules with X's answers (201 created, 200 with duplicates or for a delete, 400 invalid rules or request,
 * 403 rule cap). An add or delete is applied whole or not at all; {@code dry_run=true} answers the same and
 * changes nothing.
 */
public final class RulesEndpoint extends ClosingHandler {

    public static final String PATH = "/2/tweets/search/stream/rules";

    private static final Logger log = LoggerFactory.getLogger(RulesEndpoint.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final Set<String> GET_PARAMETERS = Set.of("ids", "max_results", "pagination_token");
    private static final int MAX_PAGE_SIZE = 1_000;
    private static final Set<String> POST_PARAMETERS = Set.of("dry_run");

    /** X's limits on the rules endpoint per 15 minutes (x-api/fundamentals/rate-limits.mdx), per app. */
    static final int GETS_PER_WINDOW = 450;
    static final int POSTS_PER_WINDOW = 100;

    private final RuleBook rules;
    private final RateLimit gets;
    private final RateLimit posts;
    private final BearerAuth auth;
    private final V2Responses responses;
    private final ObjectMapper mapper;

    /** @param rateLimitWindow the length of the windows of the GET and POST limits */
    public RulesEndpoint(RuleBook rules, BearerTokens tokens, java.time.Duration rateLimitWindow,
                         ObjectMapper mapper) {
        this.rules = rules;
        this.gets = new RateLimit(GETS_PER_WINDOW, rateLimitWindow);
        this.posts = new RateLimit(POSTS_PER_WINDOW, rateLimitWindow);
        this.auth = new BearerAuth(tokens);
        this.responses = new V2Responses(mapper);
        this.mapper = mapper;
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            responses.send(exchange, 404, V2Problems.plain("Not Found Error", 404, "Not Found"));
            return;
        }
        if (!auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            responses.send(exchange, 401, V2Problems.unauthorized());
            return;
        }
        Map<String, String> query = RequestParameters.query(exchange);
        RateLimit limit = switch (exchange.getRequestMethod()) {
            case "GET" -> gets;
            case "POST" -> posts;
            default -> null;
        };
        if (limit != null) {
            RateLimit.Admission admission = limit.take(Instant.now());
            admission.putHeaders(exchange);
            if (!admission.allowed()) {
                log.info("Refused a rules {} from {}: {} requests in this window already",
                        exchange.getRequestMethod(), exchange.getRemoteAddress(), admission.limit());
                responses.send(exchange, 429, V2Problems.tooManyRequests());
                return;
            }
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> list(exchange, query);
            case "POST" -> change(exchange, query);
            default -> {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                responses.send(exchange, 405, V2Problems.plain("Method Not Allowed", 405, "Method Not Allowed"));
            }
        }
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (RequestParameters.refusesUnknown(exchange, query, GET_PARAMETERS, responses)) {
            return;
        }
        List<StreamRule> listed = rules.rules();
        String ids = query.get("ids");
        if (ids != null) {
            Set<String> wanted = Set.copyOf(Arrays.asList(ids.split(",")));
            listed = listed.stream().filter(rule -> wanted.contains(rule.id())).toList();
        }
        Integer pageSize = pageSize(query.get("max_results"));
        Integer offset = pageOffset(query.get("pagination_token"));
        if (pageSize == null || offset == null || offset > listed.size()) {
            responses.send(exchange, 400, V2Problems.invalidRequest(pageSize == null
                    ? "The `max_results` query parameter value [" + query.get("max_results") + "] is not between 1 and "
                            + MAX_PAGE_SIZE
                    : "The `pagination_token` query parameter value [" + query.get("pagination_token") + "] is not valid"));
            return;
        }
        List<StreamRule> page = listed.subList(offset, Math.min(listed.size(), offset + pageSize));
        ObjectNode body = mapper.createObjectNode();
        if (!page.isEmpty()) {
            ArrayNode data = body.putArray("data");
            page.forEach(rule -> data.add(ruleNode(rule)));
        }
        ObjectNode meta = body.putObject("meta").put("sent", V2Json.time(Instant.now())).put("result_count", page.size());
        if (offset + page.size() < listed.size()) {
            meta.put("next_token", pageToken(offset + page.size()));
        }
        responses.send(exchange, 200, body);
    }

    /** X pages the rules, at most 1,000 a page (the default); null for a size X refuses. */
    private static Integer pageSize(String maxResults) {
        if (maxResults == null) {
            return MAX_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(maxResults);
            return size >= 1 && size <= MAX_PAGE_SIZE ? size : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The rule a page starts at; X's tokens are opaque strings of 16 to 19 characters, these 16 hex digits. */
    private static Integer pageOffset(String token) {
        if (token == null) {
            return 0;
        }
        try {
            return token.length() == 16 ? Math.toIntExact(Long.parseLong(token, 16)) : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String pageToken(int offset) {
        return String.format("%016x", offset);
    }

    private void change(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (RequestParameters.refusesUnknown(exchange, query, POST_PARAMETERS, responses)) {
            return;
        }
        boolean dryRun = "true".equalsIgnoreCase(query.get("dry_run"));
        JsonNode request;
        try {
            request = readBody(exchange);
        } catch (JsonProcessingException e) {
            responses.send(exchange, 400, V2Problems.invalidRequest("The request body is not valid JSON: "
                    + e.getOriginalMessage()));
            return;
        }
        boolean add = request.has("add");
        boolean delete = request.has("delete");
        if (!request.isObject() || add == delete || request.size() != 1) {
            responses.send(exchange, 400, V2Problems.invalidRequest(
                    "The request body must be a JSON object with either \"add\" or \"delete\""));
            return;
        }
        if (add) {
            add(exchange, request.get("add"), dryRun);
        } else {
            delete(exchange, request.get("delete"), dryRun);
        }
    }

    private void add(HttpExchange exchange, JsonNode add, boolean dryRun) throws IOException {
        List<RuleBook.Candidate> candidates = new ArrayList<>();
        if (!add.isArray() || add.isEmpty()) {
            responses.send(exchange, 400, V2Problems.invalidRequest("\"add\" must be a non-empty array of rules"));
            return;
        }
        for (JsonNode rule : add) {
            JsonNode value = rule.path("value");
            JsonNode tag = rule.path("tag");
            if (!value.isTextual() || !(tag.isMissingNode() || tag.isNull() || tag.isTextual())) {
                responses.send(exchange, 400, V2Problems.invalidRequest(
                        "Each rule to add must be an object with a string \"value\" and an optional string \"tag\""));
                return;
            }
            candidates.add(new RuleBook.Candidate(value.asText(), tag.isTextual() ? tag.asText() : null));
        }
        RuleBook.Added added;
        try {
            added = rules.add(candidates, dryRun);
        } catch (RuleBook.InvalidRulesException e) {
            responses.send(exchange, 400, V2Problems.invalidRules(e.invalid()));
            return;
        } catch (RuleBook.CapExceededException e) {
            responses.send(exchange, 403, V2Problems.rulesCapExceeded());
            return;
        }
        log.info("{} {} rule(s), {} duplicate(s)", dryRun ? "Dry run: would add" : "Added", added.created().size(),
                added.duplicates().size());
        ObjectNode body = mapper.createObjectNode();
        if (!added.created().isEmpty()) {
            ArrayNode data = body.putArray("data");
            added.created().forEach(rule -> data.add(ruleNode(rule)));
        }
        if (!added.duplicates().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            added.duplicates().forEach(duplicate -> errors.add(V2Problems.duplicateRule(duplicate)));
        }
        body.putObject("meta").put("sent", V2Json.time(Instant.now())).putObject("summary")
                .put("created", added.created().size())
                .put("not_created", added.duplicates().size())
                .put("valid", candidates.size())
                .put("invalid", 0);
        responses.send(exchange, added.duplicates().isEmpty() ? 201 : 200, body);
    }

    private void delete(HttpExchange exchange, JsonNode delete, boolean dryRun) throws IOException {
        List<String> ids = strings(delete.path("ids"));
        List<String> values = strings(delete.path("values"));
        if (ids == null || values == null || ids.size() + values.size() == 0) {
            responses.send(exchange, 400, V2Problems.invalidRequest(
                    "\"delete\" must be an object with a non-empty array of string \"ids\" (or \"values\")"));
            return;
        }
        RuleBook.Deleted deleted = rules.delete(ids, values, dryRun);
        log.info("{} {} rule(s), {} not found", dryRun ? "Dry run: would delete" : "Deleted", deleted.deleted().size(),
                deleted.notFound().size());
        ObjectNode body = mapper.createObjectNode();
        body.putObject("meta").put("sent", V2Json.time(Instant.now())).putObject("summary")
                .put("deleted", deleted.deleted().size())
                .put("not_deleted", deleted.notFound().size());
        if (!deleted.notFound().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            deleted.notFound().forEach(missing -> errors.add(V2Problems.ruleNotFound(missing)));
        }
        responses.send(exchange, 200, body);
    }

    /** The strings of an array; empty when absent, {@code null} when not an array of strings. */
    private static List<String> strings(JsonNode array) {
        if (array.isMissingNode()) {
            return List.of();
        }
        if (!array.isArray()) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return null;
            }
            strings.add(item.asText());
        }
        return strings;
    }

    private JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
        JsonNode body = mapper.readTree(new String(bytes, StandardCharsets.UTF_8));
        return body == null ? MissingNode.getInstance() : body;
    }

    private ObjectNode ruleNode(StreamRule rule) {
        ObjectNode node = mapper.createObjectNode().put("value", rule.value());
        if (rule.tag() != null) {
            node.put("tag", rule.tag());
        }
        return node.put("id", rule.id());
    }
}
