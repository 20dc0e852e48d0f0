package io.tweetstream.dashboard.http;

import com.sun.net.httpserver.HttpServer;
import io.tweetstream.dashboard.count.CountIngester;
import io.tweetstream.dashboard.count.CountStore;
import io.tweetstream.dashboard.kafka.CountsConsumer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The JDK's HTTP server with the dashboard's three routes: the page, the counts and health. */
public final class DashboardHttp implements AutoCloseable {

    /** A browser or two polling four times a second, and a health check: a few threads are plenty. */
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private DashboardHttp(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** @throws IOException when the address cannot be bound (e.g. the port is taken) */
    public static DashboardHttp start(InetSocketAddress address, CountStore store, CountIngester ingester, String topic,
            Supplier<CountsConsumer.State> consumerState) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/", new StaticFiles(DashboardHttp.class.getClassLoader()));
        server.createContext("/api/counts", new CountsHandler(store, Clock.systemUTC()));
        server.createContext("/health", new HealthHandler(topic, consumerState, ingester, store));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "dashboard-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new DashboardHttp(server, executor);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
