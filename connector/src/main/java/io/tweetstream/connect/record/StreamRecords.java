package io.tweetstream.connect.record;

import io.tweetstream.connect.core.PendingGaps;
import io.tweetstream.connect.core.RecentTweetIds;
import io.tweetstream.connect.core.ResumePoint;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent.GapEndsAt;
import io.tweetstream.connect.core.StreamEvent.GapPending;
import io.tweetstream.connect.core.StreamEvent.GapRefilled;
import io.tweetstream.connect.core.StreamEvent.GapRefilledThrough;
import io.tweetstream.connect.core.StreamEvent.GeoScrubbed;
import io.tweetstream.connect.core.StreamEvent.LikeRemoved;
import io.tweetstream.connect.core.StreamEvent.LikeReceived;
import io.tweetstream.connect.core.StreamEvent.PositionReached;
import io.tweetstream.connect.core.StreamEvent.TweetDeleted;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamEvent.TweetWithheld;
import io.tweetstream.connect.core.StreamEvent.UserChanged;
import io.tweetstream.connect.core.StreamEvent.UserWithheld;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.cost.PostSpend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a stream delivered into the records the task hands to the worker: each tweet not
 * written before (by id) becomes a record; a deleted or withheld tweet a tombstone, when tombstones
 * are on; every compliance notice a record on the compliance topic, when there is one. Every record
 * carries the offset of the newest tweet written so far (X delivers out of order, and the gap after
 * a restart begins there), with the gaps whose refill is still under way ({@link PendingGaps}), so
 * that a restart refills what the previous run did not. A recovered tweet at or before the point the
 * task resumed from, outside the gaps the previous run left pending, was written by the previous run:
 * it is dropped as a duplicate, as the id cache only knows this run.
 *
 * <p>A withheld tweet is tombstoned like a deleted one: the notice names only the tweet, so its
 * record cannot be rewritten with the countries, and a topic cannot show a tweet only outside them.
 * A withheld user and a scrubbed location cannot be applied to records already written (the notice
 * names no tweets, or a range of them), so they are counted, logged, and written as notices.
 */
public final class StreamRecords {

    private static final Logger log = LoggerFactory.getLogger(StreamRecords.class);

    private final TweetRecords records;
    private final RecentTweetIds recentIds;
    private final boolean tombstonesOnDelete;
    private final ComplianceRecords compliance;
    private final StreamStats stats;
    /** The Posts billed so far, which every offset carries so that budgets hold across restarts; null when not billed. */
    private final Supplier<PostSpend> spend;
    private Map<String, ?> lastOffset = Map.of();
    private ResumePoint newest;
    private PendingGaps pending = PendingGaps.none();
    /** {@link #pending} as the offset says it; made again only when it changes, not for every tweet. */
    private String pendingOffsetValue = "";
    /** Recovered tweets up to this id were written before the restart, but for those in {@link #resumedGaps}. */
    private long resumedFromId = -1;
    private PendingGaps resumedGaps = PendingGaps.none();

    /**
     * @param complianceTopic where compliance notices go; empty to write none
     * @param spend the Posts billed, for the offsets; null for a stream that is not billed
     */
    public StreamRecords(TweetRecords records, RecentTweetIds recentIds, boolean tombstonesOnDelete,
            String complianceTopic, StreamStats stats, Supplier<PostSpend> spend) {
        this.spend = spend;
        this.records = records;
        this.recentIds = recentIds;
        this.tombstonesOnDelete = tombstonesOnDelete;
        this.compliance = complianceTopic == null || complianceTopic.isEmpty()
                ? null : new ComplianceRecords(complianceTopic, records.sourcePartition());
        this.stats = stats;
    }

    /** Continues from the offset the previous run of this stream stored. */
    public void resumeAfter(Map<String, ?> storedOffset) {
        lastOffset = Map.copyOf(storedOffset);
        ResumePoint.fromOffset(storedOffset).ifPresent(point -> {
            newest = point;
            resumedFromId = point.tweetId();
            pending = PendingGaps.fromOffset(storedOffset);
            pendingOffsetValue = pending.toOffsetValue();
            resumedGaps = pending.copy();
        });
    }

    /** The offset every record carries: the newest tweet written, and the gaps still to refill. */
    private void updateOffset() {
        lastOffset = pendingOffsetValue.isEmpty() ? newest.toOffset()
                : Map.of(ResumePoint.OFFSET_TWEET_ID, newest.tweetId(),
                        ResumePoint.OFFSET_CREATED_AT, newest.createdAt().toEpochMilli(),
                        PendingGaps.OFFSET_KEY, pendingOffsetValue);
    }

    /** The offset of a record made now: {@link #lastOffset} and, on a billed stream, the spend so far. */
    private Map<String, ?> offsetNow() {
        if (spend == null) {
            return lastOffset;
        }
        Map<String, Object> offset = new LinkedHashMap<>(lastOffset);
        offset.putAll(spend.get().toOffset());
        return offset;
    }

    private void pendingChanged() {
        pendingOffsetValue = pending.toOffsetValue();
        if (newest != null) {
            updateOffset();
        }
    }

    /** Whether the previous run wrote {@code id}, as far as the offset it left says. */
    private boolean writtenBefore(long id) {
        return id <= resumedFromId && !resumedGaps.contains(id);
    }

    /**
     * Whether the previous run wrote a recovered Like at {@code position}. Likes of one millisecond share a
     * position, so those of the millisecond the run stopped in are written again: a duplicate rather than a loss.
     */
    private boolean likeWrittenBefore(long position) {
        return position < resumedFromId && !resumedGaps.contains(position);
    }

    /** Gap events change what the offset says; they make no record. True when {@code event} was one. */
    private boolean onGapEvent(StreamEvent event) {
        if (event instanceof GapPending gap) {
            pending.open(gap.key(), gap.fromId(), gap.untilId());
        } else if (event instanceof GapEndsAt end) {
            pending.endsAt(end.key(), end.untilId());
        } else if (event instanceof GapRefilledThrough progress) {
            pending.refilledThrough(progress.key(), progress.throughId());
        } else if (event instanceof GapRefilled done) {
            pending.refilled(done.key());
        } else if (event instanceof PositionReached position) {
            if (newest == null || position.id() > newest.tweetId()) {
                newest = new ResumePoint(position.id(), position.at());
            }
        } else {
            return false;
        }
        pendingChanged();
        return true;
    }

    public List<SourceRecord> toRecords(List<StreamEvent> events) {
        List<SourceRecord> batch = new ArrayList<>(events.size());
        for (StreamEvent event : events) {
            if (onGapEvent(event)) {
                continue;
            }
            if (event instanceof TweetReceived received) {
                long id = received.tweet().id();
                if ((received.recovered() && writtenBefore(id)) || !recentIds.firstTime(id)) {
                    stats.increment(StreamCounter.DUPLICATES);
                    continue;
                }
                ResumePoint point = TweetRecords.pointOf(received.tweet());
                boolean inGap = received.recovered() && pending.contains(id);
                if (point.tweetId() > (newest == null ? -1 : newest.tweetId())) {
                    newest = point;
                    updateOffset();
                }
                if (inGap) {
                    pending.written(id);
                    pendingChanged();
                }
                batch.add(records.tweet(received.tweet(), received.matchedKeywords(), offsetNow()));
                continue;
            }
            if (event instanceof LikeReceived received) {
                if ((received.recovered() && likeWrittenBefore(received.position()))
                        || !recentIds.firstTime(received.like().dedupeKey())) {
                    stats.increment(StreamCounter.DUPLICATES);
                } else {
                    batch.add(records.like(received.like(), offsetNow()));
                }
                continue;
            }
            if (event instanceof TweetDeleted deleted) {
                tombstone(deleted.tweetId(), deleted.receivedAtMillis(), "deleted", batch);
            } else if (event instanceof TweetWithheld withheld) {
                tombstone(withheld.tweetId(), withheld.receivedAtMillis(), "withheld in " + withheld.countries(), batch);
            } else if (event instanceof UserWithheld withheld) {
                logUnapplied("User {} is withheld in {}: records already written of their tweets are unchanged",
                        withheld.userId(), withheld.countries());
            } else if (event instanceof UserChanged changed) {
                logUnapplied("User {}: {}; records already written of their tweets are unchanged", changed.userId(),
                        changed.type());
            } else if (event instanceof LikeRemoved removed) {
                logUnapplied("User {} removed their Like of Post {}: Like records already written are unchanged",
                        removed.userId(), removed.tweetId());
            } else if (event instanceof GeoScrubbed scrubbed) {
                logUnapplied("User {} scrubbed the location of their tweets up to {}: records already written"
                        + " still hold it", scrubbed.userId(), scrubbed.upToTweetId());
            }
            if (compliance != null) {
                batch.add(compliance.notice(event, offsetNow()));
                stats.increment(StreamCounter.COMPLIANCE_NOTICES_WRITTEN);
            }
        }
        return batch;
    }

    private void tombstone(long tweetId, long atMillis, String why, List<SourceRecord> batch) {
        if (tombstonesOnDelete) {
            batch.add(records.tombstone(tweetId, offsetNow(), atMillis));
            stats.increment(StreamCounter.TOMBSTONES);
        } else {
            log.debug("Tweet {} was {}; tombstones are off", tweetId, why);
        }
    }

    /**
     * Without a compliance topic nothing else records these notices, so they are logged where an
     * operator sees them; they are rare (a handful a day on a busy stream).
     */
    private void logUnapplied(String message, Object user, Object detail) {
        if (compliance == null) {
            log.info(message + "; set compliance.topic to hand such notices to consumers", user, detail);
        } else {
            log.debug(message, user, detail);
        }
    }
}
