package io.tweetstream.simulator.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One client connection and its forwarded twin to the internal HttpServer. Bytes are copied both ways until a
 * stream endpoint {@linkplain #takeOver() takes the client's socket over}: from then on only that endpoint writes to
 * the client, and it can end the connection in ways HttpServer cannot: cut in the middle of a chunk, or reset.
 */
public final class ProxiedConnection {

    private static final Logger log = LoggerFactory.getLogger(ProxiedConnection.class);
    private static final int BUFFER_BYTES = 16 * 1024;

    private final Socket client;
    private final Socket server;
    private final Object clientWrites = new Object();
    private boolean takenOver;
    /** The Date to put in the next answer's head; {@code null} to forward it as it is. */
    private String nextDate;

    ProxiedConnection(Socket client, Socket server) {
        this.client = client;
        this.server = server;
    }

    /** The client's address, as HttpServer would have seen it without the proxy. */
    public InetSocketAddress clientAddress() {
        return (InetSocketAddress) client.getRemoteSocketAddress();
    }

    int serverSidePort() {
        return server.getLocalPort();
    }

    /**
     * From now on the caller alone writes to the client; what HttpServer writes is no longer forwarded, and what the
     * client sends is read and dropped (so that closing sends a FIN, not a reset for unread data). Call only before
     * HttpServer has answered the request, so that nothing of an answer is in flight.
     */
    public OutputStream takeOver() throws IOException {
        synchronized (clientWrites) {
            takenOver = true;
        }
        // Streams were written with Nagle's algorithm on, as HttpServer leaves it; they keep it.
        client.setTcpNoDelay(false);
        return client.getOutputStream();
    }

    /**
     * The next answer HttpServer writes on this connection goes to the client with {@code date} as its {@code Date}
     * header (HttpServer writes its own clock's). Call while handling the request, before answering it: the client
     * has read the answer before (it sent this request after it), so the next bytes to forward begin this answer.
     */
    public void rewriteNextDate(String date) {
        synchronized (clientWrites) {
            nextDate = date;
        }
    }

    /** Sends a FIN after what was written, then closes both sides. */
    public void close() {
        try {
            if (!client.isClosed()) {
                client.shutdownOutput();
            }
        } catch (IOException alreadyBroken) {
            log.trace("Client connection already broken: {}", alreadyBroken.toString());
        }
        closeQuietly(client);
        closeQuietly(server);
    }

    /** Resets the client's connection: SO_LINGER 0 makes the close send an RST instead of a FIN. */
    public void reset() {
        try {
            client.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            log.trace("Cannot reset a closed connection: {}", alreadyClosed.toString());
        }
        closeQuietly(client);
        closeQuietly(server);
    }

    /** Copies the client's requests to HttpServer, until the client is done; runs on a thread of its own. */
    void forwardRequests() {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = client.getInputStream()) {
            OutputStream out = server.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!isTakenOver()) {
                    out.write(buffer, 0, read);
                }
            }
            if (!isTakenOver()) {
                server.shutdownOutput();
            }
        } catch (IOException e) {
            log.trace("Forwarding requests from {} ended: {}", client.getRemoteSocketAddress(), e.toString());
            if (!isTakenOver()) {
                close();
            }
        }
    }

    /** Copies HttpServer's answers to the client until HttpServer closes or the socket is taken over. */
    void forwardResponses() {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = server.getInputStream()) {
            OutputStream out = client.getOutputStream();
            int read;
            DateRewrite rewrite = null;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (clientWrites) {
                    if (takenOver) {
                        return;
                    }
                    if (rewrite == null && nextDate != null) {
                        rewrite = new DateRewrite(nextDate);
                        nextDate = null;
                    }
                    if (rewrite == null) {
                        out.write(buffer, 0, read);
                        continue;
                    }
                    byte[] forward = rewrite.accept(buffer, read);
                    if (forward != null) {
                        out.write(forward);
                        rewrite = null;
                    }
                }
            }
        } catch (IOException e) {
            log.trace("Forwarding responses to {} ended: {}", client.getRemoteSocketAddress(), e.toString());
        }
        if (!isTakenOver()) {
            close();
        }
    }

    private boolean isTakenOver() {
        synchronized (clientWrites) {
            return takenOver;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            log.trace("Closing a socket failed: {}", ignored.toString());
        }
    }
}
