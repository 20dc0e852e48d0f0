package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Instant;

/** Sends complete v2 answers: JSON bodies, and X's rate-limit headers where it sends them. */
final class V2Responses {

    private final ObjectMapper mapper;

    V2Responses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        Responses.send(exchange, status, Responses.V2_JSON, mapper.writeValueAsString(body));
    }

    /**
     * A 429 with the headers a client reads to know when to come back: {@code x-rate-limit-remaining: 0} and
     * {@code x-rate-limit-reset} = {@code reset}, whatever the window said.
     */
    void sendRateLimited(HttpExchange exchange, ObjectNode body, int limit, Instant reset) throws IOException {
        exchange.getResponseHeaders().set("x-rate-limit-limit", Integer.toString(limit));
        exchange.getResponseHeaders().set("x-rate-limit-remaining", "0");
        exchange.getResponseHeaders().set("x-rate-limit-reset", Long.toString(reset.getEpochSecond()));
        send(exchange, 429, body);
    }
}
