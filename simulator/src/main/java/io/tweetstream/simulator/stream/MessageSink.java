package io.tweetstream.simulator.stream;

import java.io.IOException;

/**
 * Where a stream's messages go: one JSON message per line, CRLF-terminated, each flushed at once.
 * The seam for fault injection: a sink can be wrapped to stall, cut or garble a stream.
 */
public interface MessageSink {

    /** Writes one message (a JSON object without line breaks) and its CRLF. */
    void send(String json) throws IOException;

    /** Writes a bare CRLF, Twitter's keep-alive. */
    void keepAlive() throws IOException;
}
