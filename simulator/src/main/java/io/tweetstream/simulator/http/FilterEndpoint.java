package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.filter.FilterRejectedException;
import io.tweetstream.simulator.filter.StreamFilter;
import io.tweetstream.simulator.filter.StreamFilterParser;
import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.Seeds;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.net.ConnectionProxy;
import io.tweetstream.simulator.net.ProxiedConnection;
import io.tweetstream.simulator.replay.Recording;
import io.tweetstream.simulator.stream.ConnectionRejections;
import io.tweetstream.simulator.stream.ConnectionState;
import io.tweetstream.simulator.stream.EndReason;
import io.tweetstream.simulator.stream.FaultInbox;
import io.tweetstream.simulator.stream.ShutdownSignal;
import io.tweetstream.simulator.stream.StreamFaults;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.StreamSession;
import io.tweetstream.simulator.stream.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code POST /1.1/statuses/filter.json}: checks an injected refusal, the OAuth header and the filter as Twitter
 * did, then takes the client's connection over and streams into it until the client, a fault or the simulator ends
 * it. Every attempt is recorded with the status it got.
 */
public final class FilterEndpoint extends ClosingHandler {

    public static final String PATH = "/1.1/statuses/filter.json";

    private static final Logger log = LoggerFactory.getLogger(FilterEndpoint.class);
    private static final long NOTICE_SEED_SALT = 0x4E071CE5L;
    private static final long DELAY_SEED_SALT = 0xDE1A7_11L;

    private final SimulatorSettings settings;
    private final TweetFactory tweets;
    private final StreamLedger ledger;
    private final ShutdownSignal shutdown;
    private final StreamFaults faults;
    private final ConnectionRejections rejections;
    private final ConnectionProxy proxy;
    private final ObjectMapper mapper;
    private final Recording replay;

    /** @param replay the recording every stream gets instead of generated statuses; {@code null} for none */
    public FilterEndpoint(SimulatorSettings settings, TweetFactory tweets, StreamLedger ledger, ShutdownSignal shutdown,
                          StreamFaults faults, ConnectionRejections rejections, ConnectionProxy proxy,
                          ObjectMapper mapper, Recording replay) {
        this.replay = replay;
        this.settings = settings;
        this.tweets = tweets;
        this.ledger = ledger;
        this.shutdown = shutdown;
        this.faults = faults;
        this.rejections = rejections;
        this.proxy = proxy;
        this.mapper = mapper;
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            ledger.requestRejected();
            Responses.send(exchange, 404, Responses.TEXT, "Not found");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!"POST".equals(method) && !"GET".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "POST, GET");
            ledger.requestRejected();
            Responses.send(exchange, 405, Responses.TEXT, "Method " + method + " not allowed");
            return;
        }
        Instant now = Instant.now();
        Optional<ConnectionRejections.Rejection> rejection = rejections.take(now);
        if (rejection.isPresent()) {
            int status = rejection.get().httpStatus();
            log.info("Refused a stream request from {} with {}, as instructed", exchange.getRemoteAddress(), status);
            attempted(now, status);
            ledger.requestRejected();
            V1Errors.send(exchange, status, rejection.get().rateLimitReset());
            return;
        }
        Optional<String> consumerKey = acceptedConsumerKey(exchange);
        if (consumerKey.isEmpty()) {
            log.info("Refused a stream request from {}: no OAuth header with an accepted consumer key",
                    exchange.getRemoteAddress());
            reject(exchange, 401, Responses.JSON, Responses.NOT_AUTHENTICATED);
            return;
        }
        StreamFilter filter;
        try {
            Map<String, String> parameters = RequestParameters.read(exchange);
            filter = StreamFilterParser.parse(parameters);
        } catch (RequestParameters.TooLargeException e) {
            reject(exchange, 413, Responses.TEXT, e.getMessage());
            return;
        } catch (FilterRejectedException e) {
            log.info("Refused a stream request from {}: {}", exchange.getRemoteAddress(), e.getMessage());
            reject(exchange, e.httpStatus(), Responses.TEXT, e.getMessage());
            return;
        }
        if (shutdown.isTriggered()) {
            reject(exchange, 503, Responses.TEXT, "The simulator is shutting down");
            return;
        }
        Optional<ProxiedConnection> client = proxy.connectionFrom(exchange.getRemoteAddress());
        if (client.isEmpty()) {
            reject(exchange, 500, Responses.TEXT, "The connection did not come through the simulator's port");
            return;
        }
        stream(client.get(), filter, consumerKey.get());
    }

    private void stream(ProxiedConnection client, StreamFilter filter, String consumerKey) {
        Instant now = Instant.now();
        ConnectionState connection = ledger.open(filter, consumerKey, now);
        attempted(now, 200);
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName("tweetstream-simulator-stream-" + connection.id());
        EndReason reason = EndReason.CLIENT_GONE;
        Wakeup wakeup = new Wakeup();
        FaultInbox inbox = faults.register(connection, wakeup::wake);
        StreamResponse response = null;
        try {
            log.info("Stream {} opened for {}: {}", connection.id(), client.clientAddress(), filter.describe());
            response = StreamResponse.start(client, "application/json");
            StreamSession session = new StreamSession(connection, inbox, wakeup, tweets.forStream(connection.id(), filter),
                    settings, response, ledger, shutdown, mapper,
                    new Dice(Seeds.derive(settings.seed() ^ NOTICE_SEED_SALT, connection.id())),
                    replay == null ? null : replay.cursor(System.nanoTime()),
                    new SplittableRandom(Seeds.derive(settings.seed() ^ DELAY_SEED_SALT, connection.id())));
            reason = session.run();
        } catch (IOException clientGone) {
            log.debug("Stream {} could not start: {}", connection.id(), clientGone.toString());
        } finally {
            faults.unregister(inbox);
            if (response != null) {
                response.finish();
            } else {
                client.close();
            }
            ledger.closed(connection, Instant.now());
            log.info("Stream {} closed ({}) after {} statuses", connection.id(), reason, connection.tweetsSent());
            thread.setName(threadName);
        }
    }

    /** The consumer key of the request if it may stream: an OAuth header is present and its key accepted. */
    private Optional<String> acceptedConsumerKey(HttpExchange exchange) {
        Optional<String> key = OAuthHeader.consumerKey(exchange.getRequestHeaders().getFirst("Authorization"));
        if (settings.acceptedConsumerKeys().isEmpty()) {
            return key;
        }
        return key.filter(settings.acceptedConsumerKeys()::contains);
    }

    private void reject(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        attempted(Instant.now(), status);
        ledger.requestRejected();
        Responses.send(exchange, status, contentType, body);
    }

    private void attempted(Instant at, int status) {
        ledger.attempted(new ConnectionAttempt(at, StreamEndpoint.V1_FILTER, status));
    }
}
