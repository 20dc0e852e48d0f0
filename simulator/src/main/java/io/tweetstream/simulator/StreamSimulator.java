package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.generate.TweetMix;
import io.tweetstream.simulator.http.FilterEndpoint;
import io.tweetstream.simulator.http.StatsEndpoint;
import io.tweetstream.simulator.stream.ShutdownSignal;
import io.tweetstream.simulator.stream.StreamLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server (on 127.0.0.1 unless told otherwise) that imitates Twitter's v1.1 streaming API ({@code statuses/filter})
 * closely enough for Twitter4j to stream from it as from Twitter. Point a client at {@link #v1BaseUrl()}.
 *
 * <pre>{@code
 * try (StreamSimulator sim = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(100).build())) {
 *     // configure Twitter4j with streamBaseURL = sim.v1BaseUrl(), then check sim.sentTweets()
 * }
 * }</pre>
 */
public final class StreamSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamSimulator.class);
    private static final int BACKLOG = 64;
    /** How long close() lets streams end their chunked bodies cleanly before cutting the sockets. */
    private static final long GRACEFUL_CLOSE_MILLIS = 300;
    private static final long THREAD_STOP_MILLIS = 500;

    private final SimulatorSettings settings;
    private final HttpServer server;
    private final int port;
    private final ExecutorService executor;
    private final StreamLedger ledger;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final AtomicBoolean closed = new AtomicBoolean();

    private StreamSimulator(SimulatorSettings settings, HttpServer server, ExecutorService executor, StreamLedger ledger) {
        this.settings = settings;
        this.server = server;
        this.port = server.getAddress().getPort();
        this.executor = executor;
        this.ledger = ledger;
    }

    /**
     * Starts listening on {@link SimulatorSettings#bindAddress()} at {@link SimulatorSettings#port()}.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static StreamSimulator start(SimulatorSettings settings) {
        ObjectMapper mapper = new ObjectMapper();
        StreamLedger ledger = new StreamLedger(settings.sentHistoryLimit());
        TweetFactory tweets = new TweetFactory(settings.seed(),
                new TweetMix(settings.extendedRatio(), settings.retweetRatio(), settings.quoteRatio()));
        HttpServer server;
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        try {
            server = HttpServer.create(address, BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        StreamSimulator simulator = new StreamSimulator(settings, server, executor, ledger);
        server.createContext(FilterEndpoint.PATH,
                new FilterEndpoint(settings, tweets, ledger, simulator.shutdown, mapper));
        server.createContext(StatsEndpoint.PATH, new StatsEndpoint(ledger, mapper));
        server.start();
        log.info("Twitter streaming simulator listening at {} with {}", simulator.v1BaseUrl(), settings);
        return simulator;
    }

    /** The port listened on; the one chosen by the system when the settings said 0. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT/1.1/}: the form of Twitter4j's {@code streamBaseURL}, trailing slash included. */
    public String v1BaseUrl() {
        return "http://127.0.0.1:" + port() + "/1.1/";
    }

    /** {@code http://127.0.0.1:PORT/simulator/stats}. */
    public String statsUrl() {
        return "http://127.0.0.1:" + port() + StatsEndpoint.PATH;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /**
     * The statuses sent so far on all streams, in the order they were sent (the most recent
     * {@link SimulatorSettings#sentHistoryLimit()}). A status is recorded just after it was written, so a
     * client may read it a moment before it shows here: wait for it with a deadline.
     */
    public List<SentTweet> sentTweets() {
        return ledger.sentTweets();
    }

    /** The delete notices sent so far, in order. */
    public List<SentDelete> sentDeletes() {
        return ledger.sentDeletes();
    }

    /** The limit notices sent so far, in order. */
    public List<SentLimitNotice> sentLimitNotices() {
        return ledger.sentLimitNotices();
    }

    /** Every stream ever accepted, open or closed, oldest first. */
    public List<ConnectionInfo> connections() {
        return ledger.connections();
    }

    /** Streams still being written. A client that left is noticed at the next write. */
    public int openConnectionCount() {
        return ledger.openConnectionCount();
    }

    /**
     * Stops within about a second: ends every stream (clients reading see the end of the body, or a reset
     * if they were not reading) and stops listening. Safe to call more than once and from any thread.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        shutdown.trigger();
        try {
            // Streams wake on the signal at once; only one blocked writing to a client that does not read lingers.
            ledger.awaitNoOpenConnections(GRACEFUL_CLOSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Closes the listening socket and every connection, unblocking streams stuck writing to a client
        // that does not read.
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(THREAD_STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                log.warn("Some simulator threads did not stop within {} ms", THREAD_STOP_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Twitter streaming simulator on port {} closed after {} streams", port, ledger.connections().size());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "tweetstream-simulator-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
