package io.tweetstream.connect.record;

import io.tweetstream.connect.core.RecentTweetIds;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamEvent.TweetDeleted;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a stream delivered into the records the task hands to the worker: each tweet not
 * written before (by id) becomes a record, each delete notice a tombstone when tombstones are on.
 * It keeps the offset of the last tweet, which a tombstone carries.
 */
public final class StreamRecords {

    private static final Logger log = LoggerFactory.getLogger(StreamRecords.class);

    private final TweetRecords records;
    private final RecentTweetIds recentIds;
    private final boolean tombstonesOnDelete;
    private final StreamStats stats;
    private Map<String, ?> lastOffset = Map.of();

    public StreamRecords(TweetRecords records, RecentTweetIds recentIds, boolean tombstonesOnDelete, StreamStats stats) {
        this.records = records;
        this.recentIds = recentIds;
        this.tombstonesOnDelete = tombstonesOnDelete;
        this.stats = stats;
    }

    /** Continues from the offset the previous run of this stream stored. */
    public void resumeAfter(Map<String, ?> storedOffset) {
        lastOffset = Map.copyOf(storedOffset);
    }

    public List<SourceRecord> toRecords(List<StreamEvent> events) {
        List<SourceRecord> batch = new ArrayList<>(events.size());
        for (StreamEvent event : events) {
            if (event instanceof TweetReceived received) {
                if (!recentIds.firstTime(received.tweet().id())) {
                    stats.increment(StreamCounter.DUPLICATES);
                    continue;
                }
                batch.add(records.tweet(received.tweet(), received.matchedKeywords()));
                lastOffset = TweetRecords.offsetOf(received.tweet());
            } else if (event instanceof TweetDeleted deleted) {
                if (tombstonesOnDelete) {
                    batch.add(records.tombstone(deleted.tweetId(), lastOffset, deleted.receivedAtMillis()));
                    stats.increment(StreamCounter.TOMBSTONES);
                } else {
                    log.debug("Tweet {} was deleted; tombstones are off", deleted.tweetId());
                }
            }
        }
        return batch;
    }
}
