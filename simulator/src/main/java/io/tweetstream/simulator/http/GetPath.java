package io.tweetstream.simulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * The first check of every v2 {@code GET} endpoint, streams or not, answered as X answers it: the path (404 Not
 * Found) and the method (405, with {@code Allow: GET}). One place, so that {@link GetGate} and {@link StreamGate}
 * answer a wrong request alike.
 */
final class GetPath {

    private GetPath() {
    }

    /** Whether the request is a {@code GET} of {@code path}; answered already when not. */
    static boolean admits(HttpExchange exchange, String path, V2Responses responses) throws IOException {
        if (!path.equals(exchange.getRequestURI().getPath())) {
            responses.send(exchange, 404, V2Problems.plain("Not Found Error", 404, "Not Found"));
            return false;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            responses.send(exchange, 405, V2Problems.plain("Method Not Allowed", 405, "Method Not Allowed"));
            return false;
        }
        return true;
    }
}
