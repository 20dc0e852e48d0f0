package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.TwitterSourceConfig;

/**
 * X's Enterprise streams that are split into numbered partitions, each a disjoint share of the
 * stream, which is where parallelism is to be had (x-api/posts/volume-streams): a task reads the
 * partitions it owns, each on a connection of its own.
 */
public enum PartitionedStream {

    FIREHOSE(TwitterSourceConfig.V2_STREAM_FIREHOSE, "2/tweets/firehose/stream", 20, "the firehose", V2Messages.POSTS),
    SAMPLE10(TwitterSourceConfig.V2_STREAM_SAMPLE10, "2/tweets/sample10/stream", 2, "the 10% sample stream",
            V2Messages.POSTS),
    /**
     * The firehose's Posts in one language: English in 8 partitions, Japanese, Korean and Portuguese in 2 each (the
     * partition ranges of X's API registry; the OpenAPI spec leaves them out).
     */
    FIREHOSE_EN(TwitterSourceConfig.V2_STREAM_FIREHOSE_EN, "2/tweets/firehose/stream/lang/en", 8, "the English firehose",
            V2Messages.POSTS),
    FIREHOSE_JA(TwitterSourceConfig.V2_STREAM_FIREHOSE_JA, "2/tweets/firehose/stream/lang/ja", 2, "the Japanese firehose",
            V2Messages.POSTS),
    FIREHOSE_KO(TwitterSourceConfig.V2_STREAM_FIREHOSE_KO, "2/tweets/firehose/stream/lang/ko", 2, "the Korean firehose",
            V2Messages.POSTS),
    FIREHOSE_PT(TwitterSourceConfig.V2_STREAM_FIREHOSE_PT, "2/tweets/firehose/stream/lang/pt", 2, "the Portuguese firehose",
            V2Messages.POSTS),
    /** Deletes, edits and withholdings of Posts, which X's Post streams do not send (x-api/compliance/streams). */
    TWEET_COMPLIANCE(TwitterSourceConfig.V2_STREAM_TWEET_COMPLIANCE, "2/tweets/compliance/stream", 4,
            "the Post compliance stream", V2Messages.COMPLIANCE),
    /**
     * Deletes, protections, suspensions, withholdings, profile changes and location scrubs of users (and their
     * undoing), which name no record of the tweets' topic: they are written as compliance notices.
     */
    USER_COMPLIANCE(TwitterSourceConfig.V2_STREAM_USER_COMPLIANCE, "2/users/compliance/stream", 4,
            "the User compliance stream", V2Messages.COMPLIANCE),
    /** Every public Like (x-api/likes: partitions 1 to 20): a like record each, keyed by the Like's id. */
    LIKES_FIREHOSE(TwitterSourceConfig.V2_STREAM_LIKES_FIREHOSE, "2/likes/firehose/stream", 20, "the likes firehose",
            V2Messages.LIKES),
    /** A 10% sample of the Likes (partitions 1 to 2). */
    LIKES_SAMPLE10(TwitterSourceConfig.V2_STREAM_LIKES_SAMPLE10, "2/likes/sample10/stream", 2,
            "the likes 10% sample stream", V2Messages.LIKES),
    /**
     * Likes removed (X's OpenAPI spec: {@code GET /2/likes/compliance/stream}, no partitions): each names the Post and
     * the user, not the Like's record, so it is written as a compliance notice. Served here as one partition that its
     * requests do not name, so that it has an offset, backfill and Recovery as the partitioned streams do.
     */
    LIKES_COMPLIANCE(TwitterSourceConfig.V2_STREAM_LIKES_COMPLIANCE, "2/likes/compliance/stream", 0,
            "the likes compliance stream", V2Messages.COMPLIANCE);

    private final String configValue;
    private final String path;
    private final int partitions;
    private final String description;
    private final V2Messages messages;
    private final boolean split;

    /** @param partitions how many partitions X splits it into; 0 for a stream it does not split */
    PartitionedStream(String configValue, String path, int partitions, String description, V2Messages messages) {
        this.configValue = configValue;
        this.path = path;
        this.partitions = Math.max(1, partitions);
        this.split = partitions > 0;
        this.description = description;
        this.messages = messages;
    }

    /** Whether X splits it into partitions that its requests name; false for a stream read as its one partition 1. */
    boolean split() {
        return split;
    }

    /**
     * Whether its events name users or Posts but no record the connector writes, so that they can only be written
     * as compliance notices (the User and the likes compliance streams).
     */
    boolean noticesOnly() {
        return this == USER_COMPLIANCE || this == LIKES_COMPLIANCE;
    }

    /** What its lines are: Posts, compliance events (tombstones or compliance notices for the task) or Likes. */
    V2Messages messages() {
        return messages;
    }

    /** Whether its messages are compliance events rather than Posts or Likes. */
    boolean compliance() {
        return messages == V2Messages.COMPLIANCE;
    }

    /** Its value of {@code twitter.v2.stream}. */
    public String configValue() {
        return configValue;
    }

    String path() {
        return path;
    }

    /** How many partitions X splits it into, numbered from 1. */
    public int partitions() {
        return partitions;
    }

    /** E.g. "the firehose". */
    public String description() {
        return description;
    }

    /** E.g. "The firehose", to begin a sentence. */
    String title() {
        return Character.toUpperCase(description.charAt(0)) + description.substring(1);
    }
}
