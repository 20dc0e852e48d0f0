package io.tweetstream.simulator.http;

import io.tweetstream.simulator.stream.MessageSink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes stream messages to a chunked HTTP response body: each message and its CRLF in one write, then a
 * flush, so that each message leaves as soon as it is made (one chunk per message).
 */
final class ChunkedMessageSink implements MessageSink {

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream body;

    ChunkedMessageSink(OutputStream body) {
        this.body = body;
    }

    @Override
    public void send(String json) throws IOException {
        byte[] message = json.getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[message.length + CRLF.length];
        System.arraycopy(message, 0, line, 0, message.length);
        System.arraycopy(CRLF, 0, line, message.length, CRLF.length);
        body.write(line);
        body.flush();
    }

    @Override
    public void keepAlive() throws IOException {
        body.write(CRLF);
        body.flush();
    }
}
