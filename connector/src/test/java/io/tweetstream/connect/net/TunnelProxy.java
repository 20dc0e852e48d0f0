package io.tweetstream.connect.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP proxy for tests, as an enterprise network puts in front of X: it opens {@code CONNECT}
 * tunnels (what a client does for HTTPS through a proxy) for requests that carry its Basic
 * credentials in {@code Proxy-Authorization}, answers 407 to the others, and refuses requests that
 * are not tunnels (405). It notes every tunnel's target and every refusal.
 */
public final class TunnelProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final ServerSocket listener;
    private final String expectedAuthorization;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tunnel-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TunnelProxy(ServerSocket listener, String user, String password) {
        this.listener = listener;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A proxy on a free loopback port that wants {@code user} and {@code password}. */
    public static TunnelProxy start(String user, String password) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TunnelProxy proxy = new TunnelProxy(listener, user, password);
        proxy.threads.execute(proxy::accept);
        return proxy;
    }

    /** {@code http://127.0.0.1:PORT}, the form of the connector's proxy URL. */
    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The {@code host:port} of every tunnel opened, in order. */
    public List<String> tunnels() {
        return List.copyOf(tunnels);
    }

    /** Requests answered 407 (no or wrong credentials) or 405 (not a tunnel). */
    public int refused() {
        return refused.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.get(0).split(" ");
            if (requestLine.length != 3 || !requestLine[0].equals("CONNECT")) {
                refuse(out, "405 Method Not Allowed", "");
                return;
            }
            boolean authorized = head.stream().skip(1)
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:"))
                    .anyMatch(line -> line.substring(line.indexOf(':') + 1).trim().equals(expectedAuthorization));
            if (!authorized) {
                refuse(out, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"tweetstream-test\"\r\n");
                return;
            }
            String target = requestLine[1];
            int colon = target.lastIndexOf(':');
            try (Socket server = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)))) {
                sockets.add(server);
                tunnels.add(target);
                out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                threads.execute(() -> pipe(server, client));
                pipe(client, server);
            }
        } catch (IOException e) {
            // The client or the target went away: the tunnel ends.
        }
    }

    private void refuse(OutputStream out, String status, String headers) throws IOException {
        refused.incrementAndGet();
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** The request's head, a line each, up to the empty line; empty when the client closed first. */
    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return List.of(text.substring(0, text.length() - 4).split("\r\n"));
            }
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head too long");
            }
        }
        return List.of();
    }

    /** The address clients connect to. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }
}
