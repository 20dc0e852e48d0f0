package io.tweetstream.connect.record;

import io.tweetstream.connect.core.ResumePoint;
import io.tweetstream.connect.tweet.Like;
import io.tweetstream.connect.tweet.Tweet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the connector's source records for one stream: tweets keyed by id with their creation
 * time as the record timestamp and their matched phrases in a header, tombstones for deleted
 * tweets, and the Likes of a likes stream.
 *
 * <p>The source partition names the task's share of the stream; the offset is the newest tweet
 * written so far ({@value #OFFSET_TWEET_ID} and {@value #OFFSET_CREATED_AT}, see {@link ResumePoint}),
 * which every record carries, since X delivers out of order: after a restart the task refills the gap
 * from there.
 */
public final class TweetRecords {

    public static final String PARTITION_FILTER = "filter";
    public static final String OFFSET_TWEET_ID = ResumePoint.OFFSET_TWEET_ID;
    public static final String OFFSET_CREATED_AT = ResumePoint.OFFSET_CREATED_AT;
    /** The header of a tweet's record that holds its matched phrases (see {@link #jsonArray}). */
    public static final String KEYWORDS_HEADER = "tweetstream.matched_keywords";

    private static final ObjectMapper JSON = new ObjectMapper();

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
        return tweet(tweet, matchedKeywords, offsetOf(tweet));
    }

    /**
     * @param offset the newest tweet written so far, this one included
     * @return the tweet keyed by id, its creation time as the record timestamp and its matched phrases
     *         also in the header {@value #KEYWORDS_HEADER}
     */
    public SourceRecord tweet(Tweet tweet, List<String> matchedKeywords, Map<String, ?> offset) {
        return new SourceRecord(sourcePartition, offset, topic, null,
                TweetSchema.KEY, tweet.id(), TweetSchema.VALUE, TweetConverter.toStruct(tweet, matchedKeywords),
                tweet.createdAt().toEpochMilli(), new ConnectHeaders().addString(KEYWORDS_HEADER, jsonArray(matchedKeywords)));
    }

    /**
     * The matched phrases as a JSON array, e.g. {@code ["kafka","apache spark"]}: a string header,
     * which Connect's default header converter writes as those bytes, so that a consumer that only
     * counts (the Spark job) needs neither the value nor its converter.
     */
    static String jsonArray(List<String> phrases) {
        try {
            return JSON.writeValueAsString(phrases);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always JSON", e);
        }
    }

    /** A Like keyed by its id, the time of the Like as the record timestamp ({@link LikeSchema}). */
    public SourceRecord like(Like like, Map<String, ?> offset) {
        Struct value = new Struct(LikeSchema.VALUE)
                .put(LikeSchema.ID, like.id())
                .put(LikeSchema.LIKED_TWEET_ID, like.likedTweetId())
                .put(LikeSchema.LIKED_TWEET_AUTHOR_ID, like.likedTweetAuthorId() < 0 ? null : like.likedTweetAuthorId())
                .put(LikeSchema.TWEET_CREATED_AT, like.tweetCreatedAt() == null ? null : Date.from(like.tweetCreatedAt()))
                .put(LikeSchema.LIKED_AT, Date.from(like.likedAt()))
                .put(LikeSchema.RAW_JSON, like.rawJson());
        return new SourceRecord(sourcePartition, offset, topic, null, LikeSchema.KEY, like.id(), LikeSchema.VALUE, value,
                like.likedAt().toEpochMilli());
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
        return pointOf(tweet).toOffset();
    }

    public static ResumePoint pointOf(Tweet tweet) {
        return new ResumePoint(tweet.id(), tweet.createdAt());
    }
}
