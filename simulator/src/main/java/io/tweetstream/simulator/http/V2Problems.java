package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.billing.Billing;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.v2.InvalidParametersException;

import java.util.List;
import java.util.Set;

/** The error bodies of X's v2 API, in its "problem" shapes, as the simulator answers them. */
final class V2Problems {

    static final String PROBLEMS = "https://api.twitter.com/2/problems/";
    private static final String INVALID_REQUEST_DETAIL = "One or more parameters to your request was invalid.";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private V2Problems() {
    }

    static ObjectNode unauthorized() {
        return plain("Unauthorized", 401, "Unauthorized");
    }

    static ObjectNode tooManyRequests() {
        return plain("Too Many Requests", 429, "Too Many Requests");
    }

    /** An HTTP error with nothing more specific to say: {@code about:blank} with the status's title. */
    static ObjectNode plain(String title, int status, String detail) {
        return NODES.objectNode().put("title", title).put("type", "about:blank").put("status", status)
                .put("detail", detail);
    }

    static ObjectNode clientForbidden() {
        return NODES.objectNode()
                .put("client_id", "simulator")
                .put("detail", "When authenticating requests to the Twitter API v2 endpoints, you must use keys and "
                        + "tokens from a Twitter developer App that is attached to a Project. You can create a project "
                        + "via the developer portal.")
                .put("registration_url", "https://developer.twitter.com/en/docs/projects/overview")
                .put("title", "Client Forbidden")
                .put("required_enrollment", "Appropriate Level of API Access")
                .put("reason", "client-not-enrolled")
                .put("type", PROBLEMS + "client-forbidden");
    }

    static ObjectNode tooManyConnections() {
        return NODES.objectNode()
                .put("title", "ConnectionException")
                .put("detail", "This stream is currently at the maximum allowed connection limit.")
                .put("connection_issue", "TooManyConnections")
                .put("type", PROBLEMS + "streaming-connection");
    }

    /**
     * X's answer to a filtered-stream connection while the app has no rules
     * (x-api/posts/filtered-stream/integrate/handling-disconnections.mdx, 409 Conflict).
     */
    static ObjectNode noRules() {
        return NODES.objectNode()
                .put("title", "ConnectionException")
                // The spec (openapi.json, ConnectionExceptionProblem) names the issue; the detail is the simulator's.
                .put("detail", "No rules defined. Add rules to filter the stream, then reconnect.")
                .put("connection_issue", "RuleConfigurationIssue")
                .put("type", PROBLEMS + "streaming-connection");
    }

    /**
     * X's 403 for a feature the project's access lacks (backfill, Recovery, the sample stream on pay-per-use): the
     * {@code client-forbidden} problem X sends for an endpoint or parameter outside the access level, its
     * {@code required_enrollment} naming what is missing.
     */
    static ObjectNode notEnrolled(String missing) {
        return clientForbidden().put("detail", "Your project's access does not include " + missing
                + ". It is available on Enterprise access.").put("required_enrollment", "Enterprise");
    }

    /** A request X reads but refuses, with one problem for one parameter: X's 400 {@code Invalid Request}. */
    static ObjectNode invalidParameter(String parameter, String value, String message) {
        return invalidParameters(new InvalidParametersException(List.of(
                new InvalidParametersException.Problem(parameter, List.of(value), message))));
    }

    /** X's 400 for a query parameter the endpoint does not take, naming those it does. */
    static ObjectNode unknownParameter(String name, String value, Set<String> known) {
        return invalidParameter(name, value, "The query parameter [" + name + "] is not one of "
                + known.stream().sorted().toList().toString().replace(" ", ""));
    }

    /**
     * X's 404 for an id that names nothing it has: the {@code resource-not-found} problem (openapi.json
     * {@code ResourceNotFoundProblem}), with the resource's type, the parameter and the id.
     */
    static ObjectNode resourceNotFound(String resourceType, String parameter, String id, String detail) {
        return NODES.objectNode()
                .put("title", "Not Found Error")
                .put("detail", detail)
                .put("type", PROBLEMS + "resource-not-found")
                .put("resource_type", resourceType)
                .put("parameter", parameter)
                .put("resource_id", id)
                .put("value", id);
    }

    /** A request the state of what it is about does not allow: 409 Conflict. */
    static ObjectNode conflict(String detail) {
        return plain("Conflict", 409, detail);
    }

    /** X's status for a request refused for billing: 402 when the credit is spent, 429 at the monthly cap. */
    static int statusOf(Billing.Refusal refusal) {
        return refusal == Billing.Refusal.CREDITS_DEPLETED ? 402 : 429;
    }

    /** X's body for a request refused for billing (observed answers of pay-per-use). */
    static ObjectNode billingRefusal(Billing.Refusal refusal, String accountId) {
        if (refusal == Billing.Refusal.CREDITS_DEPLETED) {
            return NODES.objectNode()
                    .put("title", "CreditsDepleted")
                    .put("detail", "Your enrolled account [" + accountId
                            + "] does not have any credits to fulfill this request.")
                    .put("type", PROBLEMS + "credits");
        }
        return NODES.objectNode()
                .put("title", "UsageCapExceeded")
                .put("detail", "Usage cap exceeded: Monthly product cap")
                .put("type", PROBLEMS + "usage-capped")
                .put("period", "Monthly")
                .put("scope", "Product");
    }

    static ObjectNode rulesCapExceeded() {
        return NODES.objectNode()
                .put("title", "RulesCapExceeded")
                .put("detail", "Rule creation failed. You have reached the maximum number of rules allowed")
                .put("type", PROBLEMS + "rule-cap");
    }

    /** A request X cannot read at all: malformed JSON, a body of the wrong shape. */
    static ObjectNode invalidRequest(String detail) {
        ObjectNode body = NODES.objectNode();
        body.putArray("errors").addObject().put("message", detail);
        return body.put("title", "Invalid Request").put("detail", detail).put("type", PROBLEMS + "invalid-request");
    }

    static ObjectNode invalidParameters(InvalidParametersException e) {
        ObjectNode body = NODES.objectNode();
        ArrayNode errors = body.putArray("errors");
        for (InvalidParametersException.Problem problem : e.problems()) {
            ObjectNode error = errors.addObject();
            ArrayNode values = error.putObject("parameters").putArray(problem.parameter());
            problem.values().forEach(values::add);
            error.put("message", problem.message());
        }
        return withInvalidRequest(body);
    }

    static ObjectNode invalidRules(List<RuleBook.Invalid> invalid) {
        ObjectNode body = NODES.objectNode();
        ArrayNode errors = body.putArray("errors");
        for (RuleBook.Invalid rule : invalid) {
            ObjectNode error = errors.addObject();
            error.put("value", rule.value());
            error.putArray("details").add(rule.detail());
            error.put("title", "UnprocessableEntity");
            error.put("type", PROBLEMS + "invalid-rules");
        }
        return withInvalidRequest(body);
    }

    static ObjectNode duplicateRule(RuleBook.Duplicate duplicate) {
        return NODES.objectNode()
                .put("value", duplicate.value())
                .put("id", duplicate.existingId())
                .put("title", "DuplicateRule")
                .put("type", PROBLEMS + "duplicate-rules");
    }

    static ObjectNode ruleNotFound(String idOrValue) {
        ObjectNode error = NODES.objectNode().put("value", idOrValue);
        error.putArray("details").add("Rule does not exist");
        return error.put("title", "Not Found Error").put("detail", "Could not find rule with id or value: [" + idOrValue + "].")
                .put("type", PROBLEMS + "resource-not-found");
    }

    private static ObjectNode withInvalidRequest(ObjectNode body) {
        return body.put("title", "Invalid Request").put("detail", INVALID_REQUEST_DETAIL)
                .put("type", PROBLEMS + "invalid-request");
    }
}
