package io.tweetstream.connect.v2;

import java.time.Instant;

/**
 * X's post ids are snowflakes: milliseconds since X's epoch in the bits above the lowest 22
 * (resources/fundamentals/x-ids.mdx), so an id stands for a time and ids bound a time range.
 */
public final class Snowflake {

    static final long EPOCH_MILLIS = 1_288_834_974_657L;
    private static final int TIMESTAMP_SHIFT = 22;

    private Snowflake() {}

    /** The lowest id X can have given a post made at {@code at}. */
    public static long lowestIdAt(Instant at) {
        return Math.max(0, at.toEpochMilli() - EPOCH_MILLIS) << TIMESTAMP_SHIFT;
    }

    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >>> TIMESTAMP_SHIFT) + EPOCH_MILLIS);
    }
}
