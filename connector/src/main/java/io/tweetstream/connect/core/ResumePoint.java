package io.tweetstream.connect.core;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stream stood when its task last wrote: the newest tweet written (by id, which X makes in
 * time order) and its creation time, and the gaps before it whose refill was still under way. It is
 * the records' source offset, so that after a restart the task knows which gaps to refill.
 */
public record ResumePoint(long tweetId, Instant createdAt, PendingGaps pending) {

    public ResumePoint(long tweetId, Instant createdAt) {
        this(tweetId, createdAt, PendingGaps.none());
    }

    public static final String OFFSET_TWEET_ID = "tweet_id";
    public static final String OFFSET_CREATED_AT = "created_at";

    /** The point a stored offset names; empty for none, or for an offset this version cannot read. */
    public static Optional<ResumePoint> fromOffset(Map<String, ?> offset) {
        if (offset == null || !(offset.get(OFFSET_TWEET_ID) instanceof Number id)
                || !(offset.get(OFFSET_CREATED_AT) instanceof Number createdAt)) {
            return Optional.empty();
        }
        return Optional.of(new ResumePoint(id.longValue(), Instant.ofEpochMilli(createdAt.longValue()),
                PendingGaps.fromOffset(offset)));
    }

    /** The offset of the newest tweet, without gaps: {@link io.tweetstream.connect.record.StreamRecords} adds them. */
    public Map<String, Long> toOffset() {
        return Map.of(OFFSET_TWEET_ID, tweetId, OFFSET_CREATED_AT, createdAt.toEpochMilli());
    }

    /** The later of the two, by tweet id. */
    public ResumePoint max(ResumePoint other) {
        return other == null || tweetId >= other.tweetId ? this : other;
    }
}
