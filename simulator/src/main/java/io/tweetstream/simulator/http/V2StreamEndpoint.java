package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.DeliveryDelay;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.billing.AppBilling;
import io.tweetstream.simulator.billing.Billing;
import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.Seeds;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.net.ConnectionProxy;
import io.tweetstream.simulator.net.ProxiedConnection;
import io.tweetstream.simulator.replay.Recording;
import io.tweetstream.simulator.rules.ActiveRule;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.stream.ConnectionFeed;
import io.tweetstream.simulator.stream.ConnectionState;
import io.tweetstream.simulator.stream.EndReason;
import io.tweetstream.simulator.stream.FaultInbox;
import io.tweetstream.simulator.stream.RecoverySession;
import io.tweetstream.simulator.stream.StreamFaults;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.TweetHistory;
import io.tweetstream.simulator.stream.V2Broadcast;
import io.tweetstream.simulator.stream.V2Controls;
import io.tweetstream.simulator.stream.V2StreamSession;
import io.tweetstream.simulator.stream.V2Tweet;
import io.tweetstream.simulator.stream.V2TweetSource;
import io.tweetstream.simulator.stream.VolumeStreams;
import io.tweetstream.simulator.v2.BackfillMinutes;
import io.tweetstream.simulator.v2.FieldSelection;
import io.tweetstream.simulator.v2.FilteredStreamTweets;
import io.tweetstream.simulator.v2.HistoricMatches;
import io.tweetstream.simulator.v2.InvalidParametersException;
import io.tweetstream.simulator.v2.MatchPlanner;
import io.tweetstream.simulator.v2.MessageWriter;
import io.tweetstream.simulator.v2.PartitionParameter;
import io.tweetstream.simulator.v2.RecoveryWindow;
import io.tweetstream.simulator.v2.ReplayedTweets;
import io.tweetstream.simulator.v2.SampleStreamTweets;
import io.tweetstream.simulator.v2.V2Payload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /2/tweets/search/stream}, {@code GET /2/tweets/sample/stream} and X's partitioned volume streams
 * {@code GET /2/tweets/firehose/stream} and {@code GET /2/tweets/sample10/stream}: checks, in X's order, the connect
 * attempts of the window (every request counts; {@code x-rate-limit-*} on every answer), an injected rejection, the
 * bearer token (these three in the {@link StreamGate} the v2 streams share), the app's credit and monthly cap (402 CreditsDepleted, 429 UsageCapExceeded), what the tier allows
 * (pay-per-use: no sample or volume streams, backfill or Recovery), the fields, expansions, the volume streams'
 * {@code partition}, {@code backfill_minutes} and Recovery's {@code start_time}/{@code end_time}, that the app has
 * rules (409 otherwise, filtered stream), and the connection limit (per partition on a volume stream); then takes the
 * client's connection over and streams into it the tweets of the endpoint's {@link V2Broadcast}, which every
 * connection open on it gets (on a volume stream, those of its partition), or, for Recovery, the history's tweets of
 * the period that match the rules in force, or are of the partition ({@link RecoverySession}), each Post billed to the
 * token's app. Every attempt is recorded with the status it got.
 */
public final class V2StreamEndpoint extends ClosingHandler {

    public static final String FILTERED_PATH = "/2/tweets/search/stream";
    public static final String SAMPLE_PATH = "/2/tweets/sample/stream";
    public static final String FIREHOSE_PATH = "/2/tweets/firehose/stream";
    public static final String SAMPLE10_PATH = "/2/tweets/sample10/stream";

    private static final Logger log = LoggerFactory.getLogger(V2StreamEndpoint.class);
    private static final long PLAN_SEED_SALT = 0x9A1E5L;
    /** X's limit on concurrent Recovery streams of an app (they do not take a live connection's slot). */
    public static final int MAX_RECOVERY_STREAMS = 2;

    private final StreamEndpoint endpoint;
    private final SimulatorSettings settings;
    private final TweetFactory tweets;
    private final RuleBook rules;
    private final StreamLedger ledger;
    private final V2Controls controls;
    private final StreamFaults faults;
    private final ObjectMapper mapper;
    private final BearerAuth auth;
    private final V2Payload payload;
    private final MatchPlanner planner;
    private final V2Broadcast broadcast;
    private final Recording replay;
    private final TweetHistory history;
    private final StreamGate gate;
    private final Billing billing;
    private final String accountId;

    /**
     * @param history where the endpoint's tweets are kept (for the filtered stream, the history search and
     *                {@code madeTweets()} read too)
     * @param replay  the recording served instead of generated tweets; {@code null} for none
     * @param accountId the X account named in the 402 of spent credits
     */
    public V2StreamEndpoint(StreamEndpoint endpoint, SimulatorSettings settings, BearerTokens tokens, TweetFactory tweets, RuleBook rules,
                            StreamLedger ledger, V2Controls controls, StreamFaults faults, ConnectionProxy proxy,
                            ObjectMapper mapper, TweetHistory history, Recording replay, Billing billing,
                            String accountId) {
        this(endpoint, settings, tokens, tweets, rules, ledger, controls, faults, proxy, mapper, history, replay, billing,
                accountId, null);
    }

    /**
     * @param shared the broadcast of X's volume streams, which the firehose and sample10 share (its history is
     *               {@code history}); {@code null} for an endpoint with a broadcast of its own
     */
    public V2StreamEndpoint(StreamEndpoint endpoint, SimulatorSettings settings, BearerTokens tokens, TweetFactory tweets, RuleBook rules,
                            StreamLedger ledger, V2Controls controls, StreamFaults faults, ConnectionProxy proxy,
                            ObjectMapper mapper, TweetHistory history, Recording replay, Billing billing,
                            String accountId, V2Broadcast shared) {
        this.billing = billing;
        this.accountId = accountId;
        this.history = history;
        this.replay = replay;
        this.endpoint = endpoint;
        this.settings = settings;
        this.tweets = tweets;
        this.rules = rules;
        this.ledger = ledger;
        this.controls = controls;
        this.faults = faults;
        this.mapper = mapper;
        this.auth = new BearerAuth(tokens);
        this.gate = new StreamGate(endpoint, pathOf(endpoint), settings, ledger, controls, proxy, auth, new V2Responses(mapper),
                log);
        this.payload = new V2Payload(tweets.users());
        this.planner = new MatchPlanner(tweets.users());
        // A recording keeps the order X delivered it in.
        this.broadcast = shared != null ? shared
                : new V2Broadcast(endpoint, settings, this::source, ledger, controls, history,
                        settings.continuousTweets() && endpoint == StreamEndpoint.V2_FILTERED,
                        replay == null ? settings.deliveryDelay() : DeliveryDelay.none());
    }

    /** The path the endpoint serves. */
    public static String pathOf(StreamEndpoint endpoint) {
        return switch (endpoint) {
            case V2_FILTERED -> FILTERED_PATH;
            case V2_SAMPLE -> SAMPLE_PATH;
            case V2_FIREHOSE -> FIREHOSE_PATH;
            case V2_SAMPLE10 -> SAMPLE10_PATH;
            case V2_FIREHOSE_EN, V2_FIREHOSE_JA, V2_FIREHOSE_KO, V2_FIREHOSE_PT -> FIREHOSE_PATH + "/lang/"
                    + endpoint.language();
            default -> throw new IllegalArgumentException(endpoint + " is not a v2 stream");
        };
    }

    /**
     * Makes the endpoint's tweets; to be run on a thread of its own for the simulator's life (once, for the broadcast
     * the volume streams share).
     */
    public Runnable broadcast() {
        return broadcast;
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        StreamGate.Admitted request = gate.admit(exchange);
        if (request == null) {
            return;
        }
        Instant now = request.now();
        AppBilling app = billing.forApp(auth.appId(request.authorization()));
        Optional<Billing.Refusal> refusal = app.refusal();
        if (refusal.isPresent()) {
            log.info("Refused a {} stream request from {}: {}", endpoint.label(), exchange.getRemoteAddress(),
                    refusal.get());
            gate.reject(exchange, V2Problems.statusOf(refusal.get()),
                    V2Problems.billingRefusal(refusal.get(), accountId));
            return;
        }
        Map<String, String> query = RequestParameters.query(exchange);
        Optional<String> lacking = lackingAccess(query);
        if (lacking.isPresent()) {
            log.info("Refused a {} stream request from {}: {} needs Enterprise access", endpoint.label(),
                    exchange.getRemoteAddress(), lacking.get());
            gate.reject(exchange, 403, V2Problems.notEnrolled(lacking.get()));
            return;
        }
        FieldSelection fields;
        int partition;
        int backfillMinutes;
        Optional<RecoveryWindow> recovery;
        try {
            fields = endpoint.partitioned() ? FieldSelection.parse(query, FieldSelection.VOLUME_STREAM_PARAMETERS)
                    : FieldSelection.parse(query);
            partition = endpoint.partitioned() ? PartitionParameter.parse(query, endpoint.partitions()) : 0;
            backfillMinutes = BackfillMinutes.parse(query);
            recovery = endpoint == StreamEndpoint.V2_FILTERED || endpoint.partitioned()
                    ? RecoveryWindow.parse(query, now) : Optional.empty();
        } catch (InvalidParametersException e) {
            gate.reject(exchange, 400, V2Problems.invalidParameters(e));
            return;
        }
        if (endpoint == StreamEndpoint.V2_FILTERED && rules.active().isEmpty()) {
            log.info("Refused a {} stream request from {}: the app has no rules", endpoint.label(),
                    exchange.getRemoteAddress());
            gate.reject(exchange, 409, V2Problems.noRules());
            return;
        }
        Optional<ProxiedConnection> client = gate.client(exchange);
        if (client.isEmpty()) {
            return;
        }
        int slots = recovery.isPresent() ? MAX_RECOVERY_STREAMS : settings.v2MaxConnections();
        Optional<ConnectionState> connection = ledger.openV2(endpoint, now, slots, recovery.isPresent(), partition);
        if (connection.isEmpty()) {
            log.info("Refused a {} {}stream request from {}: {} connection(s) open already{}", endpoint.label(),
                    recovery.isPresent() ? "Recovery " : "", exchange.getRemoteAddress(), slots,
                    partition > 0 ? " on partition " + partition : "");
            gate.tooManyConnections(exchange, request);
            return;
        }
        gate.attempted(now, 200);
        if (recovery.isPresent()) {
            recover(client.get(), connection.get(), fields, recovery.get(), request.admission(), app);
        } else {
            stream(client.get(), connection.get(), fields, backfillMinutes, request.admission(), app);
        }
    }

    /** What the request asks for that the tier lacks (pay-per-use: Enterprise's streams and parameters). */
    private Optional<String> lackingAccess(Map<String, String> query) {
        if (settings.enterpriseFeatures()) {
            return Optional.empty();
        }
        if (endpoint != StreamEndpoint.V2_FILTERED) {
            return Optional.of(switch (endpoint) {
                case V2_FIREHOSE -> "the firehose stream";
                case V2_SAMPLE10 -> "the sample10 stream";
                case V2_FIREHOSE_EN, V2_FIREHOSE_JA, V2_FIREHOSE_KO, V2_FIREHOSE_PT -> "the " + endpoint.language()
                        + " firehose stream";
                default -> "the sample stream";
            });
        }
        String backfill = query.get(BackfillMinutes.PARAMETER);
        if (backfill != null && !backfill.isEmpty() && !"0".equals(backfill)) {
            return Optional.of("backfill_minutes");
        }
        if (RecoveryWindow.requested(query)) {
            return Optional.of("Recovery (start_time and end_time)");
        }
        return Optional.empty();
    }

    /**
     * Re-streams the history's tweets created in the window that match the rules in force now, with those rules as
     * matching_rules (on a volume stream, those of the connection's partition), oldest first, then ends the body.
     */
    private void recover(ProxiedConnection client, ConnectionState connection, FieldSelection fields,
                         RecoveryWindow window, RateLimit.Admission admission, AppBilling app) {
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName("tweetstream-simulator-recovery-" + connection.id());
        EndReason reason = EndReason.CLIENT_GONE;
        FaultInbox inbox = faults.register(connection, () -> { });
        StreamResponse response = null;
        try {
            List<V2Tweet> period = endpoint.partitioned()
                    ? history.between(window.start(), window.end()).stream()
                            .filter(VolumeStreams.share(endpoint, connection.partition())).toList()
                    : withCurrentRules(history.between(window.start(), window.end()));
            log.info("Recovery stream {} opened for {}: {} tweet(s) from {} to {}", connection.id(),
                    client.clientAddress(), period.size(), window.start(), window.end());
            response = StreamResponse.start(client, Responses.V2_JSON, admission.headLines(), billing.clock().now());
            MessageWriter messages = new MessageWriter(payload, fields, endpoint == StreamEndpoint.V2_FILTERED,
                    mapper);
            reason = new RecoverySession(connection, period, inbox, messages, settings, response, ledger, controls,
                    app).run();
        } catch (IOException clientGone) {
            log.debug("Recovery stream {} could not start: {}", connection.id(), clientGone.toString());
        } finally {
            faults.unregister(inbox);
            if (response != null) {
                response.finish();
            } else {
                client.close();
            }
            ledger.closed(connection, Instant.now());
            log.info("Recovery stream {} closed ({}) after {} tweets", connection.id(), reason, connection.tweetsSent());
            thread.setName(threadName);
        }
    }

    /** The tweets that match the rules in force now, with those rules as matching_rules. */
    private List<V2Tweet> withCurrentRules(List<V2Tweet> tweets) {
        List<ActiveRule> current = rules.active();
        return tweets.stream().map(tweet -> HistoricMatches.withCurrentRules(tweet, current))
                .filter(java.util.Objects::nonNull).toList();
    }

    private void stream(ProxiedConnection client, ConnectionState connection, FieldSelection fields,
                        int backfillMinutes, RateLimit.Admission admission, AppBilling app) {
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName("tweetstream-simulator-stream-" + connection.id());
        EndReason reason = EndReason.CLIENT_GONE;
        ConnectionFeed feed = endpoint.partitioned()
                ? broadcast.join(connection, backfillMinutes, VolumeStreams.share(endpoint, connection.partition()))
                : broadcast.join(connection, backfillMinutes);
        FaultInbox inbox = faults.register(connection, feed::wake);
        StreamResponse response = null;
        try {
            log.info("Stream {} opened on {}{} for {}{}", connection.id(), endpoint.label(),
                    endpoint.partitioned() ? " partition " + connection.partition() : "", client.clientAddress(),
                    backfillMinutes > 0 ? " with " + backfillMinutes + " minute(s) of backfill" : "");
            response = StreamResponse.start(client, Responses.V2_JSON, admission.headLines(), billing.clock().now());
            MessageWriter messages = new MessageWriter(payload, fields, endpoint == StreamEndpoint.V2_FILTERED, mapper);
            V2StreamSession session = new V2StreamSession(feed, inbox, messages, settings, response, ledger, controls,
                    app);
            reason = session.run();
        } catch (IOException clientGone) {
            log.debug("Stream {} could not start: {}", connection.id(), clientGone.toString());
        } finally {
            faults.unregister(inbox);
            broadcast.leave(feed);
            if (response != null) {
                response.finish();
            } else {
                client.close();
            }
            ledger.closed(connection, Instant.now());
            log.info("Stream {} on {} closed ({}) after {} tweets, {} dropped", connection.id(), endpoint.label(),
                    reason, connection.tweetsSent(), connection.tweetsDropped());
            thread.setName(threadName);
        }
    }

    /** The source of a run of the broadcast, seeded as the lone connection {@code firstConnectionId} once was. */
    private V2TweetSource source(long firstConnectionId) {
        if (replay != null) {
            return new ReplayedTweets(replay.cursor(System.nanoTime()),
                    endpoint == StreamEndpoint.V2_FILTERED ? rules : null, ledger);
        }
        if (endpoint == StreamEndpoint.V2_SAMPLE) {
            return new SampleStreamTweets(tweets.forV2Stream(firstConnectionId));
        }
        Dice dice = new Dice(Seeds.derive(settings.seed() ^ PLAN_SEED_SALT, firstConnectionId));
        return new FilteredStreamTweets(rules, tweets.forV2Stream(firstConnectionId), planner, dice, ledger);
    }
}
