package io.tweetstream.simulator.v2;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The buckets of a counts request: {@code minute}, {@code hour} (X's default) or {@code day}, aligned in UTC. */
public enum Granularity {
    MINUTE(ChronoUnit.MINUTES), HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Granularity(ChronoUnit unit) {
        this.unit = unit;
    }

    /** The name X takes in {@code granularity}. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The start of the bucket {@code at} falls in. */
    public Instant bucketStart(Instant at) {
        return at.atZone(ZoneOffset.UTC).truncatedTo(unit).toInstant();
    }

    /** The start of the bucket after the one {@code at} falls in. */
    public Instant nextBucketStart(Instant at) {
        return bucketStart(at).plus(1, unit);
    }
}
