package io.tweetstream.dashboard;

import io.tweetstream.dashboard.count.CountIngester;
import io.tweetstream.dashboard.count.CountParser;
import io.tweetstream.dashboard.count.CountStore;
import io.tweetstream.dashboard.http.DashboardHttp;
import io.tweetstream.dashboard.kafka.CountsConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard: a consumer of the counts topic filling a bounded in-memory store, and an HTTP
 * server answering the page's polls from it. Run it with
 * {@code java -jar tweetstream-dashboard-<version>-all.jar --bootstrap-servers localhost:9092 --topic tweet-counts --port 8088};
 * exits with 2 on bad arguments and 1 when the address cannot be bound.
 */
public final class DashboardServer implements AutoCloseable {

    /** At most this many counts in memory: 10 minutes of seconds for about 300 keywords. */
    static final int MAX_COUNTS = 200_000;

    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
    private static final int EXIT_BAD_ARGUMENTS = 2;
    private static final int EXIT_CANNOT_START = 1;

    private final CountsConsumer consumer;
    private final DashboardHttp http;

    private DashboardServer(CountsConsumer consumer, DashboardHttp http) {
        this.consumer = consumer;
        this.http = http;
    }

    /**
     * @throws UncheckedIOException when the HTTP address cannot be bound
     * @throws IllegalArgumentException when the Kafka client rejects the bootstrap servers
     */
    public static DashboardServer start(DashboardSettings settings) {
        CountStore store = new CountStore(settings.retention(), MAX_COUNTS);
        CountIngester ingester = new CountIngester(new CountParser(), store);
        CountsConsumer consumer = CountsConsumer.create(settings.bootstrapServers(), settings.topic(), settings.retention(), ingester);
        try {
            // Listening first: a taken port stops the start before anything talks to Kafka.
            DashboardHttp http = DashboardHttp.start(new InetSocketAddress(settings.bindAddress(), settings.port()), store, ingester,
                    settings.topic(), consumer::state);
            consumer.start();
            DashboardServer server = new DashboardServer(consumer, http);
            log.info("Dashboard on {} showing topic {} of {}", server.uri(), settings.topic(), settings.bootstrapServers());
            return server;
        } catch (IOException e) {
            consumer.close();
            throw new UncheckedIOException("Cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8088/}. */
    public URI uri() {
        InetSocketAddress address = http.address();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    public CountsConsumer.State consumerState() {
        return consumer.state();
    }

    @Override
    public void close() {
        http.close();
        consumer.close();
    }

    public static void main(String[] args) throws InterruptedException {
        DashboardArguments.Parsed parsed;
        try {
            parsed = DashboardArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(DashboardArguments.USAGE);
            System.exit(EXIT_BAD_ARGUMENTS);
            return;
        }
        if (parsed.help()) {
            System.out.print(DashboardArguments.USAGE);
            return;
        }
        DashboardServer server;
        try {
            server = start(parsed.settings());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(EXIT_BAD_ARGUMENTS);
            return;
        } catch (UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "dashboard-shutdown"));
        System.out.println("Dashboard: " + server.uri() + " - stop with Ctrl-C");
        stopped.await();
    }
}
