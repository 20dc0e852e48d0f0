package io.tweetstream.connect.config;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The streams the connector can read, chosen by {@code twitter.api} and {@code twitter.v2.stream},
 * with the config keys that belong to each. A key that belongs to some streams and not to the one
 * chosen is reported by validation and hidden by the recommenders; the keys of no stream here
 * (the filter, the output, the performance settings) belong to all.
 */
public enum StreamType {

    V1_FILTER("Twitter's v1.1 statuses/filter stream", TwitterSourceConfig.API_V1, null,
            Set.of(TwitterSourceConfig.STREAM_BASE_URL, TwitterSourceConfig.CONSUMER_KEY,
                    TwitterSourceConfig.CONSUMER_SECRET, TwitterSourceConfig.ACCESS_TOKEN,
                    TwitterSourceConfig.ACCESS_TOKEN_SECRET)),

    V2_FILTERED("the X API v2 filtered stream", TwitterSourceConfig.API_V2, TwitterSourceConfig.V2_STREAM_FILTERED,
            Set.of(TwitterSourceConfig.V2_BASE_URL, TwitterSourceConfig.V2_BEARER_TOKEN, TwitterSourceConfig.V2_STREAM,
                    TwitterSourceConfig.V2_TIER, TwitterSourceConfig.V2_MAX_CONNECTIONS,
                    TwitterSourceConfig.V2_REDUNDANT_CONNECTION, TwitterSourceConfig.V2_MAX_RULES,
                    TwitterSourceConfig.V2_MAX_RULE_LENGTH, TwitterSourceConfig.V2_CONNECTS_PER_15_MINUTES,
                    TwitterSourceConfig.V2_BACKFILL_MINUTES, TwitterSourceConfig.V2_GAP_RECOVERY,
                    TwitterSourceConfig.V2_NETWORK_BACKOFF_MS, TwitterSourceConfig.V2_HTTP_BACKOFF_MS,
                    TwitterSourceConfig.V2_RATE_LIMIT_BACKOFF_MS, TwitterSourceConfig.BUDGET_POSTS_PER_DAY,
                    TwitterSourceConfig.BUDGET_POSTS_PER_MONTH, TwitterSourceConfig.BUDGET_USD_PER_MONTH,
                    TwitterSourceConfig.PRICE_PER_POST_USD, TwitterSourceConfig.BUDGET_WARN_FRACTIONS,
                    TwitterSourceConfig.USAGE_POLL_INTERVAL_MS, TwitterSourceConfig.ESTIMATE_RULES_MAX)),

    V2_SAMPLE("the X API v2 sample stream", TwitterSourceConfig.API_V2, TwitterSourceConfig.V2_STREAM_SAMPLE,
            Set.of(TwitterSourceConfig.V2_BASE_URL, TwitterSourceConfig.V2_BEARER_TOKEN, TwitterSourceConfig.V2_STREAM,
                    TwitterSourceConfig.V2_TIER, TwitterSourceConfig.V2_CONNECTS_PER_15_MINUTES,
                    TwitterSourceConfig.V2_BACKFILL_MINUTES, TwitterSourceConfig.V2_NETWORK_BACKOFF_MS,
                    TwitterSourceConfig.V2_HTTP_BACKOFF_MS, TwitterSourceConfig.V2_RATE_LIMIT_BACKOFF_MS,
                    TwitterSourceConfig.BUDGET_POSTS_PER_DAY, TwitterSourceConfig.BUDGET_POSTS_PER_MONTH,
                    TwitterSourceConfig.BUDGET_USD_PER_MONTH, TwitterSourceConfig.PRICE_PER_POST_USD,
                    TwitterSourceConfig.BUDGET_WARN_FRACTIONS, TwitterSourceConfig.USAGE_POLL_INTERVAL_MS)),

    V2_FIREHOSE("the X API v2 firehose", TwitterSourceConfig.API_V2, TwitterSourceConfig.V2_STREAM_FIREHOSE,
            partitionedStreamKeys()),

    V2_SAMPLE10("the X API v2 10% sample stream", TwitterSourceConfig.API_V2, TwitterSourceConfig.V2_STREAM_SAMPLE10,
            partitionedStreamKeys()),
    V2_FIREHOSE_EN("the X API v2 English firehose", TwitterSourceConfig.API_V2, TwitterSourceConfig.V2_STREAM_FIREHOSE_EN,
            partitionedStreamKeys()),
    V2_FIREHOSE_JA("the X API v2 Japanese firehose", TwitterSourceConfig.API_V2, TwitterSourceConfig.V2_STREAM_FIREHOSE_JA,
            partitionedStreamKeys()),
    V2_FIREHOSE_KO("the X API v2 Korean firehose", TwitterSourceConfig.API_V2, TwitterSourceConfig.V2_STREAM_FIREHOSE_KO,
            partitionedStreamKeys()),
    V2_FIREHOSE_PT("the X API v2 Portuguese firehose", TwitterSourceConfig.API_V2, TwitterSourceConfig.V2_STREAM_FIREHOSE_PT,
            partitionedStreamKeys()),

    V2_TWEET_COMPLIANCE("the X API v2 Post compliance stream", TwitterSourceConfig.API_V2,
            TwitterSourceConfig.V2_STREAM_TWEET_COMPLIANCE, partitionedStreamKeys()),

    V2_USER_COMPLIANCE("the X API v2 User compliance stream", TwitterSourceConfig.API_V2,
            TwitterSourceConfig.V2_STREAM_USER_COMPLIANCE, partitionedStreamKeys()),

    V2_LIKES_FIREHOSE("the X API v2 likes firehose", TwitterSourceConfig.API_V2,
            TwitterSourceConfig.V2_STREAM_LIKES_FIREHOSE, partitionedStreamKeys()),
    V2_LIKES_SAMPLE10("the X API v2 likes 10% sample stream", TwitterSourceConfig.API_V2,
            TwitterSourceConfig.V2_STREAM_LIKES_SAMPLE10, partitionedStreamKeys()),
    V2_LIKES_COMPLIANCE("the X API v2 likes compliance stream", TwitterSourceConfig.API_V2,
            TwitterSourceConfig.V2_STREAM_LIKES_COMPLIANCE, partitionedStreamKeys()),

    V2_BATCH_COMPLIANCE("X API v2 batch compliance jobs over the topic's tweets", TwitterSourceConfig.API_V2,
            TwitterSourceConfig.V2_STREAM_BATCH_COMPLIANCE, Stream.concat(Stream.of(TwitterSourceConfig.V2_BASE_URL,
                    TwitterSourceConfig.V2_BEARER_TOKEN, TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_TIER),
                    TwitterSourceConfig.COMPLIANCE_JOB_KEYS.stream()).collect(Collectors.toUnmodifiableSet()));

    /** The keys of X's partitioned Enterprise streams: no rules, no pay-per-use budgets; backfill and Recovery. */
    private static Set<String> partitionedStreamKeys() {
        return Set.of(TwitterSourceConfig.V2_BASE_URL, TwitterSourceConfig.V2_BEARER_TOKEN, TwitterSourceConfig.V2_STREAM,
                TwitterSourceConfig.V2_TIER, TwitterSourceConfig.V2_PARTITIONS, TwitterSourceConfig.V2_CONNECTS_PER_15_MINUTES,
                TwitterSourceConfig.V2_BACKFILL_MINUTES, TwitterSourceConfig.V2_GAP_RECOVERY,
                TwitterSourceConfig.V2_NETWORK_BACKOFF_MS, TwitterSourceConfig.V2_HTTP_BACKOFF_MS,
                TwitterSourceConfig.V2_RATE_LIMIT_BACKOFF_MS);
    }

    /** The keys that belong to some streams only. */
    private static final Set<String> STREAM_SPECIFIC_KEYS = Arrays.stream(values())
            .flatMap(type -> type.ownKeys.stream()).collect(Collectors.toUnmodifiableSet());

    private final String description;
    private final String api;
    private final String v2Stream;
    private final Set<String> ownKeys;

    StreamType(String description, String api, String v2Stream, Set<String> ownKeys) {
        this.description = description;
        this.api = api;
        this.v2Stream = v2Stream;
        // Every v2 stream reaches X the same way: through its proxy, trusting its truststore.
        this.ownKeys = v2Stream == null ? ownKeys : Stream.concat(ownKeys.stream(),
                TwitterSourceConfig.V2_NETWORK_KEYS.stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** The stream a config reads. */
    public static StreamType of(TwitterSourceConfig config) {
        return of(config.getString(TwitterSourceConfig.API), config.getString(TwitterSourceConfig.V2_STREAM));
    }

    /** The stream that parsed config values (as a recommender sees them) select. */
    static StreamType of(Map<String, Object> parsed) {
        Object api = parsed.getOrDefault(TwitterSourceConfig.API, TwitterSourceConfig.API_DEFAULT);
        Object stream = parsed.getOrDefault(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_FILTERED);
        return of(String.valueOf(api), String.valueOf(stream));
    }

    private static StreamType of(String api, String v2Stream) {
        return Stream.of(values())
                .filter(type -> type.api.equals(api) && (type.v2Stream == null || type.v2Stream.equals(v2Stream)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No stream for " + TwitterSourceConfig.API + "="
                        + api + " and " + TwitterSourceConfig.V2_STREAM + "=" + v2Stream));
    }

    /** E.g. "the X API v2 filtered stream", for log lines and messages. */
    public String description() {
        return description;
    }

    /** The settings that choose this stream, e.g. "twitter.api=v2 and twitter.v2.stream=sample". */
    public String selection() {
        return TwitterSourceConfig.API + "=" + api
                + (v2Stream == null ? "" : " and " + TwitterSourceConfig.V2_STREAM + "=" + v2Stream);
    }

    /** Whether a key means something on this stream. */
    public boolean uses(String key) {
        return ownKeys.contains(key) || !STREAM_SPECIFIC_KEYS.contains(key);
    }

    /** The other streams that a key belongs to, for a message that says where it would mean something. */
    Stream<StreamType> othersUsing(String key) {
        return Stream.of(values()).filter(type -> type != this && type.ownKeys.contains(key));
    }
}
