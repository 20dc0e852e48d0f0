package io.tweetstream.connect.record;

import io.tweetstream.connect.tweet.Tweet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the connector's source records for one stream: tweets keyed by id with their creation
 * time as the record timestamp, and tombstones for deleted tweets.
 *
 * <p>The source partition names the stream's filter; the offset is the last tweet the stream
 * delivered ({@value #OFFSET_TWEET_ID} and {@value #OFFSET_CREATED_AT}). A live stream cannot be
 * replayed, so the offset does not resume the stream: it records how far it got, so that after a
 * restart the task can say which tweets it may have missed.
 */
public final class TweetRecords {

    public static final String PARTITION_FILTER = "filter";
    public static final String OFFSET_TWEET_ID = "tweet_id";
    public static final String OFFSET_CREATED_AT = "created_at";

    private final String topic;
    private final Map<String, String> sourcePartition;

    public TweetRecords(String topic, String filterDescription) {
        this.topic = topic;
        this.sourcePartition = Map.of(PARTITION_FILTER, filterDescription);
    }

    public Map<String, String> sourcePartition() {
        return sourcePartition;
    }

    public SourceRecord tweet(Tweet tweet, List<String> matchedKeywords) {
        return new SourceRecord(sourcePartition, offsetOf(tweet), topic, null,
                TweetSchema.KEY, tweet.id(), TweetSchema.VALUE, TweetConverter.toStruct(tweet, matchedKeywords),
                tweet.createdAt().toEpochMilli());
    }

    /**
     * A tombstone for a deleted tweet: its id as key and a null value with no value schema, which
     * every converter writes as a null payload that log compaction understands. It carries the
     * offset of the last tweet, because a delete does not move the stream forward.
     */
    public SourceRecord tombstone(long tweetId, Map<String, ?> lastOffset, long deletedAtMillis) {
        return new SourceRecord(sourcePartition, lastOffset, topic, null,
                TweetSchema.KEY, tweetId, null, null, deletedAtMillis);
    }

    public static Map<String, Long> offsetOf(Tweet tweet) {
        return Map.of(OFFSET_TWEET_ID, tweet.id(), OFFSET_CREATED_AT, tweet.createdAt().toEpochMilli());
    }
}
