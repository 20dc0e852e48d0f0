package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Instant;

/** Sends complete v2 answers: JSON bodies, and X's rate-limit headers where it sends them. */
final class V2Responses {

    /** X's limit on stream connection requests per 15 minutes, shown in {@code x-rate-limit-limit}. */
    static final int CONNECT_REQUESTS_PER_WINDOW = 50;

    private final ObjectMapper mapper;

    V2Responses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        Responses.send(exchange, status, Responses.V2_JSON, mapper.writeValueAsString(body));
    }

    /** A 429 with the headers a client reads to know when to come back. */
    void sendRateLimited(HttpExchange exchange, ObjectNode body, Instant reset) throws IOException {
        exchange.getResponseHeaders().set("x-rate-limit-limit", Integer.toString(CONNECT_REQUESTS_PER_WINDOW));
        exchange.getResponseHeaders().set("x-rate-limit-remaining", "0");
        exchange.getResponseHeaders().set("x-rate-limit-reset", Long.toString(reset.getEpochSecond()));
        send(exchange, 429, body);
    }
}
