package io.tweetstream.connect.record;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The schema of the records of X's likes streams ({@code twitter.v2.stream=likes-firehose}, {@code likes-sample10}):
 * one per Like, keyed by the Like's id, with the time of the Like as the record timestamp.
 */
public final class LikeSchema {

    public static final String ID = "id";
    public static final String LIKED_TWEET_ID = "liked_tweet_id";
    public static final String LIKED_TWEET_AUTHOR_ID = "liked_tweet_author_id";
    public static final String TWEET_CREATED_AT = "tweet_created_at";
    public static final String LIKED_AT = "liked_at";
    public static final String RAW_JSON = "raw_json";

    /** The record key: X's id of the Like, an opaque string. */
    public static final Schema KEY = Schema.STRING_SCHEMA;

    public static final Schema VALUE = SchemaBuilder.struct()
            .name("io.tweetstream.Like").version(1)
            .doc("A Like of a Post from X's likes streams: the Post and its author (X never names who liked it).")
            .field(ID, Schema.STRING_SCHEMA)
            .field(LIKED_TWEET_ID, Schema.INT64_SCHEMA)
            .field(LIKED_TWEET_AUTHOR_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(TWEET_CREATED_AT, Timestamp.builder().optional().doc("When the liked Post was made").build())
            .field(LIKED_AT, Timestamp.builder().doc("When the Like was made").build())
            .field(RAW_JSON, SchemaBuilder.string().optional().doc("The line as X sent it (include.raw.json)").build())
            .build();

    private LikeSchema() {}
}
