package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.billing.BillingClock;
import io.tweetstream.simulator.net.ConnectionProxy;
import io.tweetstream.simulator.net.ProxiedConnection;
import io.tweetstream.simulator.stream.ConnectionState;
import io.tweetstream.simulator.stream.EndReason;
import io.tweetstream.simulator.stream.EventFeed;
import io.tweetstream.simulator.stream.EventSession;
import io.tweetstream.simulator.stream.EventStream;
import io.tweetstream.simulator.stream.FaultInbox;
import io.tweetstream.simulator.stream.StreamFaults;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.V2Controls;
import io.tweetstream.simulator.v2.BackfillMinutes;
import io.tweetstream.simulator.v2.InvalidParametersException;
import io.tweetstream.simulator.v2.PartitionParameter;
import io.tweetstream.simulator.v2.RecoveryWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * X's streams of events that are not Posts, each served by one of these: the Post compliance stream
 * ({@code GET /2/tweets/compliance/stream?partition=1..4}), the User compliance stream
 * ({@code GET /2/users/compliance/stream?partition=1..4}), the Likes compliance stream
 * ({@code GET /2/likes/compliance/stream}, not partitioned), the Likes firehose
 * ({@code GET /2/likes/firehose/stream?partition=1..20}) and the Likes sample10
 * ({@code GET /2/likes/sample10/stream?partition=1..2}); Enterprise all (X's OpenAPI spec: {@code partition} required
 * and in range where there are partitions; {@code backfill_minutes} at most 5; {@code start_time}/{@code end_time}).
 * They behave alike, only their events ({@link EventStream}) and how a connection asks to see them ({@link Messages})
 * differ. Checks, in the order of the other v2 streams, the connect attempts of the window, an injected rejection,
 * the bearer token (all three in the {@link StreamGate} the v2 streams share), the tier (pay-per-use: 403
 * client-not-enrolled, as for the volume streams), {@code partition}, {@code backfill_minutes},
 * {@code start_time}/{@code end_time} and the stream's own parameters (X's 400 Invalid Request; a stream without
 * partitions reads no {@code partition}, and its {@link Messages} refuse one as any parameter it does not take), and
 * the connection limit per partition (429 TooManyConnections); then takes the client's connection over and streams
 * into it the events of its partition, backfill first; or, with {@code start_time}, the partition's events of that
 * period, then the end of the body. On a stream without partitions every connection is on partition 0: the whole
 * stream. These events are not Posts: nothing is billed, and a spent credit does not refuse the stream. Every attempt
 * is recorded with the status it got.
 *
 * @param <E> the events of the stream served
 */
public final class EventStreamEndpoint<E> extends ClosingHandler {

    public static final String TWEET_COMPLIANCE_PATH = "/2/tweets/compliance/stream";
    public static final String USER_COMPLIANCE_PATH = "/2/users/compliance/stream";
    public static final String LIKES_COMPLIANCE_PATH = "/2/likes/compliance/stream";
    public static final String LIKES_FIREHOSE_PATH = "/2/likes/firehose/stream";
    public static final String LIKES_SAMPLE10_PATH = "/2/likes/sample10/stream";

    private static final Logger log = LoggerFactory.getLogger(EventStreamEndpoint.class);

    /** How one connection's events are written, as its request's parameters ask. */
    @FunctionalInterface
    public interface Messages<E> {
        /**
         * @throws InvalidParametersException for a parameter of the stream's own that X would refuse, or one it does
         *                                    not take
         */
        Function<E, String> forRequest(Map<String, String> query) throws InvalidParametersException;
    }

    private final StreamEndpoint endpoint;
    private final SimulatorSettings settings;
    private final StreamLedger ledger;
    private final V2Controls controls;
    private final StreamFaults faults;
    private final EventStream<E, ?> events;
    private final Messages<E> messages;
    private final BillingClock clock;
    private final StreamGate gate;

    /**
     * @param endpoint the stream served, one of those {@code events} carries
     * @param clock    the {@code Date} of the stream's head, as on the other v2 answers
     */
    public EventStreamEndpoint(StreamEndpoint endpoint, SimulatorSettings settings, BearerTokens tokens,
                               StreamLedger ledger, V2Controls controls, StreamFaults faults, ConnectionProxy proxy,
                               ObjectMapper mapper, EventStream<E, ?> events, Messages<E> messages,
                               BillingClock clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.ledger = ledger;
        this.controls = controls;
        this.faults = faults;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.gate = new StreamGate(endpoint, pathOf(endpoint), settings, ledger, controls, proxy,
                new BearerAuth(tokens), new V2Responses(mapper), log);
    }

    /** The path the event stream {@code endpoint} is served at. */
    public static String pathOf(StreamEndpoint endpoint) {
        return switch (endpoint) {
            case V2_TWEET_COMPLIANCE -> TWEET_COMPLIANCE_PATH;
            case V2_USER_COMPLIANCE -> USER_COMPLIANCE_PATH;
            case V2_LIKES_COMPLIANCE -> LIKES_COMPLIANCE_PATH;
            case V2_LIKES_FIREHOSE -> LIKES_FIREHOSE_PATH;
            case V2_LIKES_SAMPLE10 -> LIKES_SAMPLE10_PATH;
            default -> throw new IllegalArgumentException(endpoint + " is not a stream of events other than Posts");
        };
    }

    /** What X's 403 names: {@code the Post compliance stream}, {@code the likes firehose stream}, ... */
    private static String nameOf(StreamEndpoint endpoint) {
        return switch (endpoint) {
            case V2_USER_COMPLIANCE -> "the User compliance stream";
            case V2_LIKES_COMPLIANCE -> "the likes compliance stream";
            case V2_LIKES_FIREHOSE -> "the likes firehose stream";
            case V2_LIKES_SAMPLE10 -> "the likes sample10 stream";
            default -> "the Post compliance stream";
        };
    }

    /** {@code " on partition N"} for the logs; nothing on a stream without partitions (partition 0). */
    private static String onPartition(int partition) {
        return partition > 0 ? " on partition " + partition : "";
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        StreamGate.Admitted request = gate.admit(exchange);
        if (request == null) {
            return;
        }
        Instant now = request.now();
        if (!settings.enterpriseFeatures()) {
            log.info("Refused a {} stream request from {}: {} needs Enterprise access", endpoint.label(),
                    exchange.getRemoteAddress(), nameOf(endpoint));
            gate.reject(exchange, 403, V2Problems.notEnrolled(nameOf(endpoint)));
            return;
        }
        Map<String, String> query = RequestParameters.query(exchange);
        int partition;
        int backfillMinutes;
        Optional<RecoveryWindow> recovery;
        Function<E, String> lines;
        try {
            partition = endpoint.partitioned() ? PartitionParameter.parse(query, endpoint.partitions()) : 0;
            backfillMinutes = BackfillMinutes.parse(query);
            recovery = RecoveryWindow.parse(query, now);
            lines = messages.forRequest(query);
        } catch (InvalidParametersException e) {
            gate.reject(exchange, 400, V2Problems.invalidParameters(e));
            return;
        }
        Optional<ProxiedConnection> client = gate.client(exchange);
        if (client.isEmpty()) {
            return;
        }
        int slots = recovery.isPresent() ? V2StreamEndpoint.MAX_RECOVERY_STREAMS : settings.v2MaxConnections();
        Optional<ConnectionState> connection = ledger.openV2(endpoint, now, slots, recovery.isPresent(), partition);
        if (connection.isEmpty()) {
            log.info("Refused a {} stream request from {}: {} connection(s) open already{}", endpoint.label(),
                    exchange.getRemoteAddress(), slots, onPartition(partition));
            gate.tooManyConnections(exchange, request);
            return;
        }
        gate.attempted(now, 200);
        stream(client.get(), connection.get(), backfillMinutes, recovery.orElse(null), lines, request.admission());
    }

    private void stream(ProxiedConnection client, ConnectionState connection, int backfillMinutes,
                        RecoveryWindow recovery, Function<E, String> lines, RateLimit.Admission admission) {
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName("tweetstream-simulator-" + endpoint.label() + "-" + connection.id());
        EndReason reason = EndReason.CLIENT_GONE;
        EventFeed<E> feed = recovery != null ? events.recover(connection, recovery.start(), recovery.end())
                : events.join(connection, backfillMinutes);
        FaultInbox inbox = faults.register(connection, feed::wake);
        StreamResponse response = null;
        try {
            log.info("Stream {} opened on {}{} for {}{}", connection.id(), endpoint.label(),
                    onPartition(connection.partition()), client.clientAddress(), recovery != null
                            ? " (Recovery from " + recovery.start() + " to " + recovery.end() + ")"
                            : backfillMinutes > 0 ? " with " + backfillMinutes + " minute(s) of backfill" : "");
            response = StreamResponse.start(client, Responses.V2_JSON, admission.headLines(), clock.now());
            reason = new EventSession<>(feed, inbox, settings, response, ledger, controls, events, lines).run();
        } catch (IOException clientGone) {
            log.debug("Stream {} could not start: {}", connection.id(), clientGone.toString());
        } finally {
            faults.unregister(inbox);
            events.leave(feed);
            if (response != null) {
                response.finish();
            } else {
                client.close();
            }
            ledger.closed(connection, Instant.now());
            log.info("Stream {} on {} closed ({})", connection.id(), endpoint.label(), reason);
            thread.setName(threadName);
        }
    }
}
