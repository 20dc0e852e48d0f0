package io.tweetstream.simulator.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The time X bills by and writes in every v2 answer's {@code Date} header: real time plus an offset a test moves
 * forward, so that it can cross UTC days and cap periods in a second. Tweets keep their real creation times (a
 * client's gap logic depends on them); only the day and month a Post is billed in, and the {@code Date} header,
 * follow this clock. Thread-safe.
 */
public final class BillingClock {

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    /** The UTC day a Post read now is billed in. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** Moves the clock {@code by} forward; it never goes back, as X's days do not. */
    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the billing clock only moves forward, not by " + by);
        }
        offset = offset.plus(by);
    }
}
