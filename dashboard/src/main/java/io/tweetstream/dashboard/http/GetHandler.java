package io.tweetstream.dashboard.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part every endpoint shares: only GET and HEAD, a 500 instead of a dropped connection when a
 * handler fails, no caching (the page polls for fresh numbers), and the exchange always closed.
 */
abstract class GetHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(GetHandler.class);

    /** The answer to a GET of {@code uri}. */
    abstract Response respond(URI uri);

    /** Whether this handler answers {@code path}: the server matches contexts by prefix only. */
    boolean serves(String path) {
        return true;
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Response response;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                response = Response.text(405, "Only GET and HEAD here");
            } else if (!serves(exchange.getRequestURI().getPath())) {
                response = Response.text(404, "Not found: " + exchange.getRequestURI().getPath());
            } else {
                response = respondSafely(exchange.getRequestURI());
            }
            send(exchange, response, method.equals("HEAD"));
        }
    }

    private Response respondSafely(URI uri) {
        try {
            return respond(uri);
        } catch (RuntimeException e) {
            log.warn("Failed to answer {}", uri, e);
            return Response.text(500, "Internal error: " + e);
        }
    }

    private static void send(HttpExchange exchange, Response response, boolean headOnly) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        byte[] body = response.body();
        // -1: no body; 0 would mean chunked.
        exchange.sendResponseHeaders(response.status(), headOnly || body.length == 0 ? -1 : body.length);
        if (!headOnly && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
