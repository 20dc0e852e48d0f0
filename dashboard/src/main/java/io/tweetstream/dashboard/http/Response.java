package io.tweetstream.dashboard.http;

import java.nio.charset.StandardCharsets;

/** What a handler answers: status, content type and body. */
public record Response(int status, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    static Response json(int status, byte[] body) {
        return new Response(status, JSON, body);
    }

    static Response text(int status, String message) {
        return new Response(status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
