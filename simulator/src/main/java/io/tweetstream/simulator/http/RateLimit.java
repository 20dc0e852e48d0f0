package io.tweetstream.simulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.time.Duration;
import java.time.Instant;

/**
 * One of X's per-window request limits (x-api/fundamentals/rate-limits.mdx): a window starts at the first request
 * after the last one ended and lasts {@code window}; each request counts, whatever its answer; beyond {@code limit}
 * requests the answer is 429 until the window ends. Every answer carries {@code x-rate-limit-limit},
 * {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} (the window's end, epoch seconds). A limit of 0 means
 * unlimited (Enterprise's "by contract"): the headers then show {@link #UNLIMITED} and never run out. Thread-safe.
 */
final class RateLimit {

    /** What the headers of an unlimited counter show. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    private final int limit;
    private final Duration window;
    private Instant windowEnd = Instant.MIN;
    private int used;

    /** What one request got: whether it may go on, and the headers to send with its answer. */
    record Admission(boolean allowed, int limit, int remaining, Instant reset) {

        void putHeaders(HttpExchange exchange) {
            exchange.getResponseHeaders().set("x-rate-limit-limit", Integer.toString(limit));
            exchange.getResponseHeaders().set("x-rate-limit-remaining", Integer.toString(remaining));
            exchange.getResponseHeaders().set("x-rate-limit-reset", Long.toString(reset.getEpochSecond()));
        }

        /** The same headers as lines of a response head written by hand. */
        String headLines() {
            return "x-rate-limit-limit: " + limit + "\r\nx-rate-limit-remaining: " + remaining
                    + "\r\nx-rate-limit-reset: " + reset.getEpochSecond() + "\r\n";
        }
    }

    /** @param limit requests per window; 0 = unlimited */
    RateLimit(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Counts a request made at {@code now}. */
    synchronized Admission take(Instant now) {
        if (!now.isBefore(windowEnd)) {
            windowEnd = now.plus(window);
            used = 0;
        }
        used++;
        if (limit == 0) {
            return new Admission(true, UNLIMITED, UNLIMITED, windowEnd);
        }
        return new Admission(used <= limit, limit, Math.max(0, limit - used), windowEnd);
    }
}
