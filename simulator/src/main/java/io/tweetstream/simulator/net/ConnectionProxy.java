package io.tweetstream.simulator.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import javax.net.ssl.SSLContext;

/**
 * The simulator's public port. Every client connection is forwarded to the internal HttpServer, which parses and
 * answers the requests; a stream endpoint then takes the client's socket over ({@link ProxiedConnection#takeOver()})
 * and writes the stream itself. That gives the simulator the TCP-level faults HttpServer does not expose (a reset, a
 * connection cut in the middle of a chunk), and keeps the proxy out of the path of streamed tweets: only requests and
 * small answers are copied.
 */
public final class ConnectionProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionProxy.class);

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final ExecutorService threads;
    /** By the local port of the proxy's connection to HttpServer: the remote port an HttpExchange shows. */
    private final Map<Integer, ProxiedConnection> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private ConnectionProxy(ServerSocket listener, InetSocketAddress server, ThreadFactory threadFactory) {
        this.listener = listener;
        this.server = server;
        this.threads = Executors.newCachedThreadPool(threadFactory);
    }

    /** Listens on {@code address} and forwards every connection to {@code server}. */
    public static ConnectionProxy start(InetSocketAddress address, int backlog, InetSocketAddress server,
                                        ThreadFactory threadFactory) throws IOException {
        return start(address, backlog, server, threadFactory, null);
    }

    /**
     * Listens on {@code address}, with TLS when {@code tls} is given (so clients speak HTTPS, and
     * HttpServer behind still plain HTTP), and forwards every connection to {@code server}.
     */
    public static ConnectionProxy start(InetSocketAddress address, int backlog, InetSocketAddress server,
                                        ThreadFactory threadFactory, SSLContext tls) throws IOException {
        ServerSocket listener = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        try {
            listener.bind(address, backlog);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        ConnectionProxy proxy = new ConnectionProxy(listener, server, threadFactory);
        proxy.threads.execute(proxy::accept);
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The connection an exchange came through, by the remote address HttpServer shows for it. */
    public Optional<ProxiedConnection> connectionFrom(InetSocketAddress serverSideRemote) {
        return Optional.ofNullable(connections.get(serverSideRemote.getPort()));
    }

    /** Stops listening and closes every connection, which unblocks any stream stuck writing to a client. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("Closing the listening socket failed: {}", e.toString());
        }
        connections.values().forEach(ProxiedConnection::close);
        threads.shutdownNow();
    }

    private void accept() {
        Thread.currentThread().setName("tweetstream-simulator-accept");
        while (!closed) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> forward(client));
            } catch (SocketException e) {
                if (!closed) {
                    log.warn("Accepting connections failed: {}", e.toString());
                }
                return;
            } catch (IOException e) {
                log.warn("Accepting a connection failed: {}", e.toString());
            }
        }
    }

    private void forward(Socket client) {
        Socket toServer = new Socket();
        ProxiedConnection connection;
        try {
            // Forwarded answers come in pieces (head, body); Nagle would hold the second back for the client's ACK.
            client.setTcpNoDelay(true);
            toServer.setTcpNoDelay(true);
            toServer.connect(server);
            connection = new ProxiedConnection(client, toServer);
        } catch (IOException e) {
            log.warn("Cannot forward a connection to the HTTP server: {}", e.toString());
            closeQuietly(client);
            closeQuietly(toServer);
            return;
        }
        int key = connection.serverSidePort();
        connections.put(key, connection);
        try {
            if (closed) {
                connection.close();
                return;
            }
            threads.execute(connection::forwardResponses);
            connection.forwardRequests();
        } catch (RejectedExecutionException closing) {
            connection.close();
        } finally {
            connections.remove(key, connection);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.trace("Closing a socket failed: {}", e.toString());
        }
    }
}
