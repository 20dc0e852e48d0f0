package io.tweetstream.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;

/**
 * What a v2 {@code GET} endpoint checks before its own work, answered as X answers each: the path
 * (404), the method (405), the bearer token (401) and the endpoint's rate limit (429, with X's
 * {@code x-rate-limit-*} headers on every answer past the token).
 */
final class GetGate {

    private final String path;
    private final BearerAuth auth;
    private final RateLimit limit;
    private final V2Responses responses;

    GetGate(String path, BearerAuth auth, RateLimit limit, V2Responses responses) {
        this.path = path;
        this.auth = auth;
        this.limit = limit;
        this.responses = responses;
    }

    /** The request's {@code Authorization} when it may go on; null when it was answered already. */
    String admit(HttpExchange exchange, Instant now) throws IOException {
        if (!GetPath.admits(exchange, path, responses)) {
            return null;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!auth.accepts(authorization)) {
            responses.send(exchange, 401, V2Problems.unauthorized());
            return null;
        }
        RateLimit.Admission admission = limit.take(now);
        admission.putHeaders(exchange);
        if (!admission.allowed()) {
            responses.send(exchange, 429, V2Problems.tooManyRequests());
            return null;
        }
        return authorization;
    }
}
