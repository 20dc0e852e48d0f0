package io.tweetstream.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * An endpoint whose every exchange is closed once it is served, however serving ended: the one place the
 * simulator's endpoints release a request (a stream handed to its own thread keeps its connection, not the
 * exchange).
 */
abstract class ClosingHandler implements HttpHandler {

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } finally {
            exchange.close();
        }
    }

    /** Answers one request. */
    abstract void serve(HttpExchange exchange) throws IOException;
}
