package io.tweetstream.connect.record;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The schema of the records written to {@code compliance.topic}: one per compliance notice the stream
 * delivered, so that consumers can act on the tweets already written (forget a deleted tweet, hide a
 * withheld one in the listed countries, drop the location of a user's earlier tweets). The key is the
 * user id, so that one user's notices keep their order.
 */
public final class ComplianceSchema {

    public static final String TYPE = "type";
    public static final String USER_ID = "user_id";
    public static final String TWEET_ID = "tweet_id";
    public static final String UP_TO_TWEET_ID = "up_to_tweet_id";
    public static final String WITHHELD_COUNTRIES = "withheld_countries";
    public static final String RECEIVED_AT = "received_at";

    /** The notice types, named as in Twitter's v1.1 stream messages. */
    public static final String TYPE_DELETE = "delete";
    public static final String TYPE_STATUS_WITHHELD = "status_withheld";
    public static final String TYPE_USER_WITHHELD = "user_withheld";
    public static final String TYPE_SCRUB_GEO = "scrub_geo";

    /** The record key: the user the notice is about. */
    public static final Schema KEY = Schema.INT64_SCHEMA;

    public static final Schema VALUE = SchemaBuilder.struct()
            .name("io.tweetstream.ComplianceNotice").version(1)
            .doc("A compliance notice from the stream: a tweet deleted or withheld, a user withheld, or a"
                    + " user's locations scrubbed up to a tweet.")
            .field(TYPE, Schema.STRING_SCHEMA)
            .field(USER_ID, Schema.INT64_SCHEMA)
            .field(TWEET_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(UP_TO_TWEET_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(WITHHELD_COUNTRIES, SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field(RECEIVED_AT, Timestamp.SCHEMA)
            .build();

    private ComplianceSchema() {}
}
