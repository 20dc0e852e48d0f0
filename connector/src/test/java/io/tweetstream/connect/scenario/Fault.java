package io.tweetstream.connect.scenario;

/**
 * The rows of the README's fault table, in its order: each a fault the network or the API inflicts
 * on a stream. Scenarios say which row they test with {@link Covers}; each API's suite says what the
 * connector does about it with {@link Outcome}. {@link FaultTableDocumentationTest} builds the table
 * from them.
 */
public enum Fault {
    CONNECTION_LOST("Connection dropped mid-stream, TCP reset, server closing cleanly"),
    STALL("Stalled stream (no bytes, no keep-alives)"),
    OPERATIONAL_DISCONNECT("Operational disconnect (an error message in the stream, then its end)"),
    AUTH_REFUSED("HTTP 401, 403"),
    HTTP_420("HTTP 420"),
    HTTP_429("HTTP 429"),
    TOO_MANY_CONNECTIONS("HTTP 429 TooManyConnections (the app's other connection is still open)"),
    NO_RULES("HTTP 409 (the app has no rules)"),
    SERVER_ERROR("HTTP 500, 503"),
    UNREADABLE_LINE("Truncated JSON, unknown message type"),
    INVALID_UTF8("Invalid UTF-8"),
    HUGE_LINE("A 10 MB line"),
    DEEP_NESTING("Deeply nested JSON (100,000 levels)"),
    BACK_PRESSURE("Slow broker or worker");

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    /** The row's first cell. */
    public String description() {
        return description;
    }
}
