package io.tweetstream.simulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Complete, small responses: errors, rule answers and the stats document. */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    /** What X's v2 API answers with (its bodies are UTF-8 JSON). */
    static final String V2_JSON = "application/json";

    /** Twitter's answer to a request it could not authenticate. */
    static final String NOT_AUTHENTICATED = "{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}";

    private Responses() {
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
