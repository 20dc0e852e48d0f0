package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tweetstream.simulator.ComplianceStreamEvent;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.billing.BillingClock;
import io.tweetstream.simulator.net.ConnectionProxy;
import io.tweetstream.simulator.net.ProxiedConnection;
import io.tweetstream.simulator.stream.ComplianceFeed;
import io.tweetstream.simulator.stream.ComplianceSession;
import io.tweetstream.simulator.stream.ComplianceStream;
import io.tweetstream.simulator.stream.ConnectionState;
import io.tweetstream.simulator.stream.EndReason;
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

/**
 * X's compliance streams, each served by one of these: {@code GET /2/tweets/compliance/stream?partition=1..4}, the
 * Post compliance stream, and {@code GET /2/users/compliance/stream?partition=1..4}, the User compliance stream
 * (Enterprise; X's OpenAPI spec: {@code partition} required, 1 to 4; {@code backfill_minutes} at most 5;
 * {@code start_time}/{@code end_time}). Both behave alike, only their events differ ({@link ComplianceStream}). Checks,
 * in the order of the other v2 streams, the connect attempts of the window, an injected rejection, the bearer token
 * (all three in the {@link StreamGate} the v2 streams share), the tier (pay-per-use: 403 client-not-enrolled, as for
 * the volume streams), {@code partition}, {@code backfill_minutes} and {@code start_time}/{@code end_time} (X's 400
 * Invalid Request), and the connection limit per partition (429 TooManyConnections); then takes the client's
 * connection over and streams into it the events of its partition, backfill first; or, with {@code start_time}, the
 * partition's events of that period, then the end of the body. Compliance events are not Posts: nothing is billed,
 * and a spent credit does not refuse the stream. Every attempt is recorded with the status it got.
 *
 * @param <E> the events of the stream served
 */
public final class ComplianceEndpoint<E extends ComplianceStreamEvent> implements HttpHandler {

    public static final String TWEETS_PATH = "/2/tweets/compliance/stream";
    public static final String USERS_PATH = "/2/users/compliance/stream";

    private static final Logger log = LoggerFactory.getLogger(ComplianceEndpoint.class);

    private final StreamEndpoint endpoint;
    private final SimulatorSettings settings;
    private final StreamLedger ledger;
    private final V2Controls controls;
    private final StreamFaults faults;
    private final ComplianceStream<E, ?> compliance;
    private final BillingClock clock;
    private final StreamGate gate;

    /**
     * @param compliance the stream served, whose {@link ComplianceStream#endpoint()} says which
     * @param clock      the {@code Date} of the stream's head, as on the other v2 answers
     */
    public ComplianceEndpoint(SimulatorSettings settings, BearerTokens tokens, StreamLedger ledger, V2Controls controls,
                              StreamFaults faults, ConnectionProxy proxy, ObjectMapper mapper,
                              ComplianceStream<E, ?> compliance, BillingClock clock) {
        this.endpoint = compliance.endpoint();
        this.settings = settings;
        this.ledger = ledger;
        this.controls = controls;
        this.faults = faults;
        this.compliance = compliance;
        this.clock = clock;
        this.gate = new StreamGate(endpoint, pathOf(endpoint), settings, ledger, controls, proxy,
                new BearerAuth(tokens), new V2Responses(mapper), log);
    }

    /** The path the compliance stream {@code endpoint} is served at. */
    public static String pathOf(StreamEndpoint endpoint) {
        return switch (endpoint) {
            case V2_TWEET_COMPLIANCE -> TWEETS_PATH;
            case V2_USER_COMPLIANCE -> USERS_PATH;
            default -> throw new IllegalArgumentException(endpoint + " is not a compliance stream");
        };
    }

    /** What X's 403 names: {@code the Post compliance stream} or {@code the User compliance stream}. */
    private static String nameOf(StreamEndpoint endpoint) {
        return endpoint == StreamEndpoint.V2_USER_COMPLIANCE ? "the User compliance stream"
                : "the Post compliance stream";
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
        StreamGate.Admitted request = gate.admit(exchange);
        if (request == null) {
            return;
        }
        Instant now = request.now();
        if (!settings.enterpriseFeatures()) {
            log.info("Refused a {} stream request from {}: the compliance stream needs Enterprise access",
                    endpoint.label(), exchange.getRemoteAddress());
            gate.reject(exchange, 403, V2Problems.notEnrolled(nameOf(endpoint)));
            return;
        }
        Map<String, String> query = RequestParameters.query(exchange);
        int partition;
        int backfillMinutes;
        Optional<RecoveryWindow> recovery;
        try {
            partition = PartitionParameter.parse(query, endpoint.partitions());
            backfillMinutes = BackfillMinutes.parse(query);
            recovery = RecoveryWindow.parse(query, now);
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
            log.info("Refused a {} stream request from {}: {} connection(s) open already on partition {}",
                    endpoint.label(), exchange.getRemoteAddress(), slots, partition);
            gate.tooManyConnections(exchange, request);
            return;
        }
        gate.attempted(now, 200);
        stream(client.get(), connection.get(), backfillMinutes, recovery.orElse(null), request.admission());
    }

    private void stream(ProxiedConnection client, ConnectionState connection, int backfillMinutes,
                        RecoveryWindow recovery, RateLimit.Admission admission) {
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName("tweetstream-simulator-" + endpoint.label() + "-" + connection.id());
        EndReason reason = EndReason.CLIENT_GONE;
        ComplianceFeed<E> feed = recovery != null ? compliance.recover(connection, recovery.start(), recovery.end())
                : compliance.join(connection, backfillMinutes);
        FaultInbox inbox = faults.register(connection, feed::wake);
        StreamResponse response = null;
        try {
            log.info("Stream {} opened on {} partition {} for {}{}", connection.id(), endpoint.label(),
                    connection.partition(), client.clientAddress(), recovery != null
                            ? " (Recovery from " + recovery.start() + " to " + recovery.end() + ")"
                            : backfillMinutes > 0 ? " with " + backfillMinutes + " minute(s) of backfill" : "");
            response = StreamResponse.start(client, Responses.V2_JSON, admission.headLines(), clock.now());
            reason = new ComplianceSession<>(feed, inbox, settings, response, ledger, controls, compliance).run();
        } catch (IOException clientGone) {
            log.debug("Stream {} could not start: {}", connection.id(), clientGone.toString());
        } finally {
            faults.unregister(inbox);
            compliance.leave(feed);
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
