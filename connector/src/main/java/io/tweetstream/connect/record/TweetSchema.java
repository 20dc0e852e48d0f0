package io.tweetstream.connect.record;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The schemas of the records the connector writes. The key is the tweet id; the value is
 * {@link #VALUE}. Field names follow Twitter's JSON, so users can map one to the other at a glance.
 */
public final class TweetSchema {

    public static final String ID = "id";
    public static final String CREATED_AT = "created_at";
    public static final String TEXT = "text";
    public static final String LANG = "lang";
    public static final String USER = "user";
    public static final String HASHTAGS = "hashtags";
    public static final String MENTIONS = "mentions";
    public static final String URLS = "urls";
    public static final String IN_REPLY_TO_STATUS_ID = "in_reply_to_status_id";
    public static final String RETWEETED_STATUS_ID = "retweeted_status_id";
    public static final String QUOTED_STATUS_ID = "quoted_status_id";
    public static final String COORDINATES = "coordinates";
    public static final String PLACE = "place";
    public static final String MATCHED_KEYWORDS = "matched_keywords";
    public static final String RAW_JSON = "raw_json";
    public static final String EDIT_HISTORY_TWEET_IDS = "edit_history_tweet_ids";
    public static final String MEDIA = "media";
    public static final String POSSIBLY_SENSITIVE = "possibly_sensitive";
    public static final String CONVERSATION_ID = "conversation_id";
    public static final String WITHHELD_COUNTRIES = "withheld_countries";
    public static final String RETWEETED_USER_ID = "retweeted_user_id";
    public static final String RETWEETED_SCREEN_NAME = "retweeted_screen_name";

    public static final String USER_ID = "id";
    public static final String USER_SCREEN_NAME = "screen_name";
    public static final String USER_NAME = "name";
    public static final String USER_LOCATION = "location";
    public static final String USER_VERIFIED = "verified";
    public static final String USER_FOLLOWERS_COUNT = "followers_count";
    public static final String USER_FRIENDS_COUNT = "friends_count";

    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";

    public static final String PLACE_ID = "id";
    public static final String PLACE_NAME = "name";
    public static final String PLACE_FULL_NAME = "full_name";
    public static final String PLACE_COUNTRY_CODE = "country_code";
    public static final String PLACE_COUNTRY = "country";
    public static final String PLACE_TYPE = "place_type";

    public static final String MEDIA_ID = "media_id";
    public static final String MEDIA_TYPE = "type";
    public static final String MEDIA_URL = "url";
    public static final String MEDIA_ALT_TEXT = "alt_text";

    /**
     * The version of {@link #VALUE}. Version 2 added the optional fields after {@code raw_json}; a
     * record of version 1 reads as version 2 with them null.
     */
    public static final int VALUE_VERSION = 2;

    /** The record key: the tweet id, identical for a tweet and its tombstone. */
    public static final Schema KEY = Schema.INT64_SCHEMA;

    public static final Schema USER_SCHEMA = SchemaBuilder.struct()
            .name("io.tweetstream.User").version(1)
            .doc("The author of the tweet.")
            .field(USER_ID, Schema.INT64_SCHEMA)
            .field(USER_SCREEN_NAME, Schema.STRING_SCHEMA)
            .field(USER_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .field(USER_LOCATION, Schema.OPTIONAL_STRING_SCHEMA)
            .field(USER_VERIFIED, Schema.BOOLEAN_SCHEMA)
            .field(USER_FOLLOWERS_COUNT, Schema.INT64_SCHEMA)
            .field(USER_FRIENDS_COUNT, Schema.INT64_SCHEMA)
            .build();

    public static final Schema COORDINATES_SCHEMA = SchemaBuilder.struct()
            .name("io.tweetstream.Coordinates").version(1).optional()
            .doc("The exact location the tweet was sent from, when the user shared it.")
            .field(LATITUDE, Schema.FLOAT64_SCHEMA)
            .field(LONGITUDE, Schema.FLOAT64_SCHEMA)
            .build();

    public static final Schema PLACE_SCHEMA = SchemaBuilder.struct()
            .name("io.tweetstream.Place").version(1).optional()
            .doc("The place the tweet is associated with, when there is one.")
            .field(PLACE_ID, Schema.STRING_SCHEMA)
            .field(PLACE_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .field(PLACE_FULL_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .field(PLACE_COUNTRY_CODE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(PLACE_COUNTRY, Schema.OPTIONAL_STRING_SCHEMA)
            .field(PLACE_TYPE, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema MEDIA_SCHEMA = SchemaBuilder.struct()
            .name("io.tweetstream.Media").version(1)
            .doc("A photo, video or animated GIF attached to the tweet.")
            .field(MEDIA_ID, Schema.INT64_SCHEMA)
            .field(MEDIA_TYPE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(MEDIA_URL, Schema.OPTIONAL_STRING_SCHEMA)
            .field(MEDIA_ALT_TEXT, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static final Schema STRINGS = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
    private static final Schema OPTIONAL_STRINGS = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();
    private static final Schema OPTIONAL_INT64S = SchemaBuilder.array(Schema.INT64_SCHEMA).optional().build();
    private static final Schema OPTIONAL_MEDIA = SchemaBuilder.array(MEDIA_SCHEMA).optional().build();

    public static final Schema VALUE = SchemaBuilder.struct()
            .name("io.tweetstream.Tweet").version(VALUE_VERSION)
            .doc("A tweet delivered by Twitter's filtered stream.")
            .field(ID, Schema.INT64_SCHEMA)
            .field(CREATED_AT, Timestamp.SCHEMA)
            .field(TEXT, Schema.STRING_SCHEMA)
            .field(LANG, Schema.OPTIONAL_STRING_SCHEMA)
            .field(USER, USER_SCHEMA)
            .field(HASHTAGS, STRINGS)
            .field(MENTIONS, STRINGS)
            .field(URLS, STRINGS)
            .field(IN_REPLY_TO_STATUS_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(RETWEETED_STATUS_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(QUOTED_STATUS_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(COORDINATES, COORDINATES_SCHEMA)
            .field(PLACE, PLACE_SCHEMA)
            .field(MATCHED_KEYWORDS, STRINGS)
            .field(RAW_JSON, Schema.OPTIONAL_STRING_SCHEMA)
            // Version 2: optional, so that records of version 1 stay readable (compatible both ways).
            .field(EDIT_HISTORY_TWEET_IDS, OPTIONAL_INT64S)
            .field(MEDIA, OPTIONAL_MEDIA)
            .field(POSSIBLY_SENSITIVE, Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field(CONVERSATION_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(WITHHELD_COUNTRIES, OPTIONAL_STRINGS)
            .field(RETWEETED_USER_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(RETWEETED_SCREEN_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private TweetSchema() {}
}
