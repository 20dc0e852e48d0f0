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

    /** Low bits of ids made for the past start here, far above those of live ids (which count up from 0 per ms). */
    private static final long EARLIER_LOW_BITS = 1L << (TIMESTAMP_SHIFT - 1);

    private final AtomicLong last = new AtomicLong();
    private final AtomicLong earlier = new AtomicLong();

    /** A new id for a status created at {@code now}: greater than every id this instance gave before. */
    public long next(Instant now) {
        long candidate = timestampBits(now);
        return last.updateAndGet(previous -> Math.max(previous + 1, candidate));
    }

    /**
     * An id for a status made now but dated {@code createdAt}, in the past ({@code madeEarlier}): its time in the high
     * bits and a sequence of its own in the low ones, so that it is unique, consistent with its time, and lower than
     * every id given for a later millisecond. Not registered as given, so live ids stay what they would be.
     */
    public long earlier(Instant createdAt) {
        long sequence = EARLIER_LOW_BITS + (earlier.getAndIncrement() % EARLIER_LOW_BITS);
        return timestampBits(createdAt) | sequence;
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
