package io.tweetstream.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.ComplianceJobInfo;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.v2.ComplianceJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * X's batch compliance jobs API (x-api/compliance/batch-compliance/): {@code POST /2/compliance/jobs}
 * {@code {"type":"tweets"|"users","name":..}} creates a job (409 while one of its type is active), {@code GET
 * /2/compliance/jobs?type=..[&status=..]} lists them newest first, {@code GET /2/compliance/jobs/{id}} shows one (404
 * unknown), {@code DELETE /2/compliance/jobs/{id}} cancels a {@code created} or {@code in_progress} one; its upload and
 * download URLs are served by {@link ComplianceJobFiles}. Every request needs the bearer token (401); the three of X's
 * rate-limit table ({@value #REQUESTS_PER_WINDOW} per window each) carry its headers and get 429 beyond. Not billed.
 */
public final class ComplianceJobsEndpoint extends ClosingHandler {

    public static final String PATH = "/2/compliance/jobs";
    /** X's limit of creating, listing and showing jobs, each per app and 15 minutes (x-api/fundamentals/rate-limits.mdx). */
    static final int REQUESTS_PER_WINDOW = 150;

    private static final Logger log = LoggerFactory.getLogger(ComplianceJobsEndpoint.class);
    private static final Pattern JOB_PATH = Pattern.compile(Pattern.quote(PATH) + "/([^/]+)(/upload|/download)?");
    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final List<String> TYPES = List.of(ComplianceJobInfo.TWEETS, ComplianceJobInfo.USERS);
    /** In the order of X's spec. */
    private static final List<String> STATUSES = List.of(ComplianceJobInfo.CREATED, ComplianceJobInfo.IN_PROGRESS,
            ComplianceJobInfo.FAILED, ComplianceJobInfo.COMPLETE, ComplianceJobInfo.EXPIRED);
    private static final Set<String> LIST_PARAMETERS = Set.of("type", "status", "compliance_job.fields");
    private static final Set<String> JOB_PARAMETERS = Set.of("compliance_job.fields");
    private static final Set<String> BODY_FIELDS = Set.of("type", "name", "resumable");

    private final ComplianceJobs jobs;
    private final BearerAuth auth;
    private final V2Responses responses;
    private final ComplianceJobAnswers answers;
    private final ComplianceJobFiles files;
    private final ObjectMapper mapper;
    private final RateLimit creates;
    private final RateLimit lists;
    private final RateLimit shows;

    /** @param v2Base the simulator's {@code v2BaseUrl()}, for the jobs' URLs */
    public ComplianceJobsEndpoint(SimulatorSettings settings, BearerTokens tokens, ComplianceJobs jobs,
                                  ObjectMapper mapper, URI v2Base) {
        this.jobs = jobs;
        this.auth = new BearerAuth(tokens);
        this.responses = new V2Responses(mapper);
        this.answers = new ComplianceJobAnswers(v2Base, responses);
        this.files = new ComplianceJobFiles(settings, jobs, answers, responses);
        this.mapper = mapper;
        this.creates = new RateLimit(REQUESTS_PER_WINDOW, settings.rateLimitWindow());
        this.lists = new RateLimit(REQUESTS_PER_WINDOW, settings.rateLimitWindow());
        this.shows = new RateLimit(REQUESTS_PER_WINDOW, settings.rateLimitWindow());
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher job = JOB_PATH.matcher(path);
        if (!PATH.equals(path) && !job.matches()) {
            responses.send(exchange, 404, V2Problems.plain("Not Found Error", 404, "Not Found"));
            return;
        }
        if (!auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            responses.send(exchange, 401, V2Problems.unauthorized());
            return;
        }
        String method = exchange.getRequestMethod();
        if (PATH.equals(path)) {
            switch (method) {
                case "GET" -> list(exchange);
                case "POST" -> create(exchange);
                default -> notAllowed(exchange, "GET, POST");
            }
            return;
        }
        String id = job.group(1);
        String file = job.group(2);
        if (file != null) {
            if (validId(exchange, id)) {
                files.serve(exchange, id, file.equals("/upload"));
            }
            return;
        }
        Map<String, String> query = RequestParameters.query(exchange);
        switch (method) {
            case "GET" -> {
                if (admitted(exchange, shows) && validId(exchange, id)
                        && !RequestParameters.refusesUnknown(exchange, query, JOB_PARAMETERS, responses)) {
                    show(exchange, id);
                }
            }
            case "DELETE" -> {
                if (validId(exchange, id) && !RequestParameters.refusesUnknown(exchange, query, Set.of(), responses)) {
                    cancel(exchange, id);
                }
            }
            default -> notAllowed(exchange, "GET, DELETE");
        }
    }

    /** Whether {@code id} is a job id in form; X's 400 when not. */
    private boolean validId(HttpExchange exchange, String id) throws IOException {
        if (ID.matcher(id).matches()) {
            return true;
        }
        responses.send(exchange, 400, V2Problems.invalidParameter("id", id, "The `id` query parameter value [" + id
                + "] does not match ^[0-9]{1,19}$"));
        return false;
    }

    private void create(HttpExchange exchange) throws IOException {
        if (!admitted(exchange, creates)
                || RequestParameters.refusesUnknown(exchange, RequestParameters.query(exchange), Set.of(), responses)) {
            return;
        }
        JsonNode request;
        try {
            request = mapper.readTree(exchange.getRequestBody().readNBytes(MAX_BODY_BYTES));
        } catch (JsonProcessingException e) {
            responses.send(exchange, 400, V2Problems.invalidRequest("The request body is not valid JSON: "
                    + e.getOriginalMessage()));
            return;
        }
        String problem = problemOf(request);
        if (problem != null) {
            responses.send(exchange, 400, V2Problems.invalidRequest(problem));
            return;
        }
        String type = request.get("type").asText();
        String name = request.path("name").isTextual() ? request.get("name").asText() : null;
        try {
            ComplianceJobs.View created = jobs.create(type, name, Instant.now());
            log.info("Compliance job {} ({}) created", created.info().id(), type);
            answers.sendJob(exchange, created);
        } catch (ComplianceJobs.RefusedException e) {
            log.info("Refused a {} compliance job: {}", type, e.reason());
            answers.sendRefusal(exchange, e, null);
        }
    }

    /** What is wrong with a job's creation request; {@code null} when nothing is. */
    private static String problemOf(JsonNode request) {
        if (request == null || !request.isObject()) {
            return "The request body must be a JSON object with a \"type\" (tweets or users) and an optional \"name\"";
        }
        for (Iterator<String> fields = request.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!BODY_FIELDS.contains(field)) {
                return "The request body field [" + field + "] is not one of " + list(BODY_FIELDS.stream().sorted().toList());
            }
        }
        JsonNode type = request.path("type");
        if (!type.isTextual() || !TYPES.contains(type.asText())) {
            return "The `type` field value [" + (type.isMissingNode() ? "" : type.asText()) + "] is not one of "
                    + list(TYPES);
        }
        JsonNode name = request.path("name");
        if (!name.isMissingNode() && !name.isNull() && !name.isTextual()) {
            return "The `name` field must be a string";
        }
        JsonNode resumable = request.path("resumable");
        if (!resumable.isMissingNode() && !resumable.isNull() && !resumable.isBoolean()) {
            return "The `resumable` field must be a boolean";
        }
        // X's current upload is a single PUT: "There is no resumable/chunked mode".
        return resumable.asBoolean(false) ? "Resumable uploads are not supported: upload the ids in a single PUT" : null;
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = RequestParameters.query(exchange);
        if (!admitted(exchange, lists) || RequestParameters.refusesUnknown(exchange, query, LIST_PARAMETERS, responses)) {
            return;
        }
        String type = query.get("type");
        String status = query.get("status");
        if (type == null || type.isEmpty()) {
            responses.send(exchange, 400, V2Problems.invalidParameter("type", "",
                    "The `type` query parameter can not be empty"));
            return;
        }
        if (refusesValue(exchange, "type", type, TYPES) || status != null && refusesValue(exchange, "status", status,
                STATUSES)) {
            return;
        }
        List<ComplianceJobs.View> listed = jobs.list(type, status, Instant.now());
        ObjectNode body = mapper.createObjectNode();
        if (!listed.isEmpty()) {
            ArrayNode data = body.putArray("data");
            listed.forEach(view -> data.add(answers.job(view, exchange)));
        }
        body.putObject("meta").put("result_count", listed.size());
        responses.send(exchange, 200, body);
    }

    private void show(HttpExchange exchange, String id) throws IOException {
        try {
            answers.sendJob(exchange, jobs.show(id, Instant.now()));
        } catch (ComplianceJobs.RefusedException e) {
            answers.sendRefusal(exchange, e, id);
        }
    }

    private void cancel(HttpExchange exchange, String id) throws IOException {
        try {
            ComplianceJobs.View cancelled = jobs.cancel(id, Instant.now());
            log.info("Compliance job {} cancelled", id);
            ObjectNode body = mapper.createObjectNode();
            body.putObject("data").put("id", id).put("status", cancelled.info().status());
            responses.send(exchange, 200, body);
        } catch (ComplianceJobs.RefusedException e) {
            answers.sendRefusal(exchange, e, id);
        }
    }

    /** X's 400 for a value not among those a parameter takes. @return whether it answered */
    private boolean refusesValue(HttpExchange exchange, String parameter, String value, List<String> allowed)
            throws IOException {
        if (allowed.contains(value)) {
            return false;
        }
        responses.send(exchange, 400, V2Problems.invalidParameter(parameter, value, "The `" + parameter
                + "` query parameter value [" + value + "] is not one of " + list(allowed)));
        return true;
    }

    /** Counts the request in {@code limit}, with X's headers; answers 429 when over it. */
    private boolean admitted(HttpExchange exchange, RateLimit limit) throws IOException {
        RateLimit.Admission admission = limit.take(Instant.now());
        admission.putHeaders(exchange);
        if (!admission.allowed()) {
            responses.send(exchange, 429, V2Problems.tooManyRequests());
        }
        return admission.allowed();
    }

    private void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        responses.send(exchange, 405, V2Problems.plain("Method Not Allowed", 405, "Method Not Allowed"));
    }

    /** A list as X writes one in its messages: {@code [a,b]}. */
    private static String list(List<String> values) {
        return values.toString().replace(" ", "");
    }
}
