package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.generate.TweetMix;
import io.tweetstream.simulator.http.FilterEndpoint;
import io.tweetstream.simulator.http.RulesEndpoint;
import io.tweetstream.simulator.http.StatsEndpoint;
import io.tweetstream.simulator.http.V2StreamEndpoint;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.stream.ShutdownSignal;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.V2Controls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server (on 127.0.0.1 unless told otherwise) that imitates Twitter's v1.1 streaming API ({@code statuses/filter})
 * closely enough for Twitter4j to stream from it as from Twitter, and X's API v2 filtered stream (with its rules) and
 * sample stream, whose connections all get the same tweets, as the connections of one X app do. Point a v1.1 client at {@link #v1BaseUrl()}, a v2 client at {@link #v2BaseUrl()}.
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
    private final RuleBook rules;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final V2Controls v2Controls = new V2Controls();
    private final AtomicBoolean closed = new AtomicBoolean();

    private StreamSimulator(SimulatorSettings settings, HttpServer server, ExecutorService executor, StreamLedger ledger,
                            RuleBook rules) {
        this.settings = settings;
        this.rules = rules;
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
        RuleBook rules = new RuleBook(settings.v2MaxRules(), settings.v2MaxRuleLength(), Clock.systemUTC());
        StreamSimulator simulator = new StreamSimulator(settings, server, executor, ledger, rules);
        server.createContext(FilterEndpoint.PATH,
                new FilterEndpoint(settings, tweets, ledger, simulator.shutdown, mapper));
        server.createContext(RulesEndpoint.PATH, new RulesEndpoint(rules, settings.acceptedBearerTokens(), mapper));
        for (StreamEndpoint endpoint : List.of(StreamEndpoint.V2_FILTERED, StreamEndpoint.V2_SAMPLE)) {
            V2StreamEndpoint handler = new V2StreamEndpoint(endpoint, settings, tweets, rules, ledger,
                    simulator.v2Controls, mapper);
            executor.execute(handler.broadcast());
            server.createContext(endpoint == StreamEndpoint.V2_FILTERED
                    ? V2StreamEndpoint.FILTERED_PATH : V2StreamEndpoint.SAMPLE_PATH, handler);
        }
        server.createContext(StatsEndpoint.PATH, new StatsEndpoint(ledger, rules, mapper));
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

    /**
     * {@code http://127.0.0.1:PORT/}: the form of X's {@code https://api.x.com/}, trailing slash included; a v2
     * client appends {@code 2/tweets/search/stream}, {@code 2/tweets/search/stream/rules} or
     * {@code 2/tweets/sample/stream}.
     */
    public String v2BaseUrl() {
        return "http://127.0.0.1:" + port() + "/";
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
     * {@link SimulatorSettings#sentHistoryLimit()}); a v2 tweet once for each connection it was sent on. A status
     * is recorded just after it was written, so a client may read it a moment before it shows here: wait for it
     * with a deadline.
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

    /** The filtered-stream rules in force, oldest first. */
    public List<StreamRule> rules() {
        return rules.rules();
    }

    /** Every rule added or deleted (dry runs aside), in order. */
    public List<RuleChange> ruleChanges() {
        return rules.changes();
    }

    /**
     * Every request to open a v2 stream, oldest first (the most recent {@link SimulatorSettings#sentHistoryLimit()}),
     * with the status it got: 200 when opened. Shows a client's reconnect timing from the server's side.
     */
    public List<ConnectionAttempt> connectionAttempts() {
        return ledger.connectionAttempts();
    }

    /**
     * The next {@code count} requests to open a v2 stream (filtered or sample) are refused with {@code httpStatus}
     * and X's body for it: 401 Unauthorized, 403 Client Forbidden, 429 Too Many Requests with
     * {@code x-rate-limit-reset} = now + {@code rateLimitReset}, 500 or 503 with a problem body. Replaces an
     * earlier instruction; 0 cancels.
     */
    public void rejectNextV2Connections(int count, int httpStatus, Duration rateLimitReset) {
        if (count < 0 || httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("count must be >= 0 and httpStatus an error status (4xx, 5xx), was "
                    + count + " and " + httpStatus);
        }
        v2Controls.rejectNext(count, httpStatus, Objects.requireNonNull(rateLimitReset, "rateLimitReset"));
    }

    /**
     * Every open v2 stream gets X's operational-disconnect message and is then ended cleanly (end of the
     * chunked body). Streams opened afterwards are not affected.
     */
    public void operationalDisconnectV2Streams() {
        v2Controls.disconnectAll();
    }

    /**
     * The v2 streams open now send nothing at all, not even keep-alives, for {@code length}, keeping their
     * sockets open; then they go on (a keep-alive first). For testing a client's read timeout.
     */
    public void stallV2Streams(Duration length) {
        v2Controls.stall(Objects.requireNonNull(length, "length"));
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
        v2Controls.close();
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
