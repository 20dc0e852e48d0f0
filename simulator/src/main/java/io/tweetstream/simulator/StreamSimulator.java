package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.tweetstream.simulator.billing.AppIds;
import io.tweetstream.simulator.billing.Billing;
import io.tweetstream.simulator.billing.BillingClock;
import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.Seeds;
import io.tweetstream.simulator.generate.SnowflakeIds;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.generate.TweetMix;
import io.tweetstream.simulator.http.BearerTokens;
import io.tweetstream.simulator.http.ComplianceJobsEndpoint;
import io.tweetstream.simulator.http.CountsEndpoint;
import io.tweetstream.simulator.http.DateHeader;
import io.tweetstream.simulator.http.EventStreamEndpoint;
import io.tweetstream.simulator.http.FilterEndpoint;
import io.tweetstream.simulator.http.RulesEndpoint;
import io.tweetstream.simulator.http.SearchEndpoint;
import io.tweetstream.simulator.http.StatsEndpoint;
import io.tweetstream.simulator.http.UsageEndpoint;
import io.tweetstream.simulator.http.V2StreamEndpoint;
import io.tweetstream.simulator.net.ConnectionProxy;
import io.tweetstream.simulator.net.TlsContext;
import io.tweetstream.simulator.replay.Recording;
import io.tweetstream.simulator.rules.InvalidRuleException;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.rules.RuleParser;
import io.tweetstream.simulator.stream.ComplianceStream;
import io.tweetstream.simulator.stream.ConnectionRejections;
import io.tweetstream.simulator.stream.EventStream;
import io.tweetstream.simulator.stream.LikeComplianceStream;
import io.tweetstream.simulator.stream.LikesStream;
import io.tweetstream.simulator.stream.PostComplianceStream;
import io.tweetstream.simulator.stream.ShutdownSignal;
import io.tweetstream.simulator.stream.StreamFault;
import io.tweetstream.simulator.stream.StreamFaults;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.TweetHistory;
import io.tweetstream.simulator.stream.UserComplianceStream;
import io.tweetstream.simulator.stream.V2Controls;
import io.tweetstream.simulator.stream.V2Tweet;
import io.tweetstream.simulator.stream.VolumeStreams;
import io.tweetstream.simulator.v2.ComplianceJobs;
import io.tweetstream.simulator.v2.FilteredStreamTweets;
import io.tweetstream.simulator.v2.LikeComplianceMessages;
import io.tweetstream.simulator.v2.LikeMessages;
import io.tweetstream.simulator.v2.MatchPlanner;
import io.tweetstream.simulator.v2.MatchRates;
import io.tweetstream.simulator.v2.RecoveryWindow;
import io.tweetstream.simulator.v2.SampleStreamTweets;
import io.tweetstream.simulator.v2.V2Payload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A local HTTP server (on 127.0.0.1 unless told otherwise) that imitates Twitter's v1.1 streaming API ({@code statuses/filter})
 * closely enough for Twitter4j to stream from it as from Twitter, and X's API v2 filtered stream (with its rules) and
 * sample stream, whose connections all get the same tweets, as the connections of one X app do, and its Enterprise
 * partitioned volume streams (firehose in 20 partitions, sample10 in 2), Post compliance stream (4 partitions: the
 * deletes, edits and withholdings of the Posts it streamed), User compliance stream (4 partitions: the user events
 * tests make, {@link #deleteUser(long)} and friends), Likes compliance stream (not partitioned: the Likes removed that
 * tests make, {@link #unlike(long, long)}) and Likes streams (firehose in 20 partitions, sample10 in 2: Likes of the
 * firehose's Posts, and those of {@link #like(long)}), and its batch compliance jobs
 * ({@code /2/compliance/jobs}, whose results come from the same events). Point a v1.1 client at {@link #v1BaseUrl()}, a v2 client at {@link #v2BaseUrl()}.
 * Every network and API fault a client must survive can be injected, on both APIs: see {@link #openStreams(StreamEndpoint...)},
 * {@link #rejectNextV1Connections} and {@link #rejectNextV2Connections}.
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

    /** At most this many Recovery streams may be open at once, as on X; they do not take a live connection's slot. */
    public static final int MAX_RECOVERY_STREAMS = V2StreamEndpoint.MAX_RECOVERY_STREAMS;
    /** {@link #madeEarlier} reaches back at most this far. */
    public static final Duration MAX_EARLIER_SPAN = Duration.ofDays(9);
    private static final long EARLIER_SEED_SALT = 0xEA871E5L;

    private static final Set<StreamEndpoint> V2_ENDPOINTS = EnumSet.of(StreamEndpoint.V2_FILTERED, StreamEndpoint.V2_SAMPLE,
            StreamEndpoint.V2_FIREHOSE, StreamEndpoint.V2_SAMPLE10, StreamEndpoint.V2_FIREHOSE_EN,
            StreamEndpoint.V2_FIREHOSE_JA, StreamEndpoint.V2_FIREHOSE_KO, StreamEndpoint.V2_FIREHOSE_PT,
            StreamEndpoint.V2_TWEET_COMPLIANCE, StreamEndpoint.V2_USER_COMPLIANCE, StreamEndpoint.V2_LIKES_COMPLIANCE,
            StreamEndpoint.V2_LIKES_FIREHOSE, StreamEndpoint.V2_LIKES_SAMPLE10);
    /** The generator stream number of the volume streams' Posts, apart from the sample stream's (1, 2, ...). */
    private static final long VOLUME_STREAM_NUMBER = Long.MAX_VALUE;

    private final SimulatorSettings settings;
    private final HttpServer server;
    private final ConnectionProxy proxy;
    private final int port;
    private final ExecutorService executor;
    private final StreamLedger ledger;
    private final RuleBook rules;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final V2Controls v2Controls = new V2Controls();
    private final BearerTokens bearerTokens;
    private final ConnectionRejections v1Rejections = new ConnectionRejections();
    private final StreamFaults faults;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final TweetFactory tweets;
    private final TweetHistory filteredHistory;
    private final VolumeStreams volume;
    private final AtomicInteger earlierBatches = new AtomicInteger();
    private final Billing billing;
    private final MatchRates matchRates;
    private final PostComplianceStream compliance;
    private final UserComplianceStream userCompliance;
    private final LikeComplianceStream likeCompliance;
    private final LikesStream likes;
    private final ComplianceJobs complianceJobs;

    private StreamSimulator(SimulatorSettings settings, HttpServer server, ConnectionProxy proxy, ExecutorService executor,
                            StreamLedger ledger, RuleBook rules, TweetFactory tweets) {
        this.settings = settings;
        this.bearerTokens = new BearerTokens(settings.acceptedBearerTokens());
        // Each app remembers today's billed Posts as long as some history can serve them again (the filtered
        // stream's, the volume streams', the sample stream's backfill).
        this.billing = new Billing(new BillingClock(), AppIds.ofProject(settings.seed()), settings.creditPosts(),
                settings.monthlyPostCap(), settings.capResetDay(),
                (int) Math.min(Integer.MAX_VALUE,
                        Math.max(1, 2L * (2L * settings.historyLimit() + settings.v2BackfillLimit()))));
        this.matchRates = new MatchRates(rules, tweets, settings.seed(), meanTweetsPerSecond(settings));
        this.tweets = tweets;
        this.filteredHistory = new TweetHistory(settings.historyLimit(), null);
        // Recovery reaches back 24 hours; the firehose keeps no more than that, nor more than the history limit.
        this.volume = new VolumeStreams(settings,
                ignored -> new SampleStreamTweets(tweets.forV2Stream(VOLUME_STREAM_NUMBER)), ledger, v2Controls,
                RecoveryWindow.MAX_AGE, settings.deliveryDelay());
        this.rules = rules;
        this.server = server;
        this.proxy = proxy;
        this.port = proxy.port();
        this.executor = executor;
        this.ledger = ledger;
        this.faults = new StreamFaults(ledger);
        this.compliance = new PostComplianceStream(settings, ledger, v2Controls, tweets::newPostId);
        this.userCompliance = new UserComplianceStream(settings, ledger, v2Controls);
        this.likeCompliance = new LikeComplianceStream(settings, ledger, v2Controls);
        // Likes are of the firehose's Posts: a Likes connection starts that world, and once it runs Likes are made.
        this.likes = new LikesStream(settings, ledger, v2Controls, volume.history(), volume::start);
        volume.onStart(likes::start);
        ledger.onV2TweetSent(compliance::streamed);
        this.complianceJobs = new ComplianceJobs(settings, compliance::made);
    }

    /**
     * Starts listening on {@link SimulatorSettings#bindAddress()} at {@link SimulatorSettings#port()}. Requests are
     * answered by the JDK's HttpServer on a loopback port of its own, reached through a {@link ConnectionProxy} on the
     * public port; streams take their client's socket over, so that faults reach down to TCP.
     *
     * @throws UncheckedIOException     when the port cannot be bound, or the replay file cannot be read
     * @throws IllegalArgumentException when a line of the replay file is not a JSON object
     */
    public static StreamSimulator start(SimulatorSettings settings) {
        ObjectMapper mapper = new ObjectMapper();
        StreamLedger ledger = new StreamLedger(settings.sentHistoryLimit());
        TweetFactory tweets = new TweetFactory(settings.seed(),
                new TweetMix(settings.extendedRatio(), settings.retweetRatio(), settings.quoteRatio()),
                settings.payloadShapes());
        Recording recording = settings.replay() == null ? null : Recording.load(settings.replay(), mapper);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port: " + e.getMessage(), e);
        }
        ConnectionProxy proxy;
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        try {
            proxy = ConnectionProxy.start(address, BACKLOG, server.getAddress(), daemonThreads("tweetstream-simulator-net-"),
                    settings.tlsKeyStore() == null ? null : TlsContext.of(settings.tlsKeyStore(), settings.tlsKeyStorePassword()));
        } catch (IOException e) {
            server.stop(0);
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads("tweetstream-simulator-http-"));
        server.setExecutor(executor);
        RuleBook rules = new RuleBook(settings.v2MaxRules(), settings.v2MaxRuleLength(), Clock.systemUTC());
        StreamSimulator simulator = new StreamSimulator(settings, server, proxy, executor, ledger, rules, tweets);
        server.createContext(FilterEndpoint.PATH, new FilterEndpoint(settings, tweets, ledger, simulator.shutdown,
                simulator.faults, simulator.v1Rejections, proxy, mapper,
                recording != null && recording.replay().api() == Replay.Api.V1 ? recording : null));
        DateHeader billingDates = new DateHeader(simulator.billing.clock(), proxy);
        String accountId = AppIds.ofAccount(settings.seed());
        dated(server.createContext(RulesEndpoint.PATH, new RulesEndpoint(rules, simulator.bearerTokens,
                settings.rateLimitWindow(), mapper)), billingDates);
        dated(server.createContext(SearchEndpoint.PATH, new SearchEndpoint(settings, simulator.bearerTokens, simulator.filteredHistory, ledger,
                new V2Payload(tweets.users()), mapper, simulator.billing, accountId)), billingDates);
        dated(server.createContext(UsageEndpoint.PATH, new UsageEndpoint(settings, simulator.bearerTokens, simulator.billing, mapper)),
                billingDates);
        dated(server.createContext(CountsEndpoint.PATH, new CountsEndpoint(settings, simulator.bearerTokens, simulator.matchRates, mapper)),
                billingDates);
        for (StreamEndpoint endpoint : List.of(StreamEndpoint.V2_FILTERED, StreamEndpoint.V2_SAMPLE)) {
            // The sample stream keeps only what backfill serves; the filtered stream's history serves search too.
            TweetHistory history = endpoint == StreamEndpoint.V2_FILTERED ? simulator.filteredHistory
                    : new TweetHistory(settings.v2BackfillLimit(), Duration.ofMinutes(5));
            V2StreamEndpoint handler = new V2StreamEndpoint(endpoint, settings, simulator.bearerTokens, tweets, rules, ledger,
                    simulator.v2Controls, simulator.faults, proxy, mapper, history,
                    recording != null && recording.replay().api() == Replay.Api.V2 ? recording : null,
                    simulator.billing, accountId);
            executor.execute(handler.broadcast());
            dated(server.createContext(endpoint == StreamEndpoint.V2_FILTERED
                    ? V2StreamEndpoint.FILTERED_PATH : V2StreamEndpoint.SAMPLE_PATH, handler), billingDates);
        }
        // The firehose and sample10 share one broadcast, run once; a recording is not served on them.
        executor.execute(simulator.volume.broadcast());
        for (StreamEndpoint endpoint : Stream.of(StreamEndpoint.values()).filter(StreamEndpoint::volume).toList()) {
            V2StreamEndpoint handler = new V2StreamEndpoint(endpoint, settings, simulator.bearerTokens, tweets, rules, ledger,
                    simulator.v2Controls, simulator.faults, proxy, mapper, simulator.volume.history(), null,
                    simulator.billing, accountId, simulator.volume.broadcast());
            dated(server.createContext(V2StreamEndpoint.pathOf(endpoint), handler), billingDates);
        }
        // The Post compliance stream makes its events from the start, whether or not anyone reads it.
        executor.execute(simulator.compliance);
        for (ComplianceStream<?, ?> compliance : List.of(simulator.compliance, simulator.userCompliance)) {
            simulator.serveEvents(server, compliance.endpoint(), compliance, query -> ComplianceStreamEvent::json, proxy,
                    mapper, billingDates);
        }
        // It takes no partition, and X refuses one as any parameter it does not take: its messages check them.
        simulator.serveEvents(server, StreamEndpoint.V2_LIKES_COMPLIANCE, simulator.likeCompliance,
                LikeComplianceMessages::forRequest, proxy, mapper, billingDates);
        executor.execute(simulator.likes);
        for (StreamEndpoint endpoint : Stream.of(StreamEndpoint.values()).filter(StreamEndpoint::likes).toList()) {
            simulator.serveEvents(server, endpoint, simulator.likes,
                    query -> LikeMessages.forRequest(query, simulator::keptPost, tweets.users()), proxy, mapper,
                    billingDates);
        }
        dated(server.createContext(ComplianceJobsEndpoint.PATH, new ComplianceJobsEndpoint(settings, simulator.bearerTokens,
                simulator.complianceJobs, mapper, URI.create(simulator.v2BaseUrl()))), billingDates);
        server.createContext(StatsEndpoint.PATH, new StatsEndpoint(ledger, rules, mapper));
        server.start();
        log.info("Twitter streaming simulator listening at {} with {}", simulator.v1BaseUrl(), settings);
        return simulator;
    }

    /** Serves the stream of events {@code endpoint} of {@code events}, dated by the billing clock. */
    private <E> void serveEvents(HttpServer server, StreamEndpoint endpoint, EventStream<E, ?> events,
                                 EventStreamEndpoint.Messages<E> messages, ConnectionProxy proxy, ObjectMapper mapper,
                                 DateHeader dates) {
        dated(server.createContext(EventStreamEndpoint.pathOf(endpoint), new EventStreamEndpoint<>(endpoint, settings,
                bearerTokens, ledger, v2Controls, faults, proxy, mapper, events, messages, billing.clock())), dates);
    }

    /** The port listened on; the one chosen by the system when the settings said 0. */
    public int port() {
        return port;
    }

    /** {@code https} when the settings give a TLS keystore, else {@code http}. */
    private String scheme() {
        return settings.tlsKeyStore() == null ? "http" : "https";
    }

    /** {@code http://127.0.0.1:PORT/1.1/}: the form of Twitter4j's {@code streamBaseURL}, trailing slash included. */
    public String v1BaseUrl() {
        return scheme() + "://127.0.0.1:" + port() + "/1.1/";
    }

    /**
     * {@code http://127.0.0.1:PORT/}: the form of X's {@code https://api.x.com/}, trailing slash included; a v2
     * client appends {@code 2/tweets/search/stream}, {@code 2/tweets/search/stream/rules},
     * {@code 2/tweets/sample/stream}, {@code 2/tweets/firehose/stream?partition=N},
     * {@code 2/tweets/sample10/stream?partition=N}, {@code 2/tweets/compliance/stream?partition=N},
     * {@code 2/users/compliance/stream?partition=N}, {@code 2/likes/compliance/stream},
     * {@code 2/likes/firehose/stream?partition=N}, {@code 2/likes/sample10/stream?partition=N} or
     * {@code 2/compliance/jobs}.
     */
    public String v2BaseUrl() {
        return scheme() + "://127.0.0.1:" + port() + "/";
    }

    /** {@code http://127.0.0.1:PORT/simulator/stats}. */
    public String statsUrl() {
        return scheme() + "://127.0.0.1:" + port() + StatsEndpoint.PATH;
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

    /**
     * The v1.1 notices (withheld, scrub_geo, stall warnings, disconnects) and replayed lines that hold no tweet sent so
     * far, in order.
     */
    public List<SentNotice> sentNotices() {
        return ledger.sentNotices();
    }

    /**
     * Writes a v1.1 notice into every open v1.1 stream; see {@link OpenStreams#sendV1Notice(SentNotice.Kind)}.
     *
     * @return how many streams it reached
     */
    public int injectV1Notice(SentNotice.Kind kind) {
        return openStreams(StreamEndpoint.V1_FILTER).sendV1Notice(kind);
    }

    /**
     * Every open v1.1 stream gets Twitter's {@code disconnect} message with {@code code}, then a clean end of the body.
     *
     * @return how many streams it reached
     */
    public int disconnectV1Streams(int code) {
        return openStreams(StreamEndpoint.V1_FILTER).disconnectV1(code);
    }

    /** Every stream ever accepted, open or closed, oldest first. */
    public List<ConnectionInfo> connections() {
        return ledger.connections();
    }

    /**
     * Every tweet the v2 filtered stream made so far (live, in continuous mode, or by {@link #madeEarlier}), whether or
     * not a client got it, oldest first: the most recent {@link SimulatorSettings#historyLimit()}. The oracle of a test
     * that checks no tweet was lost.
     */
    public List<MadeTweet> madeTweets() {
        return filteredHistory.made();
    }

    /**
     * Every Post X's firehose ({@code GET /2/tweets/firehose/stream?partition=1..20}) made so far, whether or not a
     * client got it, oldest first, each with the one partition that carries it: the most recent
     * {@link SimulatorSettings#historyLimit()} of the last 24 hours. The volume streams make Posts from the first
     * connection to one of them (or to a Likes stream) on. The oracle of a test that checks the partitions are
     * disjoint and complete.
     */
    public List<PartitionedTweet> madeFirehoseTweets() {
        return volume.made(StreamEndpoint.V2_FIREHOSE);
    }

    /**
     * Every Post of sample10 ({@code GET /2/tweets/sample10/stream?partition=1..2}) made so far, as
     * {@link #madeFirehoseTweets()}: a fixed tenth of the firehose's Posts (chosen by their ids), each with its
     * sample10 partition.
     */
    public List<PartitionedTweet> madeSample10Tweets() {
        return volume.made(StreamEndpoint.V2_SAMPLE10);
    }

    /**
     * Every Post of a language firehose ({@code GET /2/tweets/firehose/stream/lang/en?partition=1..8}, and {@code ja},
     * {@code ko}, {@code pt} in 2 partitions each) made so far, as {@link #madeFirehoseTweets()}: the firehose's Posts
     * in that language, each with its partition of the language stream.
     */
    public List<PartitionedTweet> madeLanguageFirehoseTweets(StreamEndpoint languageFirehose) {
        if (languageFirehose.language() == null) {
            throw new IllegalArgumentException(languageFirehose + " is not a language firehose");
        }
        return volume.made(languageFirehose);
    }

    /**
     * Every event of X's Post compliance stream ({@code GET /2/tweets/compliance/stream?partition=1..4}) made so far,
     * whether or not a client got it, oldest first, each with the one partition that carries it: the most recent
     * {@link SimulatorSettings#historyLimit()} of the last 24 hours (what backfill and Recovery serve). Events are made
     * from the simulator's start, whether or not a compliance stream is open: automatic ones for the Posts the v2
     * streams sent (see {@link SimulatorSettings#complianceDeleteFraction()}), and those of {@link #deletePost(long)}
     * and friends.
     */
    public List<ComplianceEvent> madeComplianceEvents() {
        return compliance.made();
    }

    /**
     * The Post compliance events written so far, one per connection written to (live, backfill or Recovery), oldest
     * first (the most recent {@link SimulatorSettings#sentHistoryLimit()}). Recorded just after each was written.
     */
    public List<SentComplianceEvent> sentComplianceEvents() {
        return compliance.sent();
    }

    /**
     * Every event of X's User compliance stream ({@code GET /2/users/compliance/stream?partition=1..4}) made so far,
     * whether or not a client got it, oldest first, each with the one partition that carries it (chosen by the user
     * id: {@code VolumePartitions.of(StreamEndpoint.V2_USER_COMPLIANCE, userId)}): the most recent
     * {@link SimulatorSettings#historyLimit()} of the last 24 hours (what backfill and Recovery serve). The simulator
     * makes none of its own: these are those of {@link #deleteUser(long)} and friends, made whether or not a User
     * compliance stream was open.
     */
    public List<UserComplianceEvent> madeUserComplianceEvents() {
        return userCompliance.made();
    }

    /**
     * The User compliance events written so far, one per connection written to (live, backfill or Recovery), oldest
     * first (the most recent {@link SimulatorSettings#sentHistoryLimit()}). Recorded just after each was written.
     */
    public List<SentUserComplianceEvent> sentUserComplianceEvents() {
        return userCompliance.sent();
    }

    /**
     * Every event of X's Likes compliance stream ({@code GET /2/likes/compliance/stream}, not partitioned: every
     * connection gets every event) made so far, whether or not a client got it, oldest first: the most recent
     * {@link SimulatorSettings#historyLimit()} of the last 24 hours (what backfill and Recovery serve). The simulator
     * makes none of its own: these are those of {@link #unlike(long, long)}, made whether or not a Likes compliance
     * stream was open.
     */
    public List<LikeComplianceEvent> madeLikeComplianceEvents() {
        return likeCompliance.made();
    }

    /**
     * The Likes compliance events written so far, one per connection written to (live, backfill or Recovery), oldest
     * first (the most recent {@link SimulatorSettings#sentHistoryLimit()}). Recorded just after each was written.
     */
    public List<SentLikeComplianceEvent> sentLikeComplianceEvents() {
        return likeCompliance.sent();
    }

    /**
     * Every Like of X's Likes streams ({@code GET /2/likes/firehose/stream?partition=1..20},
     * {@code GET /2/likes/sample10/stream?partition=1..2}) made so far, whether or not a client got it, oldest first,
     * each with its firehose partition and, for the tenth of them in the sample, its sample10 partition (see
     * {@link io.tweetstream.simulator.stream.VolumePartitions#ofLike}): the most recent
     * {@link SimulatorSettings#historyLimit()} of the last 24 hours (what backfill and Recovery serve). Automatic Likes
     * ({@link SimulatorSettings#likesPerSecond()}) are of the firehose's Posts and made from the first connection to a
     * volume or Likes stream on; those of {@link #like(long)} whenever a test makes them.
     */
    public List<MadeLike> madeLikes() {
        return likes.made();
    }

    /**
     * The Likes written so far, one per connection written to (live, backfill or Recovery), oldest first (the most
     * recent {@link SimulatorSettings#sentHistoryLimit()}). Recorded just after each was written.
     */
    public List<SentLike> sentLikes() {
        return likes.sent();
    }

    /**
     * A Like of the Post {@code tweetId} now: on its partition of the Likes firehose (and of sample10, if the Like is
     * in the sample), to every connection open on it, and kept for backfill and Recovery, whether or not one is open.
     * Its {@code liked_tweet_author_id} is the Post's author, its {@code created_at} the Post's.
     *
     * @throws IllegalArgumentException when the simulator knows no such Post (streamed on a v2 stream, or kept in the
     *                                  filtered stream's or the volume streams' history): it needs the author
     */
    public MadeLike like(long tweetId) {
        Instant createdAt = keptPost(tweetId).map(V2Tweet::createdAt).orElseGet(() -> SnowflakeIds.createdAt(tweetId));
        return likes.like(tweetId, authorOf(tweetId), createdAt);
    }

    /**
     * Every batch compliance job created ({@code POST /2/compliance/jobs}), oldest first, as of now: a job whose
     * processing time passed shows {@code complete} (or {@code failed}), one whose upload window lapsed
     * {@code expired}. A {@code tweets} job's results are what the Post compliance stream's events
     * ({@link #madeComplianceEvents()}, made by then) and {@link #scrubGeo} say of each id uploaded.
     */
    public List<ComplianceJobInfo> complianceJobs() {
        return complianceJobs.infos(Instant.now());
    }

    /**
     * The next batch compliance job uploaded (from now on) ends {@code failed}, with {@code error} as its
     * {@code error}, once its processing time has passed, instead of {@code complete}. Replaces an earlier instruction
     * not yet used.
     */
    public void failNextComplianceJob(String error) {
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("error must say why the job failed");
        }
        complianceJobs.failNext(error);
    }

    /** The uploads batch compliance jobs took (a job takes one), all jobs. */
    public int complianceJobUploads() {
        return complianceJobs.uploads();
    }

    /** The requests that listed batch compliance jobs ({@code GET /2/compliance/jobs}). */
    public int complianceJobListings() {
        return complianceJobs.listings();
    }

    /** The downloads of batch compliance job results that got them, all jobs. */
    public int complianceJobDownloads() {
        return complianceJobs.downloads();
    }

    /**
     * The author of Post {@code tweetId} removed its geo data now: batch compliance jobs processed from now on report
     * it as {@code scrub_geo} / {@code geo_scrubbed} (unless a delete or edit of it outranks that). Nothing is streamed
     * (the User compliance stream's {@code scrub_geo} is {@link #scrubUserGeo(long, long)}'s, which batch jobs do not
     * read). Any Post id will do.
     *
     * @return when it was scrubbed: the results' {@code redacted_at}
     */
    public Instant scrubGeo(long tweetId) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        complianceJobs.scrubGeo(tweetId, at);
        return at;
    }

    /**
     * The app regenerated its bearer token: from now on every v2 endpoint answers {@code token} with 401, as X
     * does; streams already open on it stay open.
     */
    public void revokeBearerToken(String token) {
        bearerTokens.revoke(token);
    }

    /**
     * The Post {@code id} is deleted now: a {@code delete} on its partition of the Post compliance stream, to every
     * connection open on it (and kept for backfill and Recovery).
     *
     * @throws IllegalArgumentException when the simulator knows no such Post (streamed on a v2 stream, or kept in the
     *                                  filtered stream's or the volume streams' history): it needs the author
     */
    public ComplianceEvent deletePost(long id) {
        return compliance.delete(id, authorOf(id));
    }

    /**
     * The Post {@code id} is edited now: a {@code tweet_edit} naming a new version (a new Snowflake id of now) after
     * the Post's versions ({@code edit_tweet_ids}: the Post's own {@code edit_history_tweet_ids} when it was streamed
     * as an edited version, else itself, then the new id). The new version is not streamed. See {@link #deletePost}.
     */
    public ComplianceEvent editPost(long id) {
        return compliance.edit(id, authorOf(id));
    }

    /**
     * The Post {@code id} is withheld now in {@code countries} (ISO 3166-1 alpha-2 codes, as X's
     * {@code withheld_in_countries}): a {@code withheld} event. See {@link #deletePost}.
     */
    public ComplianceEvent withholdPost(long id, List<String> countries) {
        return compliance.withhold(id, authorOf(id), requireCountries(countries));
    }

    /** The Post {@code id} is removed from public view now: a {@code drop} event. See {@link #deletePost}. */
    public ComplianceEvent dropPost(long id) {
        return compliance.drop(id, authorOf(id));
    }

    /** The Post {@code id} may be shown again now: an {@code undrop} event. See {@link #deletePost}. */
    public ComplianceEvent undropPost(long id) {
        return compliance.undrop(id, authorOf(id));
    }

    /**
     * The user {@code userId} deleted its account now: a {@code user_delete} on its partition of the User compliance
     * stream ({@code {"data":{"user_delete":{"user":{"id":"…"},"event_at":"…"}}}}), to every connection open on it (and
     * kept for backfill and Recovery), whether or not one is open. Any user id will do (greater than 0): the simulator
     * need not know the user. Nothing else changes (the user's Posts are not deleted, nor its later Posts stopped).
     */
    public UserComplianceEvent deleteUser(long userId) {
        return userCompliance.plain(UserComplianceEvent.USER_DELETE, requireUserId(userId));
    }

    /** The user {@code userId} undid its account's deletion now: a {@code user_undelete}. See {@link #deleteUser}. */
    public UserComplianceEvent undeleteUser(long userId) {
        return userCompliance.plain(UserComplianceEvent.USER_UNDELETE, requireUserId(userId));
    }

    /** The user {@code userId} made its account private now: a {@code user_protect}. See {@link #deleteUser}. */
    public UserComplianceEvent protectUser(long userId) {
        return userCompliance.plain(UserComplianceEvent.USER_PROTECT, requireUserId(userId));
    }

    /** The user {@code userId} made its account public again now: a {@code user_unprotect}. See {@link #deleteUser}. */
    public UserComplianceEvent unprotectUser(long userId) {
        return userCompliance.plain(UserComplianceEvent.USER_UNPROTECT, requireUserId(userId));
    }

    /** The account of user {@code userId} is suspended now: a {@code user_suspend}. See {@link #deleteUser}. */
    public UserComplianceEvent suspendUser(long userId) {
        return userCompliance.plain(UserComplianceEvent.USER_SUSPEND, requireUserId(userId));
    }

    /** The account of user {@code userId} is unsuspended now: a {@code user_unsuspend}. See {@link #deleteUser}. */
    public UserComplianceEvent unsuspendUser(long userId) {
        return userCompliance.plain(UserComplianceEvent.USER_UNSUSPEND, requireUserId(userId));
    }

    /**
     * The account of user {@code userId} is withheld now in {@code countries} (ISO 3166-1 alpha-2 codes, as X's
     * {@code withheld_in_countries}): a {@code user_withheld}
     * ({@code {"data":{"user_withheld":{"user":{"id":"…"},"withheld_in_countries":["DE"],"event_at":"…"}}}}). See
     * {@link #deleteUser}.
     */
    public UserComplianceEvent withholdUser(long userId, List<String> countries) {
        return userCompliance.withhold(requireUserId(userId), requireCountries(countries));
    }

    /**
     * The user {@code userId} changed its profile now: a {@code user_profile_modification}
     * ({@code {"data":{"user_profile_modification":{"user":{"id":"…"},"event_at":"…","profile_field":"…",
     * "new_value":"…"}}}}). See {@link #deleteUser}.
     *
     * @param profileField one of {@link UserComplianceEvent#PROFILE_FIELDS} ({@code profile.name},
     *                     {@code profile.location}, {@code profile.description}, {@code profile.url},
     *                     {@code profile.profileBanner}, {@code profile.profileBanner.url},
     *                     {@code profile.profileImage}, {@code profile.profileImage.url})
     * @param newValue     the field's new value, as {@code new_value}; may be empty (a field cleared), not null
     */
    public UserComplianceEvent modifyUserProfile(long userId, String profileField, String newValue) {
        if (!UserComplianceEvent.PROFILE_FIELDS.contains(profileField)) {
            throw new IllegalArgumentException("profileField must be one of " + UserComplianceEvent.PROFILE_FIELDS
                    + ", was " + profileField);
        }
        Objects.requireNonNull(newValue, "newValue");
        return userCompliance.modifyProfile(requireUserId(userId), profileField, newValue);
    }

    /**
     * The user {@code userId} removed the geo data of its Posts up to {@code upToTweetId} now: a {@code scrub_geo}
     * ({@code {"data":{"scrub_geo":{"user":{"id":"…"},"up_to_tweet_id":"…","event_at":"…"}}}}). See
     * {@link #deleteUser}. Nothing else changes: the Posts streamed later keep their geo data, and batch compliance jobs
     * do not read it (see {@link #scrubGeo(long)}).
     */
    public UserComplianceEvent scrubUserGeo(long userId, long upToTweetId) {
        if (upToTweetId <= 0) {
            throw new IllegalArgumentException("upToTweetId must be a Post id (> 0), was " + upToTweetId);
        }
        return userCompliance.scrubGeo(requireUserId(userId), upToTweetId);
    }

    /**
     * The user {@code userId} removed its Like of the Post {@code tweetId} now: a {@code delete} on the Likes
     * compliance stream ({@code {"data":{"delete":{"favorite":{"id":"<tweetId>","user_id":"<userId>"},
     * "event_at":"…"}}}}), to every connection open on it (the stream has no partitions), and kept for backfill and
     * Recovery, whether or not one is open. Any ids will do (greater than 0): the simulator need not know the Post, the
     * user or the Like (a Like of {@link #like(long)} is not needed, nor taken back: it stays in {@link #madeLikes()}).
     */
    public LikeComplianceEvent unlike(long tweetId, long userId) {
        if (tweetId <= 0) {
            throw new IllegalArgumentException("tweetId must be a Post id (> 0), was " + tweetId);
        }
        return likeCompliance.unlike(tweetId, requireUserId(userId));
    }

    private static long requireUserId(long userId) {
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be a user id (> 0), was " + userId);
        }
        return userId;
    }

    private static List<String> requireCountries(List<String> countries) {
        Objects.requireNonNull(countries, "countries");
        if (countries.isEmpty() || countries.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("countries must name at least one country, was " + countries);
        }
        return countries;
    }

    /** The Post {@code id} as the volume streams' or the filtered stream's history keeps it. */
    private Optional<V2Tweet> keptPost(long id) {
        return volume.history().find(id).or(() -> filteredHistory.find(id));
    }

    private long authorOf(long id) {
        return compliance.authorOf(id)
                .or(() -> filteredHistory.find(id).map(V2Tweet::authorId))
                .or(() -> volume.history().find(id).map(V2Tweet::authorId))
                .orElseThrow(() -> new IllegalArgumentException("Post " + id + " was neither streamed nor made by "
                        + "this simulator (or is forgotten): its author is unknown"));
    }

    /**
     * Makes {@code count} tweets for the filtered-stream rules in force (by the planner that makes live ones, so they
     * match them) as if they had been made in the past: their {@code created_at} spread evenly over
     * {@code [now - span, now)}, oldest first, their Snowflake ids of those times (so lower than any live tweet made
     * later), and adds them to the history that backfill, Recovery and recent search serve and {@link #madeTweets()}
     * shows. Only the last 7 days are searchable and the last 24 hours recoverable; older ones are kept for the test's
     * oracle all the same. A tweet that cannot be made to match its rule is tried again (a few times in all).
     *
     * @param span  at most {@link #MAX_EARLIER_SPAN} (9 days)
     * @return the tweets made, oldest first
     * @throws IllegalStateException    when there are no rules
     * @throws IllegalArgumentException for a span that is not positive or too long, or a negative count
     */
    public List<MadeTweet> madeEarlier(Duration span, int count) {
        Objects.requireNonNull(span, "span");
        if (span.isNegative() || span.isZero() || span.compareTo(MAX_EARLIER_SPAN) > 0 || count < 0) {
            throw new IllegalArgumentException("span must be in (0, " + MAX_EARLIER_SPAN + "] and count >= 0, was "
                    + span + " and " + count);
        }
        if (rules.active().isEmpty()) {
            throw new IllegalStateException("madeEarlier needs filtered-stream rules to make tweets for");
        }
        long batch = earlierBatches.incrementAndGet();
        FilteredStreamTweets source = new FilteredStreamTweets(rules,
                tweets.forV2Stream(Long.MIN_VALUE + batch), new MatchPlanner(tweets.users()),
                new Dice(Seeds.derive(settings.seed() ^ EARLIER_SEED_SALT, batch)), ledger);
        // Whole milliseconds, the last one before now's: an id of now's millisecond could exceed a live one.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant from = now.minus(span);
        long stepNanos = span.toNanos() / Math.max(1, count);
        List<MadeTweet> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = from.plusNanos(stepNanos * i).truncatedTo(ChronoUnit.MILLIS);
            if (!at.isBefore(now)) {
                at = now.minusMillis(1);
            }
            for (int attempt = 0; attempt < 5; attempt++) {
                V2Tweet tweet = source.earlier(at).orElse(null);
                if (tweet != null) {
                    filteredHistory.add(tweet);
                    made.add(new MadeTweet(tweet.id(), tweet.createdAt(), tweet.matchingRules()));
                    break;
                }
            }
        }
        log.info("Made {} tweet(s) dated over the last {}", made.size(), span);
        return made;
    }

    /**
     * Now on the billing clock: real time plus what {@link #advanceBillingClock} added. It decides the UTC day (and
     * so the cap period) a Post is billed in, and is the {@code Date} header of every v2 answer; tweets are still
     * made, dated and searched at real time.
     */
    public Instant billingNow() {
        return billing.clock().now();
    }

    /** Moves the billing clock forward by {@code by} (not back): into the next UTC day, say, or the next cap period. */
    public void advanceBillingClock(Duration by) {
        billing.clock().advance(Objects.requireNonNull(by, "by"));
    }

    /** Posts billed on {@code utcDay} of the billing clock, all apps (each app pays for a Post once a day). */
    public long postsBilled(LocalDate utcDay) {
        return billing.postsBilled(utcDay);
    }

    /** Posts billed since the current cap period began ({@code project_usage}), all apps. */
    public long postsBilledThisCapPeriod() {
        return billing.postsBilledThisCapPeriod();
    }

    /** Posts billed since the simulator started, all apps. */
    public long postsBilledTotal() {
        return billing.postsBilledTotal();
    }

    /**
     * Sets how many more Post reads the project's credit pays for, as buying credits in X's console does: a
     * positive number lets refused clients in again (at their next request), 0 spends the credit (open v2 streams end
     * at once; {@link Long#MAX_VALUE} is unlimited).
     */
    public void setCreditPosts(long posts) {
        billing.setCreditPosts(posts);
    }

    /** How many more Post reads the credit pays for; {@link Long#MAX_VALUE} when unlimited. */
    public long creditPostsLeft() {
        return billing.creditPostsLeft();
    }

    /** The id of the simulator's one X project, as {@code GET /2/usage/tweets} names it. */
    public String projectId() {
        return AppIds.ofProject(settings.seed());
    }

    /** The {@code client_app_id} of the app whose requests carry {@code bearerToken}, as the usage report names it. */
    public static String clientAppId(String bearerToken) {
        return AppIds.ofToken(bearerToken);
    }

    /**
     * How many Posts a second the filtered stream's generator makes matching {@code query} (the rule language, as
     * recent search and counts take it) with the rules in force: {@code tweetsPerSecond} (averaged over bursts: times
     * {@code 1 + (burstFactor - 1) * burstLength / burstEvery}) times the mean, over the rules, of the share of the
     * tweets made for a rule that match {@code query}, measured on a fixed seeded sample of tweets made as the stream
     * makes them (see {@link MatchRates}). 0 without rules. {@code GET /2/tweets/counts/recent} counts at this rate:
     * a bucket {@code [s, e)} holds {@code floor(rate * e) - floor(rate * s)} Posts (epoch seconds), so it differs
     * from {@code rate * (e - s)} by less than one. The same seed and rules give the same rate; a replay does not
     * change it.
     *
     * @throws IllegalArgumentException for a query X would refuse, with its message
     */
    public double matchRatePerSecond(String query) {
        Objects.requireNonNull(query, "query");
        try {
            return matchRates.perSecond(query, RuleParser.parse(query, settings.searchQueryMaxLength()));
        } catch (InvalidRuleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Every request to {@code GET /2/tweets/search/recent}, oldest first (the most recent {@link SimulatorSettings#sentHistoryLimit()}). */
    public List<SearchRequest> searchRequests() {
        return ledger.searchRequests();
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
     * Every request to open a stream, v1.1 and v2, oldest first (the most recent
     * {@link SimulatorSettings#sentHistoryLimit()}), with its endpoint and the status it got: 200 when opened. Shows a
     * client's reconnect timing from the server's side.
     */
    public List<ConnectionAttempt> connectionAttempts() {
        return ledger.connectionAttempts();
    }

    /** The requests to open a stream of {@code endpoint}, oldest first. */
    public List<ConnectionAttempt> connectionAttempts(StreamEndpoint endpoint) {
        return ledger.connectionAttempts().stream().filter(attempt -> attempt.endpoint() == endpoint).toList();
    }

    /**
     * The next {@code count} requests to open a v1.1 stream are refused with {@code httpStatus} and Twitter's answer
     * for it: 401 {@code {"errors":[{"code":32,"message":"Could not authenticate you."}]}}, 403 (code 87), 420
     * {@code Enhance Your Calm} as plain text, 429 (code 88) with {@code x-rate-limit-reset} = now +
     * {@code rateLimitReset}, 500 (code 131), 503 (code 130 Over capacity); other statuses with a plain-text line.
     * Checked before the OAuth header. Replaces an earlier instruction; 0 cancels.
     */
    public void rejectNextV1Connections(int count, int httpStatus, Duration rateLimitReset) {
        requireRejection(count, httpStatus);
        v1Rejections.rejectNext(count, httpStatus, Objects.requireNonNull(rateLimitReset, "rateLimitReset"));
    }

    /**
     * The next {@code count} requests to open a v2 stream (filtered, sample, firehose, sample10, Post, User or Likes
     * compliance, Likes) are refused with {@code httpStatus} and X's body for it: 401 Unauthorized, 403 Client Forbidden, 429
     * Too Many Requests with {@code x-rate-limit-reset} = now + {@code rateLimitReset}, 500 or 503 with a problem body.
     * Replaces an earlier instruction; 0 cancels.
     */
    public void rejectNextV2Connections(int count, int httpStatus, Duration rateLimitReset) {
        requireRejection(count, httpStatus);
        v2Controls.rejections().rejectNext(count, httpStatus, Objects.requireNonNull(rateLimitReset, "rateLimitReset"));
    }

    /**
     * Every open v2 stream gets X's operational-disconnect message and is then ended cleanly (end of the
     * chunked body). Streams opened afterwards are not affected.
     *
     * @return how many streams it reached
     */
    public int operationalDisconnectV2Streams() {
        return faults.deliver(V2_ENDPOINTS, new StreamFault.OperationalDisconnect());
    }

    /**
     * The v2 streams open now send nothing at all, not even keep-alives, for {@code length}, keeping their
     * sockets open; then they go on (a keep-alive first). For testing a client's read timeout.
     *
     * @return how many streams it reached
     */
    public int stallV2Streams(Duration length) {
        return openStreams(V2_ENDPOINTS.toArray(StreamEndpoint[]::new)).stall(length);
    }

    /** The streams of these endpoints (all when none are named) open at the moment of each call, to inject faults into. */
    public OpenStreams openStreams(StreamEndpoint... endpoints) {
        Set<StreamEndpoint> chosen = endpoints.length == 0 ? EnumSet.allOf(StreamEndpoint.class) : EnumSet.copyOf(List.of(endpoints));
        return new OpenStreams(chosen, faults);
    }

    /**
     * The one stream {@code connectionId} ({@link ConnectionInfo#id()}), to inject a fault into while it is open: for
     * a fault on one of several connections to the same stream, e.g. one of an app's redundant connections. A fault
     * injected after it closed reaches nothing (the call returns 0).
     */
    public OpenStreams openStream(long connectionId) {
        if (connectionId <= 0) {
            throw new IllegalArgumentException("Connection ids start at 1, not " + connectionId);
        }
        return new OpenStreams(EnumSet.allOf(StreamEndpoint.class), connectionId, faults);
    }

    /**
     * Every open stream, v1.1 and v2, is closed in the middle of a chunk, without the body's last chunk: the client
     * reads an unexpected end of the body. See {@link OpenStreams#drop()}.
     *
     * @return how many streams it reached
     */
    public int dropStreams() {
        return openStreams().drop();
    }

    /** Every open stream, v1.1 and v2, ends its body properly and closes. @return how many streams it reached */
    public int endStreamsCleanly() {
        return openStreams().endCleanly();
    }

    /** Every open stream, v1.1 and v2, is reset (RST). @return how many streams it reached */
    public int resetStreams() {
        return openStreams().reset();
    }

    /**
     * Every open stream, v1.1 and v2, sends nothing at all for {@code length}, then goes on. See
     * {@link OpenStreams#stall(Duration)}. @return how many streams it reached
     */
    public int stallStreams(Duration length) {
        return openStreams().stall(length);
    }

    /**
     * Writes a bad line into every open stream, v1.1 and v2, each in its API's shape; the streams then go on. Each is
     * recorded in {@link #injectedLines()}. @return how many streams it reached
     */
    public int injectLine(BadLine line) {
        return openStreams().injectLine(line);
    }

    /** Writes exactly these bytes and a CRLF into every open stream. @return how many streams it reached */
    public int injectRawLine(byte[] line) {
        return openStreams().injectRawLine(line);
    }

    /** The bad lines written so far, one per stream written to, in order. */
    public List<InjectedLine> injectedLines() {
        return ledger.injectedLines();
    }

    /** The drops, clean ends, resets, stalls and operational disconnects applied so far, one per stream, in order. */
    public List<AppliedFault> appliedFaults() {
        return ledger.appliedFaults();
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
        faults.wakeAll();
        try {
            // Streams wake on the signal at once; only one blocked writing to a client that does not read lingers.
            ledger.awaitNoOpenConnections(GRACEFUL_CLOSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Closes the public port and every client connection, unblocking streams stuck writing to a client that
        // does not read.
        proxy.close();
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

    /** Every answer of the context gets its {@code Date} from the billing clock. */
    private static void dated(HttpContext context, DateHeader dates) {
        context.getFilters().add(dates);
    }

    /** The filtered stream's rate averaged over its bursts. */
    private static double meanTweetsPerSecond(SimulatorSettings settings) {
        long every = settings.burstEvery().toNanos();
        if (every <= 0 || settings.burstFactor() == 1) {
            return settings.tweetsPerSecond();
        }
        double burstShare = (double) Math.min(settings.burstLength().toNanos(), every) / every;
        return settings.tweetsPerSecond() * (1 + (settings.burstFactor() - 1) * burstShare);
    }

    private static void requireRejection(int count, int httpStatus) {
        if (count < 0 || httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("count must be >= 0 and httpStatus an error status (4xx, 5xx), was "
                    + count + " and " + httpStatus);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
