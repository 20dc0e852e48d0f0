package io.tweetstream.simulator.generate;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Status ids shaped like Twitter's Snowflake ids: milliseconds since Twitter's epoch in the high bits,
 * so ids grow with time and a client can read the creation time back from one.
 * One instance serves every stream of a simulator, so ids are unique and increasing across streams.
 */
public final class SnowflakeIds {

    /** 2010-11-04T01:42:54.657Z, Twitter's Snowflake epoch. */
    static final long TWITTER_EPOCH_MILLIS = 1_288_834_974_657L;
    private static final int TIMESTAMP_SHIFT = 22;
    private static final int LOW_BITS_MASK = (1 << TIMESTAMP_SHIFT) - 1;

    private final AtomicLong last = new AtomicLong();

    /** A new id for a status created at {@code now}: greater than every id this instance gave before. */
    public long next(Instant now) {
        long candidate = timestampBits(now);
        return last.updateAndGet(previous -> Math.max(previous + 1, candidate));
    }

    /** An id for a status created in the past (a retweeted or quoted original); not registered as given. */
    public static long historic(Instant createdAt, Dice dice) {
        return timestampBits(createdAt) | dice.index(LOW_BITS_MASK + 1);
    }

    /** The creation time encoded in an id. */
    public static Instant createdAt(long id) {
        return Instant.ofEpochMilli((id >>> TIMESTAMP_SHIFT) + TWITTER_EPOCH_MILLIS);
    }

    private static long timestampBits(Instant at) {
        return (at.toEpochMilli() - TWITTER_EPOCH_MILLIS) << TIMESTAMP_SHIFT;
    }
}
