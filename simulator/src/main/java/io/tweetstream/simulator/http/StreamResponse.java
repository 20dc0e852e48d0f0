package io.tweetstream.simulator.http;

import io.tweetstream.simulator.net.ProxiedConnection;
import io.tweetstream.simulator.stream.MessageSink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A streaming answer written straight to the client's socket, taken over from HttpServer: the head, then one chunk
 * per message (chunk header, line, CRLF and chunk end in a single write, so each message leaves at once), and the
 * ways the stream can end: its last chunk, a cut in the middle of a chunk, or a reset. Used by one thread.
 */
final class StreamResponse implements MessageSink {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ProxiedConnection connection;
    private final OutputStream out;
    private boolean ended;

    private StreamResponse(ProxiedConnection connection, OutputStream out) {
        this.connection = connection;
        this.out = out;
    }

    /** Takes the connection over and writes a 200 head with {@code contentType}, chunked, dated now. */
    static StreamResponse start(ProxiedConnection connection, String contentType) throws IOException {
        return start(connection, contentType, "", Instant.now());
    }

    /**
     * Takes the connection over and writes a 200 head with {@code contentType}, chunked, {@code extraHeaders}
     * (each {@code name: value\r\n}) and {@code date} as its {@code Date}.
     */
    static StreamResponse start(ProxiedConnection connection, String contentType, String extraHeaders, Instant date)
            throws IOException {
        StreamResponse response = new StreamResponse(connection, connection.takeOver());
        String head = "HTTP/1.1 200 OK\r\n"
                + extraHeaders
                + "Date: " + DateHeader.format(date) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Transfer-Encoding: chunked\r\n"
                // The connection ends with the stream, so a client does not pool it.
                + "Connection: close\r\n\r\n";
        response.out.write(head.getBytes(StandardCharsets.US_ASCII));
        return response;
    }

    @Override
    public void send(String json) throws IOException {
        out.write(chunk(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void keepAlive() throws IOException {
        out.write(chunk(new byte[0]));
    }

    @Override
    public void sendRaw(byte[] line) throws IOException {
        out.write(chunk(line));
    }

    @Override
    public void end() throws IOException {
        ended = true;
        try {
            out.write(LAST_CHUNK);
        } finally {
            connection.close();
        }
    }

    @Override
    public void cut(String message) throws IOException {
        ended = true;
        byte[] line = message == null ? new byte[0] : message.getBytes(StandardCharsets.UTF_8);
        byte[] chunk = chunk(line);
        int header = chunk.length - line.length - 2 * CRLF.length;
        try {
            // The header and half of what it announces.
            out.write(chunk, 0, header + (line.length + CRLF.length) / 2);
        } finally {
            connection.close();
        }
    }

    @Override
    public void reset() {
        ended = true;
        connection.reset();
    }

    /** Ends the body if nothing else ended it (the simulator closing, say), quietly: the client may be gone. */
    void finish() {
        if (!ended) {
            try {
                end();
            } catch (IOException clientGone) {
                connection.close();
            }
        }
        connection.close();
    }

    /** {@code hex(length + 2) CRLF line CRLF CRLF}: one chunk holding the line and its CRLF. */
    private static byte[] chunk(byte[] line) {
        byte[] header = (Integer.toHexString(line.length + CRLF.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[header.length + line.length + 2 * CRLF.length];
        System.arraycopy(header, 0, chunk, 0, header.length);
        System.arraycopy(line, 0, chunk, header.length, line.length);
        int end = header.length + line.length;
        chunk[end] = '\r';
        chunk[end + 1] = '\n';
        chunk[end + 2] = '\r';
        chunk[end + 3] = '\n';
        return chunk;
    }
}
