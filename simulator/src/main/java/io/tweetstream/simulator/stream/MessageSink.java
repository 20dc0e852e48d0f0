package io.tweetstream.simulator.stream;

import java.io.IOException;

/**
 * Where a stream's messages go: one JSON message per line, CRLF-terminated, each flushed at once; and the ways a
 * stream can end or go wrong on purpose, down to the bytes on the wire.
 */
public interface MessageSink {

    /** Writes one message (a JSON object without line breaks) and its CRLF. */
    void send(String json) throws IOException;

    /** Writes a bare CRLF, Twitter's keep-alive. */
    void keepAlive() throws IOException;

    /** Writes {@code line} as it is, whatever its bytes, and a CRLF: a bad line injected on purpose. */
    void sendRaw(byte[] line) throws IOException;

    /** Ends the body properly (its last, empty chunk) and closes the connection. */
    void end() throws IOException;

    /**
     * Starts the chunk of {@code message} (a whole line, or a keep-alive when {@code null}) but closes the
     * connection halfway through it: the client gets an unexpected end of the body in the middle of a chunk.
     */
    void cut(String message) throws IOException;

    /** Resets the connection: the client gets an RST (connection reset by peer). */
    void reset();
}
