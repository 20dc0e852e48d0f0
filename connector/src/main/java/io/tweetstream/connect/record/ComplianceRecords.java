package io.tweetstream.connect.record;

import static io.tweetstream.connect.record.ComplianceSchema.*;

import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamEvent.GeoScrubbed;
import io.tweetstream.connect.core.StreamEvent.LikeRemoved;
import io.tweetstream.connect.core.StreamEvent.TweetDeleted;
import io.tweetstream.connect.core.StreamEvent.TweetWithheld;
import io.tweetstream.connect.core.StreamEvent.UserChanged;
import io.tweetstream.connect.core.StreamEvent.UserWithheld;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the records of {@code compliance.topic} ({@link ComplianceSchema}). Like a tombstone, a
 * notice does not move the stream forward, so its record carries the offset of the last tweet.
 */
public final class ComplianceRecords {

    private final String topic;
    private final Map<String, String> sourcePartition;

    public ComplianceRecords(String topic, Map<String, String> sourcePartition) {
        this.topic = topic;
        this.sourcePartition = sourcePartition;
    }

    /** The record of a compliance notice; the event must be one (not a tweet). */
    public SourceRecord notice(StreamEvent event, Map<String, ?> lastOffset) {
        Struct value = toStruct(event);
        return new SourceRecord(sourcePartition, lastOffset, topic, null, KEY, value.getInt64(USER_ID), VALUE, value,
                ((Date) value.get(RECEIVED_AT)).getTime());
    }

    static Struct toStruct(StreamEvent event) {
        if (event instanceof TweetDeleted deleted) {
            return base(TYPE_DELETE, deleted.userId(), deleted.receivedAtMillis()).put(TWEET_ID, deleted.tweetId());
        }
        if (event instanceof TweetWithheld withheld) {
            return base(TYPE_STATUS_WITHHELD, withheld.userId(), withheld.receivedAtMillis())
                    .put(TWEET_ID, withheld.tweetId())
                    .put(WITHHELD_COUNTRIES, withheld.countries());
        }
        if (event instanceof UserWithheld withheld) {
            return base(TYPE_USER_WITHHELD, withheld.userId(), withheld.receivedAtMillis())
                    .put(WITHHELD_COUNTRIES, withheld.countries());
        }
        if (event instanceof UserChanged changed) {
            return base(changed.type(), changed.userId(), changed.receivedAtMillis())
                    .put(PROFILE_FIELD, changed.profileField())
                    .put(NEW_VALUE, changed.newValue());
        }
        if (event instanceof LikeRemoved removed) {
            return base(TYPE_UNLIKE, removed.userId(), removed.receivedAtMillis()).put(TWEET_ID, removed.tweetId());
        }
        if (event instanceof GeoScrubbed scrubbed) {
            return base(TYPE_SCRUB_GEO, scrubbed.userId(), scrubbed.receivedAtMillis())
                    .put(UP_TO_TWEET_ID, scrubbed.upToTweetId());
        }
        throw new IllegalArgumentException("Not a compliance notice: " + event);
    }

    private static Struct base(String type, long userId, long receivedAtMillis) {
        return new Struct(VALUE).put(TYPE, type).put(USER_ID, userId).put(RECEIVED_AT, new Date(receivedAtMillis));
    }
}
