package io.tweetstream.simulator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stream read over a plain socket, to check the bytes on the wire: the chunked framing, and how the connection
 * ended (a clean last chunk, a FIN in the middle of a chunk, a reset). Reads on a thread of its own.
 */
public final class RawStream implements AutoCloseable {

    /** Everything received, and the exception that ended the reading, if any (null: the server closed with a FIN). */
    public record Received(byte[] bytes, IOException failure) {

        public String head() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return text.substring(0, text.indexOf("\r\n\r\n") + 2);
        }

        /** The body's chunks, parsed. */
        public Chunks chunks() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return Chunks.parse(Arrays.copyOfRange(bytes, text.indexOf("\r\n\r\n") + 4, bytes.length));
        }
    }

    /**
     * A chunked body: the complete chunks' data; whether the last, empty chunk came; and the chunk cut short, if one
     * was: its announced size and the bytes that came.
     */
    public record Chunks(List<byte[]> complete, boolean lastChunk, Integer cutAnnounced, byte[] cutReceived) {

        static Chunks parse(byte[] body) {
            List<byte[]> complete = new ArrayList<>();
            int at = 0;
            while (at < body.length) {
                int lineEnd = indexOfCrlf(body, at);
                if (lineEnd < 0) {
                    return new Chunks(complete, false, -1, Arrays.copyOfRange(body, at, body.length));
                }
                int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII), 16);
                int dataStart = lineEnd + 2;
                if (size == 0) {
                    return new Chunks(complete, true, null, null);
                }
                if (dataStart + size + 2 > body.length) {
                    return new Chunks(complete, false, size, Arrays.copyOfRange(body, dataStart, body.length));
                }
                complete.add(Arrays.copyOfRange(body, dataStart, dataStart + size));
                at = dataStart + size + 2;
            }
            return new Chunks(complete, false, null, null);
        }

        private static int indexOfCrlf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }

    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private IOException failure;

    private RawStream(Socket socket) {
        this.socket = socket;
        this.reader = new Thread(this::read, "test-raw-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static RawStream open(int port, String request) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        return new RawStream(socket);
    }

    /** The bytes received so far. */
    public synchronized int size() {
        return received.size();
    }

    /** Waits until the connection ends, at most {@link StreamClient#DEADLINE}. */
    public Received awaitEnd() throws InterruptedException {
        reader.join(StreamClient.DEADLINE.toMillis());
        if (reader.isAlive()) {
            throw new AssertionError("the connection did not end within " + StreamClient.DEADLINE);
        }
        synchronized (this) {
            return new Received(received.toByteArray(), failure);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void read() {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = socket.getInputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (this) {
                    received.write(buffer, 0, read);
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        }
    }
}
