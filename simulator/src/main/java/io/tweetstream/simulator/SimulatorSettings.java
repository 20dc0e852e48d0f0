package io.tweetstream.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link StreamSimulator} behaves. Immutable; build with {@link #builder()}.
 * Every setting has a default, so {@code SimulatorSettings.builder().build()} is a working simulator
 * on an ephemeral port.
 */
public final class SimulatorSettings {

    /** Above this, the nanosecond schedule of one stream loses its meaning. */
    static final double MAX_TWEETS_PER_SECOND = 100_000.0;

    private final String bindAddress;
    private final int port;
    private final Path tlsKeyStore;
    private final String tlsKeyStorePassword;
    private final long seed;
    private final double tweetsPerSecond;
    private final double firehoseTweetsPerSecond;
    private final double likesPerSecond;
    private final long maxTweetsPerConnection;
    private final Duration keepAliveInterval;
    private final int deleteEvery;
    private final int limitEvery;
    private final double extendedRatio;
    private final double retweetRatio;
    private final double quoteRatio;
    private final Set<String> acceptedConsumerKeys;
    private final int sentHistoryLimit;
    private final Duration burstEvery;
    private final Duration burstLength;
    private final double burstFactor;
    private final Set<String> acceptedBearerTokens;
    private final int v2MaxConnections;
    private final int v2MaxRules;
    private final int v2MaxRuleLength;
    private final int v2ConnectionBacklog;
    private final int v2BackfillLimit;
    private final double longPostRatio;
    private final double htmlEntityRatio;
    private final double mediaRatio;
    private final double pollRatio;
    private final double editedRatio;
    private final double sensitiveRatio;
    private final double withheldRatio;
    private final double unavailableReferenceRatio;
    private final double missingReferencedAuthorRatio;
    private final double replyParentIncludedRatio;
    private final int statusWithheldEvery;
    private final int userWithheldEvery;
    private final int scrubGeoEvery;
    private final int stallWarningEvery;
    private final Replay replay;
    private final Tier tier;
    private final Duration v2KeepAliveInterval;
    private final int v2ConnectsPerWindow;
    private final int searchRequestsPerWindow;
    private final Duration rateLimitWindow;
    private final boolean continuousTweets;
    private final int historyLimit;
    private final double recoveryTweetsPerSecond;
    private final DeliveryDelay deliveryDelay;
    private final long creditPosts;
    private final long monthlyPostCap;
    private final int capResetDay;
    private final double complianceDeleteFraction;
    private final double complianceEditFraction;
    private final double complianceWithholdFraction;
    private final Duration complianceDelay;
    private final Duration complianceJobProcessing;
    private final Duration complianceJobUploadWindow;
    private final long complianceJobMaxUploadBytes;

    /**
     * What an X project's access allows, as X sells it (x-api/posts/filtered-stream/introduction.mdx,
     * x-api/fundamentals/rate-limits.mdx). The tier sets defaults that explicit builder calls still override.
     */
    public enum Tier {
        /**
         * What a new developer account gets: 1 filtered-stream connection, 1,000 rules of at most 1,024 characters,
         * 50 connect attempts per window, search queries of at most 512 characters; no {@code backfill_minutes}, no
         * Recovery ({@code start_time}/{@code end_time} on the stream), no sample stream (403 client-not-enrolled).
         */
        PAY_PER_USE,
        /**
         * Enterprise: 2 redundant connections, 25,000 rules of at most 2,048 characters, connect attempts by contract
         * (unlimited here), search queries of at most 4,096 characters; backfill, Recovery and the sample stream.
         */
        ENTERPRISE
    }

    private SimulatorSettings(Builder builder) {
        this.bindAddress = builder.bindAddress;
        this.port = builder.port;
        this.tlsKeyStore = builder.tlsKeyStore;
        this.tlsKeyStorePassword = builder.tlsKeyStorePassword;
        this.seed = builder.seed;
        this.tweetsPerSecond = builder.tweetsPerSecond;
        this.firehoseTweetsPerSecond = builder.firehoseTweetsPerSecond;
        this.likesPerSecond = builder.likesPerSecond;
        this.maxTweetsPerConnection = builder.maxTweetsPerConnection;
        this.keepAliveInterval = builder.keepAliveInterval;
        this.deleteEvery = builder.deleteEvery;
        this.limitEvery = builder.limitEvery;
        this.extendedRatio = builder.extendedRatio;
        this.retweetRatio = builder.retweetRatio;
        this.quoteRatio = builder.quoteRatio;
        this.acceptedConsumerKeys = Set.copyOf(builder.acceptedConsumerKeys);
        this.sentHistoryLimit = builder.sentHistoryLimit;
        this.burstEvery = builder.burstEvery;
        this.burstLength = builder.burstLength;
        this.burstFactor = builder.burstFactor;
        this.acceptedBearerTokens = Set.copyOf(builder.acceptedBearerTokens);
        this.v2MaxConnections = builder.resolvedMaxConnections();
        this.v2MaxRules = builder.resolvedMaxRules();
        this.v2MaxRuleLength = builder.resolvedMaxRuleLength();
        this.v2ConnectionBacklog = builder.v2ConnectionBacklog;
        this.v2BackfillLimit = builder.v2BackfillLimit;
        this.longPostRatio = builder.longPostRatio;
        this.htmlEntityRatio = builder.htmlEntityRatio;
        this.mediaRatio = builder.mediaRatio;
        this.pollRatio = builder.pollRatio;
        this.editedRatio = builder.editedRatio;
        this.sensitiveRatio = builder.sensitiveRatio;
        this.withheldRatio = builder.withheldRatio;
        this.unavailableReferenceRatio = builder.unavailableReferenceRatio;
        this.missingReferencedAuthorRatio = builder.missingReferencedAuthorRatio;
        this.replyParentIncludedRatio = builder.replyParentIncludedRatio;
        this.statusWithheldEvery = builder.statusWithheldEvery;
        this.userWithheldEvery = builder.userWithheldEvery;
        this.scrubGeoEvery = builder.scrubGeoEvery;
        this.stallWarningEvery = builder.stallWarningEvery;
        this.replay = builder.replay;
        this.tier = builder.tier == null ? Tier.ENTERPRISE : builder.tier;
        this.v2KeepAliveInterval = builder.resolvedV2KeepAlive();
        this.v2ConnectsPerWindow = builder.resolvedConnectsPerWindow();
        this.searchRequestsPerWindow = builder.searchRequestsPerWindow;
        this.rateLimitWindow = builder.rateLimitWindow;
        this.continuousTweets = builder.continuousTweets;
        this.historyLimit = builder.historyLimit;
        this.recoveryTweetsPerSecond = builder.recoveryTweetsPerSecond;
        this.deliveryDelay = builder.deliveryDelay;
        this.creditPosts = builder.creditPosts;
        this.monthlyPostCap = builder.monthlyPostCap;
        this.capResetDay = builder.capResetDay;
        this.complianceDeleteFraction = builder.complianceDeleteFraction;
        this.complianceEditFraction = builder.complianceEditFraction;
        this.complianceWithholdFraction = builder.complianceWithholdFraction;
        this.complianceDelay = builder.complianceDelay;
        this.complianceJobProcessing = builder.complianceJobProcessing;
        this.complianceJobUploadWindow = builder.complianceJobUploadWindow;
        this.complianceJobMaxUploadBytes = builder.complianceJobMaxUploadBytes;
    }

    /**
     * Share of the Posts streamed on the v2 streams (filtered, sample, firehose, sample10) that are later deleted: a
     * {@code delete} on the Post compliance stream ({@code GET /2/tweets/compliance/stream}) {@link #complianceDelay()}
     * after the Post was first sent. Which Posts, a draw fixed by the id and the seed decides. Default 0.01.
     */
    public double complianceDeleteFraction() {
        return complianceDeleteFraction;
    }

    /** Share of the Posts streamed that are later edited: a {@code tweet_edit} with a new version's id. Default 0.002. */
    public double complianceEditFraction() {
        return complianceEditFraction;
    }

    /** Share of the Posts streamed that are later withheld in one or two countries: a {@code withheld}. Default 0.001. */
    public double complianceWithholdFraction() {
        return complianceWithholdFraction;
    }

    /** How long after a Post was first streamed its automatic compliance event is made. Default 5 s. */
    public Duration complianceDelay() {
        return complianceDelay;
    }

    /**
     * How long a batch compliance job ({@code POST /2/compliance/jobs}) is {@code in_progress} after its upload before
     * it is {@code complete} (or {@code failed}); X's time scales with the dataset, the simulator's does not. Default
     * 5 s; tests set it small.
     */
    public Duration complianceJobProcessing() {
        return complianceJobProcessing;
    }

    /**
     * How long after its creation a batch compliance job takes its upload ({@code upload_expires_at}); a job not
     * uploaded by then is {@code expired}. Default 15 minutes, X's; tests shorten it to see a window lapse.
     */
    public Duration complianceJobUploadWindow() {
        return complianceJobUploadWindow;
    }

    /**
     * The largest upload a batch compliance job takes, in bytes; a larger one gets 413. Default 128,000,000: X's
     * "128 MB", read as the stricter decimal megabytes. Tests lower it to see a 413 without sending 128 MB.
     */
    public long complianceJobMaxUploadBytes() {
        return complianceJobMaxUploadBytes;
    }

    /**
     * The access the simulated X project has: what the v2 endpoints refuse (backfill, Recovery and the sample stream
     * need {@link Tier#ENTERPRISE}) and the defaults of the limits below. Default {@link Tier#ENTERPRISE}, with the
     * limits the simulator had before tiers (1 connection, 1,000 rules of 1,024 characters, connect attempts
     * unlimited), so that a test that names no tier sees what it always saw; calling {@link Builder#tier(Tier)}
     * applies that tier's limits.
     */
    public Tier tier() {
        return tier;
    }

    /** Whether the tier has Enterprise's features: backfill, Recovery, the sample stream. */
    public boolean enterpriseFeatures() {
        return tier == Tier.ENTERPRISE;
    }

    /**
     * Silence after which a v2 stream sends a bare CRLF. Default 20 s, X's heartbeat; {@link Builder#keepAliveInterval}
     * sets it too unless {@link Builder#v2KeepAliveInterval} is called.
     */
    public Duration v2KeepAliveInterval() {
        return v2KeepAliveInterval;
    }

    /**
     * Requests to a v2 stream endpoint (filtered or sample, Recovery included) allowed per {@link #rateLimitWindow()},
     * whatever their answer; one more gets 429 Too Many Requests until the window ends. 0 = unlimited. Default 50 on
     * pay-per-use (X's documented limit), unlimited on Enterprise (by contract).
     */
    public int v2ConnectsPerWindow() {
        return v2ConnectsPerWindow;
    }

    /** Requests to {@code GET /2/tweets/search/recent} allowed per {@link #rateLimitWindow()}; one more gets 429. Default 450 (X's app limit). */
    public int searchRequestsPerWindow() {
        return searchRequestsPerWindow;
    }

    /**
     * The length of X's rate-limit windows: each counter (stream connects, rules GET and POST, recent search) starts a
     * window at its first request and resets at its end ({@code x-rate-limit-reset}). Default 15 minutes, as X; tests
     * shrink it.
     */
    public Duration rateLimitWindow() {
        return rateLimitWindow;
    }

    /**
     * Whether the v2 filtered stream makes tweets from the simulator's start whether or not a connection is open, as X's
     * world goes on (they are kept in the history for backfill, Recovery and search). Default false: tweets are made
     * only while some connection would get them.
     */
    public boolean continuousTweets() {
        return continuousTweets;
    }

    /**
     * How many v2 filtered-stream tweets the history keeps for {@link StreamSimulator#madeTweets()}, backfill, Recovery
     * and recent search; the oldest is forgotten beyond. 0 keeps none. Default 100,000 (about 9 KB of heap each).
     */
    public int historyLimit() {
        return historyLimit;
    }

    /**
     * How many Post reads the project's prepaid credit pays for (pay-per-use bills each Post once per UTC day of the
     * billing clock). Once they are billed, v2 streams end and stream and search requests get 402 CreditsDepleted.
     * Default {@link Long#MAX_VALUE}: unlimited. {@link StreamSimulator#setCreditPosts(long)} changes it at run time.
     */
    public long creditPosts() {
        return creditPosts;
    }

    /**
     * Post reads the project may be billed per cap period (from {@link #capResetDay()} of one month to the next);
     * at the cap, v2 streams end and stream and search requests get 429 UsageCapExceeded. Default 3,000,000.
     */
    public long monthlyPostCap() {
        return monthlyPostCap;
    }

    /**
     * The day of the month (1 to 31; the month's last day when it is shorter) on which the cap period starts, UTC on
     * the billing clock. Default 1.
     */
    public int capResetDay() {
        return capResetDay;
    }

    /** Tweets per second a Recovery stream sends; 0 = as fast as the client reads. Default 0. */
    public double recoveryTweetsPerSecond() {
        return recoveryTweetsPerSecond;
    }

    /**
     * How long each generated tweet takes from its creation to its delivery on a live stream (v2 filtered and sample,
     * v1.1 {@code statuses/filter}); tweets with shorter delays overtake earlier ones, as on X. A tweet's
     * {@code created_at}, id and place in the history (Recovery and search find it at once) are those of its
     * creation; its {@link SentTweet#sentAt()} is its delivery. A delayed v2 tweet goes to every connection open when
     * it is due, and a backfill leaves it out until then. Replayed tweets keep their recorded order. Default
     * {@link DeliveryDelay#none()}: each tweet delivered when made, in order (the command line's default is
     * {@link DeliveryDelay#xLike()}).
     */
    public DeliveryDelay deliveryDelay() {
        return deliveryDelay;
    }

    /** The longest recent-search query, in characters: 512 on pay-per-use, 4,096 on Enterprise. */
    public int searchQueryMaxLength() {
        return tier == Tier.PAY_PER_USE ? 512 : 4_096;
    }

    /**
     * Bearer tokens the v2 endpoints accept; empty accepts any non-empty token. All tokens share one rule
     * set, as the tokens of one X app do. Default empty.
     */
    public Set<String> acceptedBearerTokens() {
        return acceptedBearerTokens;
    }

    /**
     * Concurrent connections allowed to each v2 stream endpoint (filtered and sample counted apart); one more
     * gets 429 TooManyConnections. Default 1 (pay-per-use, and no tier named); 2 on Enterprise (redundant connections).
     */
    public int v2MaxConnections() {
        return v2MaxConnections;
    }

    /** Filtered-stream rules the app may hold; an add beyond gets 403 RulesCapExceeded. Default 1,000 (pay-per-use, no tier named); 25,000 on Enterprise. */
    public int v2MaxRules() {
        return v2MaxRules;
    }

    /** The longest rule value accepted, in characters. Default 1,024 (pay-per-use, no tier named); 2,048 on Enterprise. */
    public int v2MaxRuleLength() {
        return v2MaxRuleLength;
    }

    /**
     * Tweets that may wait to be written to one v2 connection whose client reads slower than they come; once as
     * many wait, a new tweet is dropped for that connection (counted in {@link ConnectionInfo#tweetsDropped()}),
     * so that a slow client holds up neither the endpoint's source nor its other connections. Default 5,000.
     */
    public int v2ConnectionBacklog() {
        return v2ConnectionBacklog;
    }

    /**
     * Tweets each v2 endpoint keeps (of the last five minutes) for X's {@code backfill_minutes}; a connection that asks
     * for backfill gets those of its minutes first. 0 keeps none. Default 10,000.
     */
    public int v2BackfillLimit() {
        return v2BackfillLimit;
    }

    /**
     * A burst starts every this long on each stream (measured from its start; on v2, from the first connection
     * opened while none were); ZERO = never. Default ZERO.
     */
    public Duration burstEvery() {
        return burstEvery;
    }

    /** How long a burst lasts. Default 5 s. */
    public Duration burstLength() {
        return burstLength;
    }

    /** The rate during a burst is {@link #tweetsPerSecond()} times this. Default 4. */
    public double burstFactor() {
        return burstFactor;
    }

    /** Share of posts longer than 280 characters: v2 sends a cut {@code text} and the whole in {@code note_tweet}, v1.1 the whole in {@code extended_tweet.full_text}. Default 0.02. */
    public double longPostRatio() {
        return longPostRatio;
    }

    /** Share of texts holding {@code &}, {@code <} or {@code >}, which both APIs send escaped ({@code &amp;}, {@code &lt;}, {@code &gt;}), entity indices counted on the escaped text; rules match the text as written. Default 0.05. */
    public double htmlEntityRatio() {
        return htmlEntityRatio;
    }

    /** Share of posts with media (photos, a video or a GIF): v2 {@code attachments.media_keys} and {@code includes.media}, the link in {@code entities.urls} with its {@code media_key}; v1.1 {@code entities.media} and {@code extended_entities.media}. Default 0.15. */
    public double mediaRatio() {
        return mediaRatio;
    }

    /** Share of posts (without media) with a poll: v2 {@code attachments.poll_ids} and {@code includes.polls}; v1.1 {@code entities.polls}, as Twitter's enterprise format. Default 0.01. */
    public double pollRatio() {
        return pollRatio;
    }

    /** Share of editable posts (originals and quotes, not replies or polls) that are an edited version: a new id, the earlier ones in v2 {@code edit_history_tweet_ids} (oldest first) and v1.1 {@code edit_history}. Default 0.02. */
    public double editedRatio() {
        return editedRatio;
    }

    /** Share of posts with a link or media marked {@code possibly_sensitive}. Default 0.05. */
    public double sensitiveRatio() {
        return sensitiveRatio;
    }

    /** Share of posts withheld in some countries: v2 {@code withheld}, v1.1 {@code withheld_in_countries}. Default 0.005. */
    public double withheldRatio() {
        return withheldRatio;
    }

    /** v2: share of retweets and quotes whose referenced post X cannot include: still in {@code referenced_tweets}, missing from {@code includes.tweets}, reported in {@code errors}. Default 0.01. */
    public double unavailableReferenceRatio() {
        return unavailableReferenceRatio;
    }

    /** v2: share of retweets and quotes whose referenced post is included but its author is not (an error for {@code referenced_tweets.id.author_id}). Default 0: X rarely does this, and a client that needs the author must skip such posts. */
    public double missingReferencedAuthorRatio() {
        return missingReferencedAuthorRatio;
    }

    /** v2: share of replies whose parent post is included in {@code includes.tweets} (the others get a Not Found error, as a deleted or protected parent). Default 0.8. */
    public double replyParentIncludedRatio() {
        return replyParentIncludedRatio;
    }

    /** A v1.1 {@code status_withheld} notice for a status sent earlier follows every n-th status of a stream; 0 = never. Default 0. */
    public int statusWithheldEvery() {
        return statusWithheldEvery;
    }

    /** A v1.1 {@code user_withheld} notice for an author sent earlier follows every n-th status of a stream; 0 = never. Default 0. */
    public int userWithheldEvery() {
        return userWithheldEvery;
    }

    /** A v1.1 {@code scrub_geo} notice for an author sent earlier follows every n-th status of a stream; 0 = never. Default 0. */
    public int scrubGeoEvery() {
        return scrubGeoEvery;
    }

    /** A v1.1 stall warning ({@code FALLING_BEHIND}) follows every n-th status of a stream whose client asked for {@code stall_warnings=true}; 0 = never. Default 0. */
    public int stallWarningEvery() {
        return stallWarningEvery;
    }

    /** The recorded stream served instead of generated tweets on its API's streams; {@code null} (default) for none. */
    public Replay replay() {
        return replay;
    }

    /** The payload shapes, for the generator. */
    io.tweetstream.simulator.generate.PayloadShapes payloadShapes() {
        return new io.tweetstream.simulator.generate.PayloadShapes(longPostRatio, htmlEntityRatio, mediaRatio,
                pollRatio, editedRatio, sensitiveRatio, withheldRatio, unavailableReferenceRatio,
                missingReferencedAuthorRatio, replyParentIncludedRatio);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The address to listen on. Default 127.0.0.1: the simulator is a test tool, reachable from this
     * machine only; 0.0.0.0 serves other machines or containers too.
     */
    public String bindAddress() {
        return bindAddress;
    }

    /** TCP port on {@link #bindAddress()}; 0 picks a free one (see {@link StreamSimulator#port()}). Default 0. */
    public int port() {
        return port;
    }

    /**
     * A PKCS12 keystore with the key and certificate to serve HTTPS with, as X does; null (the
     * default) serves plain HTTP.
     */
    public Path tlsKeyStore() {
        return tlsKeyStore;
    }

    /** The password of {@link #tlsKeyStore()} and of its key. */
    public String tlsKeyStorePassword() {
        return tlsKeyStorePassword;
    }

    /** Seed of the tweet generator: the same seed gives the same tweets on the n-th stream. Default 42. */
    public long seed() {
        return seed;
    }

    /**
     * Statuses per second on each v1.1 stream, and on each v2 endpoint (filtered, sample), whose connections all
     * get the same tweets. Default 20.
     */
    public double tweetsPerSecond() {
        return tweetsPerSecond;
    }

    /**
     * Posts per second of X's firehose, all its 20 partitions together (bursts apply, as to the other streams:
     * {@link Builder#bursts}); sample10 carries a tenth of them. Default 6,000, X's platform average. The volume streams
     * make their Posts from the first connection to one of them (or to a Likes stream, whose Likes are of these
     * Posts) to the simulator's end, whether or not a partition is read.
     */
    public double firehoseTweetsPerSecond() {
        return firehoseTweetsPerSecond;
    }

    /**
     * Likes per second of X's Likes firehose, all its 20 partitions together (no bursts); the Likes sample10 carries a
     * tenth of them. Each is a Like of a Post of the firehose's world, made from the moment that world starts (the
     * first connection to a volume or Likes stream) whether or not a Likes stream is read. 0 for none but those a
     * test makes ({@link StreamSimulator#like(long)}). Default 50.
     */
    public double likesPerSecond() {
        return likesPerSecond;
    }

    /**
     * Statuses after which a stream (a v2 connection, on its own) only sends keep-alives. Default
     * {@link Long#MAX_VALUE}.
     */
    public long maxTweetsPerConnection() {
        return maxTweetsPerConnection;
    }

    /** Silence after which a bare CRLF is sent on v1.1 streams. Default 30 s, as Twitter v1.1 (v2: {@link #v2KeepAliveInterval()}). */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /** A delete notice follows every n-th status of a stream; 0 = never. Default 0. */
    public int deleteEvery() {
        return deleteEvery;
    }

    /** A limit notice follows every n-th status of a stream; 0 = never. Default 0. */
    public int limitEvery() {
        return limitEvery;
    }

    /** Share of statuses (and of retweeted or quoted originals) longer than 140 characters. Default 0.3. */
    public double extendedRatio() {
        return extendedRatio;
    }

    /** Share of statuses that are retweets. Default 0.2. */
    public double retweetRatio() {
        return retweetRatio;
    }

    /** Share of statuses that quote another. Default 0.1. */
    public double quoteRatio() {
        return quoteRatio;
    }

    /** OAuth consumer keys let in; empty lets in any request that carries an OAuth header. Default empty. */
    public Set<String> acceptedConsumerKeys() {
        return acceptedConsumerKeys;
    }

    /**
     * How many sent tweets, deletes and limit notices (each) the simulator remembers for
     * {@link StreamSimulator#sentTweets()} and friends; older ones are forgotten, so a long demo run
     * does not grow without bound. Default 10,000.
     */
    public int sentHistoryLimit() {
        return sentHistoryLimit;
    }

    @Override
    public String toString() {
        return "SimulatorSettings{bindAddress=" + bindAddress + ", port=" + port + ", seed=" + seed + ", tweetsPerSecond=" + tweetsPerSecond
                + ", firehoseTweetsPerSecond=" + firehoseTweetsPerSecond + ", likesPerSecond=" + likesPerSecond
                + ", maxTweetsPerConnection=" + maxTweetsPerConnection + ", keepAliveInterval=" + keepAliveInterval
                + ", deleteEvery=" + deleteEvery + ", limitEvery=" + limitEvery + ", extendedRatio=" + extendedRatio
                + ", retweetRatio=" + retweetRatio + ", quoteRatio=" + quoteRatio
                + ", acceptedConsumerKeys=" + acceptedConsumerKeys.size() + " key(s)"
                + ", sentHistoryLimit=" + sentHistoryLimit
                + ", acceptedBearerTokens=" + acceptedBearerTokens.size() + " token(s)"
                + ", v2MaxConnections=" + v2MaxConnections + ", v2MaxRules=" + v2MaxRules
                + ", v2MaxRuleLength=" + v2MaxRuleLength + ", v2ConnectionBacklog=" + v2ConnectionBacklog
                + ", v2BackfillLimit=" + v2BackfillLimit + ", tier=" + tier + ", v2KeepAliveInterval=" + v2KeepAliveInterval
                + ", v2ConnectsPerWindow=" + v2ConnectsPerWindow + ", searchRequestsPerWindow=" + searchRequestsPerWindow
                + ", rateLimitWindow=" + rateLimitWindow + ", continuousTweets=" + continuousTweets
                + ", historyLimit=" + historyLimit + ", deliveryDelay=" + deliveryDelay
                + (creditPosts == Long.MAX_VALUE ? "" : ", creditPosts=" + creditPosts)
                + ", monthlyPostCap=" + monthlyPostCap + ", capResetDay=" + capResetDay
                + ", compliance delete/edit/withhold=" + complianceDeleteFraction + "/" + complianceEditFraction + "/"
                + complianceWithholdFraction + " after " + complianceDelay
                + ", complianceJobProcessing=" + complianceJobProcessing
                + ", complianceJobUploadWindow=" + complianceJobUploadWindow
                + ", complianceJobMaxUploadBytes=" + complianceJobMaxUploadBytes
                + ", shapes=" + payloadShapes()
                + (replay == null ? "" : ", " + replay)
                + (burstEvery.isZero() ? "" : ", bursts x" + burstFactor + " for " + burstLength + " every " + burstEvery)
                + "}";
    }

    /** Collects settings; {@link #build()} checks them all and names the first bad one. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = 0;
        private Path tlsKeyStore;
        private String tlsKeyStorePassword;
        private long seed = 42L;
        private double tweetsPerSecond = 20.0;
        private double firehoseTweetsPerSecond = 6_000.0;
        private double likesPerSecond = 50.0;
        private long maxTweetsPerConnection = Long.MAX_VALUE;
        private Duration keepAliveInterval = Duration.ofSeconds(30);
        private int deleteEvery = 0;
        private int limitEvery = 0;
        private double extendedRatio = 0.3;
        private double retweetRatio = 0.2;
        private double quoteRatio = 0.1;
        private Set<String> acceptedConsumerKeys = Set.of();
        private int sentHistoryLimit = 10_000;
        private Duration burstEvery = Duration.ZERO;
        private Duration burstLength = Duration.ofSeconds(5);
        private double burstFactor = 4.0;
        private Set<String> acceptedBearerTokens = Set.of();
        private Integer v2MaxConnections;
        private Integer v2MaxRules;
        private Integer v2MaxRuleLength;
        private Integer v2ConnectsPerWindow;
        private Tier tier;
        private Duration keepAliveIntervalSet;
        private Duration v2KeepAliveInterval;
        private int searchRequestsPerWindow = 450;
        private Duration rateLimitWindow = Duration.ofMinutes(15);
        private boolean continuousTweets;
        private int historyLimit = 100_000;
        private double recoveryTweetsPerSecond;
        private DeliveryDelay deliveryDelay = DeliveryDelay.none();
        private long creditPosts = Long.MAX_VALUE;
        private long monthlyPostCap = 3_000_000;
        private int capResetDay = 1;
        private double complianceDeleteFraction = 0.01;
        private double complianceEditFraction = 0.002;
        private double complianceWithholdFraction = 0.001;
        private Duration complianceDelay = Duration.ofSeconds(5);
        private Duration complianceJobProcessing = Duration.ofSeconds(5);
        private Duration complianceJobUploadWindow = Duration.ofMinutes(15);
        private long complianceJobMaxUploadBytes = 128_000_000L;
        private int v2ConnectionBacklog = 5_000;
        private int v2BackfillLimit = 10_000;
        private double longPostRatio = 0.02;
        private double htmlEntityRatio = 0.05;
        private double mediaRatio = 0.15;
        private double pollRatio = 0.01;
        private double editedRatio = 0.02;
        private double sensitiveRatio = 0.05;
        private double withheldRatio = 0.005;
        private double unavailableReferenceRatio = 0.01;
        private double missingReferencedAuthorRatio = 0.0;
        private double replyParentIncludedRatio = 0.8;
        private int statusWithheldEvery = 0;
        private int userWithheldEvery = 0;
        private int scrubGeoEvery = 0;
        private int stallWarningEvery = 0;
        private Replay replay;

        private Builder() {
        }

        /** See {@link SimulatorSettings#complianceDeleteFraction()}. */
        public Builder complianceDeleteFraction(double complianceDeleteFraction) {
            this.complianceDeleteFraction = complianceDeleteFraction;
            return this;
        }

        /** See {@link SimulatorSettings#complianceEditFraction()}. */
        public Builder complianceEditFraction(double complianceEditFraction) {
            this.complianceEditFraction = complianceEditFraction;
            return this;
        }

        /** See {@link SimulatorSettings#complianceWithholdFraction()}. */
        public Builder complianceWithholdFraction(double complianceWithholdFraction) {
            this.complianceWithholdFraction = complianceWithholdFraction;
            return this;
        }

        /**
         * No automatic compliance events: only those a test makes ({@code deletePost}, {@code deleteUser},
         * {@code unlike} and friends; the User and Likes compliance streams have no automatic events anyway).
         */
        public Builder noAutomaticCompliance() {
            complianceDeleteFraction = 0;
            complianceEditFraction = 0;
            complianceWithholdFraction = 0;
            return this;
        }

        /** See {@link SimulatorSettings#complianceDelay()}. */
        public Builder complianceDelay(Duration complianceDelay) {
            this.complianceDelay = Objects.requireNonNull(complianceDelay, "complianceDelay");
            return this;
        }

        /** See {@link SimulatorSettings#complianceJobProcessing()}. */
        public Builder complianceJobProcessing(Duration complianceJobProcessing) {
            this.complianceJobProcessing = Objects.requireNonNull(complianceJobProcessing, "complianceJobProcessing");
            return this;
        }

        /** See {@link SimulatorSettings#complianceJobUploadWindow()}. */
        public Builder complianceJobUploadWindow(Duration complianceJobUploadWindow) {
            this.complianceJobUploadWindow = Objects.requireNonNull(complianceJobUploadWindow,
                    "complianceJobUploadWindow");
            return this;
        }

        /** See {@link SimulatorSettings#complianceJobMaxUploadBytes()}. */
        public Builder complianceJobMaxUploadBytes(long complianceJobMaxUploadBytes) {
            this.complianceJobMaxUploadBytes = complianceJobMaxUploadBytes;
            return this;
        }

        /** The project's access; sets the defaults of the limits it implies (see {@link Tier}). */
        public Builder tier(Tier tier) {
            this.tier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /** Silence after which a v2 stream sends a keep-alive; see {@link SimulatorSettings#v2KeepAliveInterval()}. */
        public Builder v2KeepAliveInterval(Duration v2KeepAliveInterval) {
            this.v2KeepAliveInterval = Objects.requireNonNull(v2KeepAliveInterval, "v2KeepAliveInterval");
            return this;
        }

        /** Stream requests per window; 0 = unlimited. See {@link SimulatorSettings#v2ConnectsPerWindow()}. */
        public Builder v2ConnectsPerWindow(int v2ConnectsPerWindow) {
            this.v2ConnectsPerWindow = v2ConnectsPerWindow;
            return this;
        }

        /** Recent-search requests per window. See {@link SimulatorSettings#searchRequestsPerWindow()}. */
        public Builder searchRequestsPerWindow(int searchRequestsPerWindow) {
            this.searchRequestsPerWindow = searchRequestsPerWindow;
            return this;
        }

        /** The length of the rate-limit windows. See {@link SimulatorSettings#rateLimitWindow()}. */
        public Builder rateLimitWindow(Duration rateLimitWindow) {
            this.rateLimitWindow = Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
            return this;
        }

        /** Tweets made whether or not a client is connected. See {@link SimulatorSettings#continuousTweets()}. */
        public Builder continuousTweets(boolean continuousTweets) {
            this.continuousTweets = continuousTweets;
            return this;
        }

        /** Filtered-stream tweets remembered. See {@link SimulatorSettings#historyLimit()}. */
        public Builder historyLimit(int historyLimit) {
            this.historyLimit = historyLimit;
            return this;
        }

        /** Post reads the prepaid credit pays for. See {@link SimulatorSettings#creditPosts()}. */
        public Builder creditPosts(long creditPosts) {
            this.creditPosts = creditPosts;
            return this;
        }

        /** Post reads billed per cap period at most. See {@link SimulatorSettings#monthlyPostCap()}. */
        public Builder monthlyPostCap(long monthlyPostCap) {
            this.monthlyPostCap = monthlyPostCap;
            return this;
        }

        /** The day of the month the cap period starts. See {@link SimulatorSettings#capResetDay()}. */
        public Builder capResetDay(int capResetDay) {
            this.capResetDay = capResetDay;
            return this;
        }

        /** The pace of Recovery streams; 0 = unlimited. See {@link SimulatorSettings#recoveryTweetsPerSecond()}. */
        public Builder recoveryTweetsPerSecond(double recoveryTweetsPerSecond) {
            this.recoveryTweetsPerSecond = recoveryTweetsPerSecond;
            return this;
        }

        /** The delay from a tweet's creation to its delivery. See {@link SimulatorSettings#deliveryDelay()}. */
        public Builder deliveryDelay(DeliveryDelay deliveryDelay) {
            this.deliveryDelay = Objects.requireNonNull(deliveryDelay, "deliveryDelay");
            return this;
        }

        public Builder acceptedBearerTokens(Set<String> acceptedBearerTokens) {
            this.acceptedBearerTokens = Objects.requireNonNull(acceptedBearerTokens, "acceptedBearerTokens");
            return this;
        }

        public Builder v2MaxConnections(int v2MaxConnections) {
            this.v2MaxConnections = v2MaxConnections;
            return this;
        }

        public Builder v2MaxRules(int v2MaxRules) {
            this.v2MaxRules = v2MaxRules;
            return this;
        }

        public Builder v2MaxRuleLength(int v2MaxRuleLength) {
            this.v2MaxRuleLength = v2MaxRuleLength;
            return this;
        }

        public Builder v2ConnectionBacklog(int v2ConnectionBacklog) {
            this.v2ConnectionBacklog = v2ConnectionBacklog;
            return this;
        }

        public Builder v2BackfillLimit(int v2BackfillLimit) {
            this.v2BackfillLimit = v2BackfillLimit;
            return this;
        }

        /** Bursts of {@code factor} times the rate, {@code length} long, every {@code every}. */
        public Builder bursts(Duration every, Duration length, double factor) {
            this.burstEvery = Objects.requireNonNull(every, "every");
            this.burstLength = Objects.requireNonNull(length, "length");
            this.burstFactor = factor;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder tweetsPerSecond(double tweetsPerSecond) {
            this.tweetsPerSecond = tweetsPerSecond;
            return this;
        }

        /** The firehose's rate, all partitions together. See {@link SimulatorSettings#firehoseTweetsPerSecond()}. */
        public Builder firehoseTweetsPerSecond(double firehoseTweetsPerSecond) {
            this.firehoseTweetsPerSecond = firehoseTweetsPerSecond;
            return this;
        }

        /** The Likes firehose's rate, 0 for none made automatically. See {@link SimulatorSettings#likesPerSecond()}. */
        public Builder likesPerSecond(double likesPerSecond) {
            this.likesPerSecond = likesPerSecond;
            return this;
        }

        public Builder maxTweetsPerConnection(long maxTweetsPerConnection) {
            this.maxTweetsPerConnection = maxTweetsPerConnection;
            return this;
        }

        /** The v1.1 keep-alive interval, and the v2 one unless {@link #v2KeepAliveInterval} is called. */
        public Builder keepAliveInterval(Duration keepAliveInterval) {
            this.keepAliveInterval = Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
            this.keepAliveIntervalSet = keepAliveInterval;
            return this;
        }

        public Builder deleteEvery(int deleteEvery) {
            this.deleteEvery = deleteEvery;
            return this;
        }

        public Builder limitEvery(int limitEvery) {
            this.limitEvery = limitEvery;
            return this;
        }

        public Builder extendedRatio(double extendedRatio) {
            this.extendedRatio = extendedRatio;
            return this;
        }

        public Builder retweetRatio(double retweetRatio) {
            this.retweetRatio = retweetRatio;
            return this;
        }

        public Builder quoteRatio(double quoteRatio) {
            this.quoteRatio = quoteRatio;
            return this;
        }

        public Builder acceptedConsumerKeys(Set<String> acceptedConsumerKeys) {
            this.acceptedConsumerKeys = Objects.requireNonNull(acceptedConsumerKeys, "acceptedConsumerKeys");
            return this;
        }

        public Builder sentHistoryLimit(int sentHistoryLimit) {
            this.sentHistoryLimit = sentHistoryLimit;
            return this;
        }

        public Builder longPostRatio(double longPostRatio) {
            this.longPostRatio = longPostRatio;
            return this;
        }

        public Builder htmlEntityRatio(double htmlEntityRatio) {
            this.htmlEntityRatio = htmlEntityRatio;
            return this;
        }

        public Builder mediaRatio(double mediaRatio) {
            this.mediaRatio = mediaRatio;
            return this;
        }

        public Builder pollRatio(double pollRatio) {
            this.pollRatio = pollRatio;
            return this;
        }

        public Builder editedRatio(double editedRatio) {
            this.editedRatio = editedRatio;
            return this;
        }

        public Builder sensitiveRatio(double sensitiveRatio) {
            this.sensitiveRatio = sensitiveRatio;
            return this;
        }

        public Builder withheldRatio(double withheldRatio) {
            this.withheldRatio = withheldRatio;
            return this;
        }

        public Builder unavailableReferenceRatio(double unavailableReferenceRatio) {
            this.unavailableReferenceRatio = unavailableReferenceRatio;
            return this;
        }

        public Builder missingReferencedAuthorRatio(double missingReferencedAuthorRatio) {
            this.missingReferencedAuthorRatio = missingReferencedAuthorRatio;
            return this;
        }

        public Builder replyParentIncludedRatio(double replyParentIncludedRatio) {
            this.replyParentIncludedRatio = replyParentIncludedRatio;
            return this;
        }

        public Builder statusWithheldEvery(int statusWithheldEvery) {
            this.statusWithheldEvery = statusWithheldEvery;
            return this;
        }

        public Builder userWithheldEvery(int userWithheldEvery) {
            this.userWithheldEvery = userWithheldEvery;
            return this;
        }

        public Builder scrubGeoEvery(int scrubGeoEvery) {
            this.scrubGeoEvery = scrubGeoEvery;
            return this;
        }

        public Builder stallWarningEvery(int stallWarningEvery) {
            this.stallWarningEvery = stallWarningEvery;
            return this;
        }

        /**
         * None of the payload shapes beyond text, retweets, quotes and replies: no long posts, escaped characters,
         * media, polls, edits, sensitive or withheld posts, unavailable references or included reply parents. Other
         * settings called after this one turn single shapes back on.
         */
        public Builder plainPayloads() {
            longPostRatio = 0;
            htmlEntityRatio = 0;
            mediaRatio = 0;
            pollRatio = 0;
            editedRatio = 0;
            sensitiveRatio = 0;
            withheldRatio = 0;
            unavailableReferenceRatio = 0;
            missingReferencedAuthorRatio = 0;
            replyParentIncludedRatio = 0;
            return this;
        }

        /** Serves this recording instead of generated tweets on its API's streams; {@code null} for none. */
        public Builder replay(Replay replay) {
            this.replay = replay;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is out of range */
        /** Serves HTTPS with the key and certificate of a PKCS12 keystore (its password also the key's). */
        public Builder tls(Path keyStore, String password) {
            this.tlsKeyStore = keyStore;
            this.tlsKeyStorePassword = password;
            return this;
        }

        public SimulatorSettings build() {
            validate();
            return new SimulatorSettings(this);
        }

        // The tier's defaults where no explicit value was given. No tier named: Enterprise's features with the
        // limits the simulator had before tiers, so that existing tests see what they always saw.

        private int resolvedMaxConnections() {
            return v2MaxConnections != null ? v2MaxConnections : tier == Tier.ENTERPRISE ? 2 : 1;
        }

        private int resolvedMaxRules() {
            return v2MaxRules != null ? v2MaxRules : tier == Tier.ENTERPRISE ? 25_000 : 1_000;
        }

        private int resolvedMaxRuleLength() {
            return v2MaxRuleLength != null ? v2MaxRuleLength : tier == Tier.ENTERPRISE ? 2_048 : 1_024;
        }

        private int resolvedConnectsPerWindow() {
            return v2ConnectsPerWindow != null ? v2ConnectsPerWindow : tier == Tier.PAY_PER_USE ? 50 : 0;
        }

        private Duration resolvedV2KeepAlive() {
            return v2KeepAliveInterval != null ? v2KeepAliveInterval
                    : keepAliveIntervalSet != null ? keepAliveIntervalSet : Duration.ofSeconds(20);
        }

        private void validate() {
            require(port >= 0 && port <= 65_535, "port must be in [0, 65535], was " + port);
            require(tweetsPerSecond > 0 && tweetsPerSecond <= MAX_TWEETS_PER_SECOND,
                    "tweetsPerSecond must be in (0, " + MAX_TWEETS_PER_SECOND + "], was " + tweetsPerSecond);
            require(firehoseTweetsPerSecond > 0 && firehoseTweetsPerSecond <= MAX_TWEETS_PER_SECOND,
                    "firehoseTweetsPerSecond must be in (0, " + MAX_TWEETS_PER_SECOND + "], was "
                            + firehoseTweetsPerSecond);
            require(likesPerSecond >= 0 && likesPerSecond <= MAX_TWEETS_PER_SECOND,
                    "likesPerSecond must be in [0, " + MAX_TWEETS_PER_SECOND + "] (0 = none), was " + likesPerSecond);
            require(maxTweetsPerConnection >= 0, "maxTweetsPerConnection must be >= 0, was " + maxTweetsPerConnection);
            require(keepAliveInterval.toMillis() >= 1, "keepAliveInterval must be at least 1 ms, was " + keepAliveInterval);
            require(deleteEvery >= 0, "deleteEvery must be >= 0 (0 = never), was " + deleteEvery);
            require(limitEvery >= 0, "limitEvery must be >= 0 (0 = never), was " + limitEvery);
            requireRatio("extendedRatio", extendedRatio);
            requireRatio("retweetRatio", retweetRatio);
            requireRatio("quoteRatio", quoteRatio);
            requireRatio("longPostRatio", longPostRatio);
            requireRatio("htmlEntityRatio", htmlEntityRatio);
            requireRatio("mediaRatio", mediaRatio);
            requireRatio("pollRatio", pollRatio);
            requireRatio("editedRatio", editedRatio);
            requireRatio("sensitiveRatio", sensitiveRatio);
            requireRatio("withheldRatio", withheldRatio);
            requireRatio("unavailableReferenceRatio", unavailableReferenceRatio);
            requireRatio("missingReferencedAuthorRatio", missingReferencedAuthorRatio);
            requireRatio("replyParentIncludedRatio", replyParentIncludedRatio);
            requireRatio("complianceDeleteFraction", complianceDeleteFraction);
            requireRatio("complianceEditFraction", complianceEditFraction);
            requireRatio("complianceWithholdFraction", complianceWithholdFraction);
            require(complianceDeleteFraction + complianceEditFraction + complianceWithholdFraction <= 1.0,
                    "complianceDeleteFraction + complianceEditFraction + complianceWithholdFraction must be <= 1, was "
                            + (complianceDeleteFraction + complianceEditFraction + complianceWithholdFraction));
            require(!complianceDelay.isNegative(), "complianceDelay must be >= 0, was " + complianceDelay);
            require(!complianceJobProcessing.isNegative(), "complianceJobProcessing must be >= 0, was "
                    + complianceJobProcessing);
            require(complianceJobUploadWindow.toMillis() >= 1, "complianceJobUploadWindow must be at least 1 ms, was "
                    + complianceJobUploadWindow);
            require(complianceJobMaxUploadBytes >= 1, "complianceJobMaxUploadBytes must be >= 1, was "
                    + complianceJobMaxUploadBytes);
            require(statusWithheldEvery >= 0, "statusWithheldEvery must be >= 0 (0 = never), was " + statusWithheldEvery);
            require(userWithheldEvery >= 0, "userWithheldEvery must be >= 0 (0 = never), was " + userWithheldEvery);
            require(scrubGeoEvery >= 0, "scrubGeoEvery must be >= 0 (0 = never), was " + scrubGeoEvery);
            require(stallWarningEvery >= 0, "stallWarningEvery must be >= 0 (0 = never), was " + stallWarningEvery);
            require(retweetRatio + quoteRatio <= 1.0,
                    "retweetRatio + quoteRatio must be <= 1, was " + (retweetRatio + quoteRatio));
            require(acceptedConsumerKeys.stream().noneMatch(key -> key == null || key.isBlank()),
                    "acceptedConsumerKeys must not contain blank keys");
            require(acceptedBearerTokens.stream().noneMatch(token -> token == null || token.isBlank()),
                    "acceptedBearerTokens must not contain blank tokens");
            require(resolvedMaxConnections() >= 1, "v2MaxConnections must be >= 1, was " + resolvedMaxConnections());
            require(resolvedMaxRules() >= 1, "v2MaxRules must be >= 1, was " + resolvedMaxRules());
            require(resolvedMaxRuleLength() >= 1, "v2MaxRuleLength must be >= 1, was " + resolvedMaxRuleLength());
            require(v2ConnectionBacklog >= 1, "v2ConnectionBacklog must be >= 1, was " + v2ConnectionBacklog);
            require(v2BackfillLimit >= 0, "v2BackfillLimit must be >= 0, was " + v2BackfillLimit);
            require(sentHistoryLimit >= 0, "sentHistoryLimit must be >= 0, was " + sentHistoryLimit);
            require(!burstEvery.isNegative() && !burstLength.isNegative() && burstFactor > 0
                    && (burstEvery.isZero() || Math.max(tweetsPerSecond, firehoseTweetsPerSecond) * burstFactor
                    <= MAX_TWEETS_PER_SECOND),
                    "bursts need a non-negative period and length and a factor > 0 that keeps the rate under "
                            + MAX_TWEETS_PER_SECOND);
            require(resolvedV2KeepAlive().toMillis() >= 1, "v2KeepAliveInterval must be at least 1 ms, was "
                    + resolvedV2KeepAlive());
            require(resolvedConnectsPerWindow() >= 0, "v2ConnectsPerWindow must be >= 0 (0 = unlimited), was "
                    + resolvedConnectsPerWindow());
            require(searchRequestsPerWindow >= 1, "searchRequestsPerWindow must be >= 1, was " + searchRequestsPerWindow);
            require(rateLimitWindow.toMillis() >= 1, "rateLimitWindow must be at least 1 ms, was " + rateLimitWindow);
            require(historyLimit >= 0, "historyLimit must be >= 0, was " + historyLimit);
            require(creditPosts >= 0, "creditPosts must be >= 0, was " + creditPosts);
            require(monthlyPostCap >= 0, "monthlyPostCap must be >= 0, was " + monthlyPostCap);
            require(capResetDay >= 1 && capResetDay <= 31, "capResetDay must be in [1, 31], was " + capResetDay);
            require(recoveryTweetsPerSecond >= 0 && recoveryTweetsPerSecond <= MAX_TWEETS_PER_SECOND,
                    "recoveryTweetsPerSecond must be in [0, " + MAX_TWEETS_PER_SECOND + "] (0 = unlimited), was "
                            + recoveryTweetsPerSecond);
        }

        private static void requireRatio(String name, double value) {
            require(value >= 0.0 && value <= 1.0, name + " must be in [0, 1], was " + value);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
