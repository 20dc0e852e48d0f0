package io.tweetstream.simulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Instant;

/** The answers of Twitter's v1.1 streaming API to a connection it refuses, as a test can make it refuse one. */
final class V1Errors {

    /** v1.1's connect limit per 15 minutes, shown in {@code x-rate-limit-limit}. */
    static final int CONNECTS_PER_WINDOW = 15;
    static final String FORBIDDEN = "{\"errors\":[{\"code\":87,\"message\":\"Client is not permitted to perform this action.\"}]}";
    static final String RATE_LIMITED = "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}";
    static final String INTERNAL_ERROR = "{\"errors\":[{\"code\":131,\"message\":\"Internal error\"}]}";
    static final String OVER_CAPACITY = "{\"errors\":[{\"code\":130,\"message\":\"Over capacity\"}]}";
    static final String ENHANCE_YOUR_CALM = "Enhance Your Calm";

    private V1Errors() {
    }

    /**
     * 401, 403, 429 (with {@code x-rate-limit-*}), 500 and 503 with Twitter's JSON error bodies; 420 with its
     * plain-text "Enhance Your Calm"; any other status with a plain-text line.
     */
    static void send(HttpExchange exchange, int status, Instant rateLimitReset) throws IOException {
        switch (status) {
            case 401 -> Responses.send(exchange, status, Responses.JSON, Responses.NOT_AUTHENTICATED);
            case 403 -> Responses.send(exchange, status, Responses.JSON, FORBIDDEN);
            case 420 -> Responses.send(exchange, status, Responses.TEXT, ENHANCE_YOUR_CALM);
            case 429 -> {
                exchange.getResponseHeaders().set("x-rate-limit-limit", Integer.toString(CONNECTS_PER_WINDOW));
                exchange.getResponseHeaders().set("x-rate-limit-remaining", "0");
                exchange.getResponseHeaders().set("x-rate-limit-reset", Long.toString(rateLimitReset.getEpochSecond()));
                Responses.send(exchange, status, Responses.JSON, RATE_LIMITED);
            }
            case 500 -> Responses.send(exchange, status, Responses.JSON, INTERNAL_ERROR);
            case 503 -> Responses.send(exchange, status, Responses.JSON, OVER_CAPACITY);
            default -> Responses.send(exchange, status, Responses.TEXT, "Injected HTTP " + status);
        }
    }
}
