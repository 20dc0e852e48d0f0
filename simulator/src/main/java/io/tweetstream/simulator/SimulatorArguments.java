package io.tweetstream.simulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * Reads {@link SimulatorMain}'s command line into settings, with picocli ({@code --name value} or
 * {@code --name=value}). Options left out keep {@link SimulatorSettings}' defaults, except the few
 * below that suit a program run by hand better, and those that make it behave as X does (pay-per-use, continuous
 * tweets, X's delivery delays).
 */
final class SimulatorArguments {

    /** Main's own defaults: the demo port, and little history since nobody in-process reads it. */
    static final int DEFAULT_PORT = 8080;
    static final double DEFAULT_RATE = 20.0;
    static final int HISTORY_LIMIT = 1_000;

    /** The outcome: either a request for help or settings to run with. */
    record Parsed(boolean help, SimulatorSettings settings) {
    }

    /** The options as picocli fills them; null where not given, so that the settings' defaults apply. */
    @Command(name = "java -jar tweetstream-simulator-all.jar", abbreviateSynopsis = true, sortOptions = false, usageHelpWidth = 100,
            description = {"Serves imitations of Twitter's v1.1 streaming API (POST /1.1/statuses/filter.json)",
                    "and of X's API v2 filtered stream (GET /2/tweets/search/stream, its rules at",
                    "/2/tweets/search/stream/rules), sample stream (GET /2/tweets/sample/stream) and Enterprise's",
                    "partitioned firehose (GET /2/tweets/firehose/stream?partition=1..20) and sample10",
                    "(GET /2/tweets/sample10/stream?partition=1..2), its Likes streams",
                    "(GET /2/likes/firehose/stream?partition=1..20, GET /2/likes/sample10/stream?partition=1..2),",
                    "and its compliance streams (GET /2/tweets/compliance/stream?partition=1..4,",
                    "GET /2/users/compliance/stream?partition=1..4, GET /2/likes/compliance/stream)."},
            optionListHeading = "%nOptions:%n")
    static final class Options {
        @Option(names = "--bind", paramLabel = "ADDRESS", description = "address to listen on, 0.0.0.0 for all (default 127.0.0.1)")
        String bind;
        @Option(names = "--port", paramLabel = "N", description = "TCP port, 0 for any free one (default 8080)")
        int port = DEFAULT_PORT;
        @Option(names = "--tls-keystore", paramLabel = "FILE",
                description = "serve HTTPS with the key and certificate of this PKCS12 keystore (default: plain HTTP)")
        java.nio.file.Path tlsKeyStore;
        @Option(names = "--tls-keystore-password", paramLabel = "PASSWORD", description = "the keystore's password (and its key's)")
        String tlsKeyStorePassword;
        @Option(names = "--rate", paramLabel = "R", description = "statuses per second on each stream (default 20)")
        double rate = DEFAULT_RATE;
        @Option(names = "--firehose-rate", paramLabel = "R",
                description = "v2 firehose: Posts per second over all 20 partitions; sample10 gets a tenth (default 6000)")
        Double firehoseRate;
        @Option(names = "--likes-rate", paramLabel = "R",
                description = "v2 Likes firehose: Likes per second over all 20 partitions, 0 = none; sample10 gets a tenth"
                        + " (default 50)")
        Double likesRate;
        @Option(names = "--seed", paramLabel = "S", description = "seed of the tweet generator (default 42)")
        Long seed;
        @Option(names = "--max-tweets", paramLabel = "N", description = "statuses per stream, then only keep-alives (default: no limit)")
        Long maxTweets;
        @Option(names = "--keep-alive-ms", paramLabel = "N", description = "silence before a keep-alive CRLF, in ms, v1.1 and v2 (default 30000; v2 20000)")
        Long keepAliveMs;
        @Option(names = "--delete-every", paramLabel = "N", description = "a delete notice after every N-th status, 0 = never (default 0)")
        Integer deleteEvery;
        @Option(names = "--limit-every", paramLabel = "N", description = "a limit notice after every N-th status, 0 = never (default 0)")
        Integer limitEvery;
        @Option(names = "--consumer-key", paramLabel = "KEY",
                description = "accept only this OAuth consumer key; repeat for several (default: any)")
        List<String> consumerKeys = List.of();
        @Option(names = "--burst-every-s", paramLabel = "N",
                description = "a burst of 4x the rate for 5 s every N seconds on each stream (default: none)")
        Long burstEverySeconds;
        @Option(names = "--bearer-token", paramLabel = "TOKEN",
                description = "v2: accept only this bearer token; repeat for several (default: any)")
        List<String> bearerTokens = List.of();
        @Option(names = "--v2-max-connections", paramLabel = "N",
                description = "v2: concurrent connections per stream endpoint, one more gets 429 (default 1)")
        Integer v2MaxConnections;
        @Option(names = "--v2-max-rules", paramLabel = "N", description = "v2: filtered-stream rules the app may hold (default 1000)")
        Integer v2MaxRules;
        @Option(names = "--v2-max-rule-length", paramLabel = "N", description = "v2: longest rule, in characters (default 1024)")
        Integer v2MaxRuleLength;
        @Option(names = "--v2-backfill-limit", paramLabel = "N",
                description = "v2: tweets kept (5 minutes at most) for backfill_minutes, 0 = none (default 10000)")
        Integer v2BackfillLimit;
        @Option(names = "--long-post-ratio", paramLabel = "R", description = "share of posts over 280 characters (v2 note_tweet), 0 to 1 (default 0.02)")
        Double longPostRatio;
        @Option(names = "--html-entity-ratio", paramLabel = "R", description = "share of texts with & < > sent escaped, 0 to 1 (default 0.05)")
        Double htmlEntityRatio;
        @Option(names = "--media-ratio", paramLabel = "R", description = "share of posts with photos, a video or a GIF, 0 to 1 (default 0.15)")
        Double mediaRatio;
        @Option(names = "--poll-ratio", paramLabel = "R", description = "share of posts with a poll, 0 to 1 (default 0.01)")
        Double pollRatio;
        @Option(names = "--edited-ratio", paramLabel = "R", description = "share of editable posts that are an edited version, 0 to 1 (default 0.02)")
        Double editedRatio;
        @Option(names = "--sensitive-ratio", paramLabel = "R", description = "share of posts with a link or media marked possibly_sensitive, 0 to 1 (default 0.05)")
        Double sensitiveRatio;
        @Option(names = "--withheld-ratio", paramLabel = "R", description = "share of posts withheld in some countries, 0 to 1 (default 0.005)")
        Double withheldRatio;
        @Option(names = "--unavailable-reference-ratio", paramLabel = "R", description = "share of v2: retweets and quotes whose post is not included, 0 to 1 (default 0.01)")
        Double unavailableReferenceRatio;
        @Option(names = "--missing-referenced-author-ratio", paramLabel = "R", description = "share of v2: retweets and quotes whose post author is not included, 0 to 1 (default 0)")
        Double missingReferencedAuthorRatio;
        @Option(names = "--reply-parent-included-ratio", paramLabel = "R", description = "share of v2: replies whose parent post is included, 0 to 1 (default 0.8)")
        Double replyParentIncludedRatio;
        @Option(names = "--plain-payloads", description = "none of the shapes above; ratios given as well still apply")
        boolean plainPayloads;
        @Option(names = "--status-withheld-every", paramLabel = "N", description = "v1.1: a status_withheld notice after every N-th status, 0 = never (default 0)")
        Integer statusWithheldEvery;
        @Option(names = "--user-withheld-every", paramLabel = "N", description = "v1.1: a user_withheld notice after every N-th status, 0 = never (default 0)")
        Integer userWithheldEvery;
        @Option(names = "--scrub-geo-every", paramLabel = "N", description = "v1.1: a scrub_geo notice after every N-th status, 0 = never (default 0)")
        Integer scrubGeoEvery;
        @Option(names = "--stall-warning-every", paramLabel = "N", description = "v1.1: a stall warning after every N-th status (clients asking stall_warnings), 0 = never (default 0)")
        Integer stallWarningEvery;
        @Option(names = "--replay", paramLabel = "FILE",
                description = "serve this recording (one JSON message per line) instead of generated tweets")
        java.nio.file.Path replay;
        @Option(names = "--replay-api", paramLabel = "API", description = "the recording's API, v2 or v1.1 (default v2)")
        String replayApi = "v2";
        @Option(names = "--replay-rate", paramLabel = "R|recorded",
                description = "replayed messages per second, or recorded for the recorded pace (default recorded)")
        String replayRate = "recorded";
        @Option(names = "--replay-loop", description = "start the recording over at its end (default: keep-alives only)")
        boolean replayLoop;
        @Option(names = "--tier", paramLabel = "TIER",
                description = "v2: the X project's access, pay-per-use or enterprise (default pay-per-use)")
        String tier = "pay-per-use";
        @Option(names = "--continuous", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "v2: make filtered-stream tweets whether or not a client is connected, as X never stops;"
                        + " --no-continuous makes them only while one is (default on)")
        boolean continuous;
        @Option(names = "--delivery-delay", paramLabel = "x|none|S|M,P,C",
                description = "creation-to-delivery delay of each generated tweet, out of order as on X: x (median 1 s,"
                        + " P99 6.5 s, at most 10 s), none (at once, in order), S seconds each, or log-normal with"
                        + " median M, P99 P and cap C seconds (default x)")
        String deliveryDelay = "x";
        @Option(names = "--v2-keep-alive-ms", paramLabel = "N",
                description = "v2: silence before a keep-alive CRLF, in ms (default 20000, or --keep-alive-ms)")
        Long v2KeepAliveMs;
        @Option(names = "--connects-per-window", paramLabel = "N",
                description = "v2: stream requests per rate-limit window, 0 = unlimited (default 50 pay-per-use, 0 enterprise)")
        Integer connectsPerWindow;
        @Option(names = "--search-requests-per-window", paramLabel = "N",
                description = "v2: recent-search requests per rate-limit window (default 450)")
        Integer searchRequestsPerWindow;
        @Option(names = "--rate-limit-window-s", paramLabel = "N", description = "v2: rate-limit window, in seconds (default 900)")
        Long rateLimitWindowSeconds;
        @Option(names = "--history-limit", paramLabel = "N",
                description = "v2: filtered-stream tweets kept for backfill, Recovery and search, 0 = none (default 100000)")
        Integer historyLimit;
        @Option(names = "--recovery-rate", paramLabel = "R",
                description = "v2: tweets per second of a Recovery stream, 0 = as fast as read (default 0)")
        Double recoveryRate;
        @Option(names = "--credit-posts", paramLabel = "N",
                description = "v2: Post reads the prepaid credit pays for; then 402 CreditsDepleted (default unlimited)")
        Long creditPosts;
        @Option(names = "--monthly-post-cap", paramLabel = "N",
                description = "v2: Post reads billed per cap period; then 429 UsageCapExceeded (default 3000000)")
        Long monthlyPostCap;
        @Option(names = "--cap-reset-day", paramLabel = "D",
                description = "v2: day of the month (1-31) the cap period starts, UTC (default 1)")
        Integer capResetDay;
        @Option(names = "--compliance-delete-fraction", paramLabel = "R",
                description = "v2: share of streamed Posts later deleted on the Post compliance stream, 0 to 1 (default 0.01)")
        Double complianceDeleteFraction;
        @Option(names = "--compliance-edit-fraction", paramLabel = "R",
                description = "v2: share of streamed Posts later edited (tweet_edit), 0 to 1 (default 0.002)")
        Double complianceEditFraction;
        @Option(names = "--compliance-withhold-fraction", paramLabel = "R",
                description = "v2: share of streamed Posts later withheld in some countries, 0 to 1 (default 0.001)")
        Double complianceWithholdFraction;
        @Option(names = "--compliance-delay-ms", paramLabel = "N",
                description = "v2: milliseconds from a Post's first send to its compliance event (default 5000)")
        Long complianceDelayMs;
        @Option(names = "--compliance-job-processing-ms", paramLabel = "N",
                description = "v2: milliseconds a batch compliance job is in_progress after its upload (default 5000)")
        Long complianceJobProcessingMs;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this and exit")
        boolean help;
    }

    static final String USAGE = new CommandLine(new Options()).getUsageMessage(Help.Ansi.OFF);

    private SimulatorArguments() {
    }

    /** @throws IllegalArgumentException with a message fit for the user, for an unknown option or a bad value */
    static Parsed parse(String... args) {
        Options options = new Options();
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (commandLine.isUsageHelpRequested()) {
            return new Parsed(true, null);
        }
        check(options);
        SimulatorSettings.Builder builder = SimulatorSettings.builder()
                .port(options.port)
                .tweetsPerSecond(options.rate)
                .sentHistoryLimit(HISTORY_LIMIT)
                .acceptedConsumerKeys(new HashSet<>(options.consumerKeys))
                .acceptedBearerTokens(new HashSet<>(options.bearerTokens));
        if (options.bind != null) {
            builder.bindAddress(options.bind);
        }
        if (options.tlsKeyStore != null) {
            builder.tls(options.tlsKeyStore, options.tlsKeyStorePassword == null ? "" : options.tlsKeyStorePassword);
        }
        builder.tier(tier(options.tier)).continuousTweets(options.continuous)
                .deliveryDelay(deliveryDelay(options.deliveryDelay));
        if (options.v2KeepAliveMs != null) {
            builder.v2KeepAliveInterval(Duration.ofMillis(options.v2KeepAliveMs));
        }
        if (options.connectsPerWindow != null) {
            builder.v2ConnectsPerWindow(options.connectsPerWindow);
        }
        if (options.searchRequestsPerWindow != null) {
            builder.searchRequestsPerWindow(options.searchRequestsPerWindow);
        }
        if (options.rateLimitWindowSeconds != null) {
            builder.rateLimitWindow(Duration.ofSeconds(options.rateLimitWindowSeconds));
        }
        if (options.historyLimit != null) {
            builder.historyLimit(options.historyLimit);
        }
        if (options.firehoseRate != null) {
            builder.firehoseTweetsPerSecond(options.firehoseRate);
        }
        if (options.likesRate != null) {
            builder.likesPerSecond(options.likesRate);
        }
        if (options.recoveryRate != null) {
            builder.recoveryTweetsPerSecond(options.recoveryRate);
        }
        if (options.creditPosts != null) {
            builder.creditPosts(options.creditPosts);
        }
        if (options.monthlyPostCap != null) {
            builder.monthlyPostCap(options.monthlyPostCap);
        }
        if (options.capResetDay != null) {
            builder.capResetDay(options.capResetDay);
        }
        if (options.seed != null) {
            builder.seed(options.seed);
        }
        if (options.maxTweets != null) {
            builder.maxTweetsPerConnection(options.maxTweets);
        }
        if (options.keepAliveMs != null) {
            builder.keepAliveInterval(Duration.ofMillis(options.keepAliveMs));
        }
        if (options.deleteEvery != null) {
            builder.deleteEvery(options.deleteEvery);
        }
        if (options.limitEvery != null) {
            builder.limitEvery(options.limitEvery);
        }
        if (options.burstEverySeconds != null) {
            builder.bursts(Duration.ofSeconds(options.burstEverySeconds), Duration.ofSeconds(5), 4.0);
        }
        if (options.v2MaxConnections != null) {
            builder.v2MaxConnections(options.v2MaxConnections);
        }
        if (options.v2MaxRules != null) {
            builder.v2MaxRules(options.v2MaxRules);
        }
        if (options.v2MaxRuleLength != null) {
            builder.v2MaxRuleLength(options.v2MaxRuleLength);
        }
        if (options.v2BackfillLimit != null) {
            builder.v2BackfillLimit(options.v2BackfillLimit);
        }
        if (options.plainPayloads) {
            builder.plainPayloads();
        }
        if (options.longPostRatio != null) {
            builder.longPostRatio(options.longPostRatio);
        }
        if (options.htmlEntityRatio != null) {
            builder.htmlEntityRatio(options.htmlEntityRatio);
        }
        if (options.mediaRatio != null) {
            builder.mediaRatio(options.mediaRatio);
        }
        if (options.pollRatio != null) {
            builder.pollRatio(options.pollRatio);
        }
        if (options.editedRatio != null) {
            builder.editedRatio(options.editedRatio);
        }
        if (options.sensitiveRatio != null) {
            builder.sensitiveRatio(options.sensitiveRatio);
        }
        if (options.withheldRatio != null) {
            builder.withheldRatio(options.withheldRatio);
        }
        if (options.unavailableReferenceRatio != null) {
            builder.unavailableReferenceRatio(options.unavailableReferenceRatio);
        }
        if (options.missingReferencedAuthorRatio != null) {
            builder.missingReferencedAuthorRatio(options.missingReferencedAuthorRatio);
        }
        if (options.replyParentIncludedRatio != null) {
            builder.replyParentIncludedRatio(options.replyParentIncludedRatio);
        }
        if (options.statusWithheldEvery != null) {
            builder.statusWithheldEvery(options.statusWithheldEvery);
        }
        if (options.userWithheldEvery != null) {
            builder.userWithheldEvery(options.userWithheldEvery);
        }
        if (options.scrubGeoEvery != null) {
            builder.scrubGeoEvery(options.scrubGeoEvery);
        }
        if (options.stallWarningEvery != null) {
            builder.stallWarningEvery(options.stallWarningEvery);
        }
        if (options.complianceDeleteFraction != null) {
            builder.complianceDeleteFraction(options.complianceDeleteFraction);
        }
        if (options.complianceEditFraction != null) {
            builder.complianceEditFraction(options.complianceEditFraction);
        }
        if (options.complianceWithholdFraction != null) {
            builder.complianceWithholdFraction(options.complianceWithholdFraction);
        }
        if (options.complianceDelayMs != null) {
            builder.complianceDelay(Duration.ofMillis(options.complianceDelayMs));
        }
        if (options.complianceJobProcessingMs != null) {
            builder.complianceJobProcessing(Duration.ofMillis(options.complianceJobProcessingMs));
        }
        if (options.replay != null) {
            builder.replay(replay(options));
        }
        return new Parsed(false, builder.build());
    }

    /** The settings check these too, but in their own words: the user should read the option they typed. */
    private static void check(Options options) {
        require(options.port >= 0 && options.port <= 65_535, "--port must be in [0, 65535], was " + options.port);
        require(options.rate > 0 && options.rate <= SimulatorSettings.MAX_TWEETS_PER_SECOND,
                "--rate must be in (0, " + (long) SimulatorSettings.MAX_TWEETS_PER_SECOND + "], was " + options.rate);
        require(options.firehoseRate == null || options.firehoseRate > 0
                        && options.firehoseRate <= SimulatorSettings.MAX_TWEETS_PER_SECOND,
                "--firehose-rate must be in (0, " + (long) SimulatorSettings.MAX_TWEETS_PER_SECOND + "], was "
                        + options.firehoseRate);
        require(options.likesRate == null || options.likesRate >= 0
                        && options.likesRate <= SimulatorSettings.MAX_TWEETS_PER_SECOND,
                "--likes-rate must be in [0, " + (long) SimulatorSettings.MAX_TWEETS_PER_SECOND + "], was "
                        + options.likesRate);
        require(options.maxTweets == null || options.maxTweets >= 0, "--max-tweets must be >= 0, was " + options.maxTweets);
        require(options.keepAliveMs == null || options.keepAliveMs >= 1, "--keep-alive-ms must be >= 1, was " + options.keepAliveMs);
        require(options.deleteEvery == null || options.deleteEvery >= 0, "--delete-every must be >= 0, was " + options.deleteEvery);
        require(options.limitEvery == null || options.limitEvery >= 0, "--limit-every must be >= 0, was " + options.limitEvery);
        require(options.burstEverySeconds == null || options.burstEverySeconds >= 1,
                "--burst-every-s must be >= 1, was " + options.burstEverySeconds);
        require(options.bearerTokens.stream().noneMatch(String::isBlank), "--bearer-token must not be blank");
        require(options.v2MaxConnections == null || options.v2MaxConnections >= 1,
                "--v2-max-connections must be >= 1, was " + options.v2MaxConnections);
        require(options.v2MaxRules == null || options.v2MaxRules >= 1, "--v2-max-rules must be >= 1, was " + options.v2MaxRules);
        require(options.v2MaxRuleLength == null || options.v2MaxRuleLength >= 1,
                "--v2-max-rule-length must be >= 1, was " + options.v2MaxRuleLength);
        require(options.longPostRatio == null || options.longPostRatio >= 0 && options.longPostRatio <= 1, "--long-post-ratio must be in [0, 1], was " + options.longPostRatio);
        require(options.htmlEntityRatio == null || options.htmlEntityRatio >= 0 && options.htmlEntityRatio <= 1, "--html-entity-ratio must be in [0, 1], was " + options.htmlEntityRatio);
        require(options.mediaRatio == null || options.mediaRatio >= 0 && options.mediaRatio <= 1, "--media-ratio must be in [0, 1], was " + options.mediaRatio);
        require(options.pollRatio == null || options.pollRatio >= 0 && options.pollRatio <= 1, "--poll-ratio must be in [0, 1], was " + options.pollRatio);
        require(options.editedRatio == null || options.editedRatio >= 0 && options.editedRatio <= 1, "--edited-ratio must be in [0, 1], was " + options.editedRatio);
        require(options.sensitiveRatio == null || options.sensitiveRatio >= 0 && options.sensitiveRatio <= 1, "--sensitive-ratio must be in [0, 1], was " + options.sensitiveRatio);
        require(options.withheldRatio == null || options.withheldRatio >= 0 && options.withheldRatio <= 1, "--withheld-ratio must be in [0, 1], was " + options.withheldRatio);
        require(options.unavailableReferenceRatio == null || options.unavailableReferenceRatio >= 0 && options.unavailableReferenceRatio <= 1, "--unavailable-reference-ratio must be in [0, 1], was " + options.unavailableReferenceRatio);
        require(options.missingReferencedAuthorRatio == null || options.missingReferencedAuthorRatio >= 0 && options.missingReferencedAuthorRatio <= 1, "--missing-referenced-author-ratio must be in [0, 1], was " + options.missingReferencedAuthorRatio);
        require(options.replyParentIncludedRatio == null || options.replyParentIncludedRatio >= 0 && options.replyParentIncludedRatio <= 1, "--reply-parent-included-ratio must be in [0, 1], was " + options.replyParentIncludedRatio);
        require(options.complianceDeleteFraction == null || options.complianceDeleteFraction >= 0 && options.complianceDeleteFraction <= 1, "--compliance-delete-fraction must be in [0, 1], was " + options.complianceDeleteFraction);
        require(options.complianceEditFraction == null || options.complianceEditFraction >= 0 && options.complianceEditFraction <= 1, "--compliance-edit-fraction must be in [0, 1], was " + options.complianceEditFraction);
        require(options.complianceWithholdFraction == null || options.complianceWithholdFraction >= 0 && options.complianceWithholdFraction <= 1, "--compliance-withhold-fraction must be in [0, 1], was " + options.complianceWithholdFraction);
        require(options.complianceDelayMs == null || options.complianceDelayMs >= 0, "--compliance-delay-ms must be >= 0, was " + options.complianceDelayMs);
        require(options.complianceJobProcessingMs == null || options.complianceJobProcessingMs >= 0, "--compliance-job-processing-ms must be >= 0, was " + options.complianceJobProcessingMs);
        require(options.statusWithheldEvery == null || options.statusWithheldEvery >= 0, "--status-withheld-every must be >= 0, was " + options.statusWithheldEvery);
        require(options.userWithheldEvery == null || options.userWithheldEvery >= 0, "--user-withheld-every must be >= 0, was " + options.userWithheldEvery);
        require(options.scrubGeoEvery == null || options.scrubGeoEvery >= 0, "--scrub-geo-every must be >= 0, was " + options.scrubGeoEvery);
        require(options.stallWarningEvery == null || options.stallWarningEvery >= 0, "--stall-warning-every must be >= 0, was " + options.stallWarningEvery);
        require(options.replay != null || ("v2".equals(options.replayApi) && "recorded".equals(options.replayRate)
                && !options.replayLoop), "--replay-api, --replay-rate and --replay-loop need --replay FILE");
        require(options.v2BackfillLimit == null || options.v2BackfillLimit >= 0,
                "--v2-backfill-limit must be >= 0, was " + options.v2BackfillLimit);
        require(options.v2KeepAliveMs == null || options.v2KeepAliveMs >= 1,
                "--v2-keep-alive-ms must be >= 1, was " + options.v2KeepAliveMs);
        require(options.connectsPerWindow == null || options.connectsPerWindow >= 0,
                "--connects-per-window must be >= 0 (0 = unlimited), was " + options.connectsPerWindow);
        require(options.searchRequestsPerWindow == null || options.searchRequestsPerWindow >= 1,
                "--search-requests-per-window must be >= 1, was " + options.searchRequestsPerWindow);
        require(options.rateLimitWindowSeconds == null || options.rateLimitWindowSeconds >= 1,
                "--rate-limit-window-s must be >= 1, was " + options.rateLimitWindowSeconds);
        require(options.historyLimit == null || options.historyLimit >= 0,
                "--history-limit must be >= 0, was " + options.historyLimit);
        require(options.recoveryRate == null || options.recoveryRate >= 0,
                "--recovery-rate must be >= 0, was " + options.recoveryRate);
        require(options.creditPosts == null || options.creditPosts >= 0,
                "--credit-posts must be >= 0, was " + options.creditPosts);
        require(options.monthlyPostCap == null || options.monthlyPostCap >= 0,
                "--monthly-post-cap must be >= 0, was " + options.monthlyPostCap);
        require(options.capResetDay == null || (options.capResetDay >= 1 && options.capResetDay <= 31),
                "--cap-reset-day must be in [1, 31], was " + options.capResetDay);
    }

    private static SimulatorSettings.Tier tier(String label) {
        return switch (label.toLowerCase(java.util.Locale.ROOT)) {
            case "pay-per-use" -> SimulatorSettings.Tier.PAY_PER_USE;
            case "enterprise" -> SimulatorSettings.Tier.ENTERPRISE;
            default -> throw new IllegalArgumentException("--tier must be pay-per-use or enterprise, was " + label);
        };
    }

    private static DeliveryDelay deliveryDelay(String value) {
        try {
            return DeliveryDelay.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--delivery-delay " + e.getMessage(), e);
        }
    }

    private static Replay replay(Options options) {
        Replay replay = new Replay(options.replay, Replay.Api.ofLabel(options.replayApi), 0, options.replayLoop);
        if ("recorded".equalsIgnoreCase(options.replayRate)) {
            return replay;
        }
        double rate;
        try {
            rate = Double.parseDouble(options.replayRate);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--replay-rate must be a number of messages per second or recorded, was "
                    + options.replayRate);
        }
        require(rate > 0 && rate <= SimulatorSettings.MAX_TWEETS_PER_SECOND,
                "--replay-rate must be in (0, " + (long) SimulatorSettings.MAX_TWEETS_PER_SECOND + "], was " + rate);
        return replay.atRate(rate);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
