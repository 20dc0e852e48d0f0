package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.filter.FilterRejectedException;
import io.tweetstream.simulator.filter.StreamFilter;
import io.tweetstream.simulator.filter.StreamFilterParser;
import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.Seeds;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.stream.ConnectionState;
import io.tweetstream.simulator.stream.EndReason;
import io.tweetstream.simulator.stream.ShutdownSignal;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.StreamSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /1.1/statuses/filter.json}: checks the OAuth header and the filter as Twitter did, then
 * holds the exchange open and streams into it until the client or the simulator ends it.
 */
public final class FilterEndpoint implements HttpHandler {

    public static final String PATH = "/1.1/statuses/filter.json";

    private static final Logger log = LoggerFactory.getLogger(FilterEndpoint.class);
    private static final long NOTICE_SEED_SALT = 0x4E071CE5L;

    private final SimulatorSettings settings;
    private final TweetFactory tweets;
    private final StreamLedger ledger;
    private final ShutdownSignal shutdown;
    private final ObjectMapper mapper;

    public FilterEndpoint(SimulatorSettings settings, TweetFactory tweets, StreamLedger ledger, ShutdownSignal shutdown,
                          ObjectMapper mapper) {
        this.settings = settings;
        this.tweets = tweets;
        this.ledger = ledger;
        this.shutdown = shutdown;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            reject(exchange, 404, Responses.TEXT, "Not found");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!"POST".equals(method) && !"GET".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "POST, GET");
            reject(exchange, 405, Responses.TEXT, "Method " + method + " not allowed");
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
        stream(exchange, filter, consumerKey.get());
    }

    private void stream(HttpExchange exchange, StreamFilter filter, String consumerKey) throws IOException {
        ConnectionState connection = ledger.open(filter, consumerKey, Instant.now());
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName("tweetstream-simulator-stream-" + connection.id());
        EndReason reason = EndReason.CLIENT_GONE;
        try {
            log.info("Stream {} opened for {}: {}", connection.id(), exchange.getRemoteAddress(), filter.describe());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            StreamSession session = new StreamSession(connection, tweets.forStream(connection.id(), filter), settings,
                    new ChunkedMessageSink(exchange.getResponseBody()), ledger, shutdown, mapper,
                    new Dice(Seeds.derive(settings.seed() ^ NOTICE_SEED_SALT, connection.id())));
            reason = session.run();
        } finally {
            closeQuietly(exchange);
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
        ledger.requestRejected();
        Responses.send(exchange, status, contentType, body);
    }

    /** Ends the chunked body; the client may already be gone, which is how most streams end. */
    private static void closeQuietly(HttpExchange exchange) {
        try {
            exchange.getResponseBody().close();
        } catch (IOException clientGone) {
            log.trace("Stream body already broken: {}", clientGone.toString());
        }
    }
}
