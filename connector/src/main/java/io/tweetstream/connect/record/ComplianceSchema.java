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
    public static final String PROFILE_FIELD = "profile_field";
    public static final String NEW_VALUE = "new_value";

    /** The notice types, named as in Twitter's v1.1 stream messages. */
    public static final String TYPE_DELETE = "delete";
    public static final String TYPE_STATUS_WITHHELD = "status_withheld";
    public static final String TYPE_USER_WITHHELD = "user_withheld";
    public static final String TYPE_SCRUB_GEO = "scrub_geo";

    /**
     * The notice types of X's User compliance stream that v1.1 has no name for, named as X names them; its
     * {@code user_withheld} and {@code scrub_geo} are the types above.
     */
    public static final String TYPE_USER_DELETE = "user_delete";
    public static final String TYPE_USER_UNDELETE = "user_undelete";
    public static final String TYPE_USER_PROTECT = "user_protect";
    public static final String TYPE_USER_UNPROTECT = "user_unprotect";
    public static final String TYPE_USER_SUSPEND = "user_suspend";
    public static final String TYPE_USER_UNSUSPEND = "user_unsuspend";
    public static final String TYPE_USER_PROFILE_MODIFICATION = "user_profile_modification";

    /**
     * A Like removed, from X's likes compliance stream (whose event is a {@code delete} of a {@code favorite}, named
     * apart here from a Post's {@code delete}): {@code user_id} removed their Like of {@code tweet_id}.
     */
    public static final String TYPE_UNLIKE = "unlike";

    /** The record key: the user the notice is about. */
    public static final Schema KEY = Schema.INT64_SCHEMA;

    public static final Schema VALUE = SchemaBuilder.struct()
            .name("io.tweetstream.ComplianceNotice").version(2)
            .doc("A compliance notice from the stream: a tweet deleted or withheld, a user withheld, a user's"
                    + " locations scrubbed up to a tweet, or (version 2, X's User compliance stream) a user deleted,"
                    + " protected, suspended or changing their profile, or that undone; or (type unlike, X's likes"
                    + " compliance stream) a user removing their Like of a tweet.")
            .field(TYPE, Schema.STRING_SCHEMA)
            .field(USER_ID, Schema.INT64_SCHEMA)
            .field(TWEET_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(UP_TO_TWEET_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(WITHHELD_COUNTRIES, SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field(RECEIVED_AT, Timestamp.SCHEMA)
            .field(PROFILE_FIELD, SchemaBuilder.string().optional()
                    .doc("user_profile_modification: what changed, e.g. profile.description").build())
            .field(NEW_VALUE, SchemaBuilder.string().optional()
                    .doc("user_profile_modification: the field's new value").build())
            .build();

    private ComplianceSchema() {}
}
