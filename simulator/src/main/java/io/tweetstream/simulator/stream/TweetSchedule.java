package io.tweetstream.simulator.stream;

/**
 * When a stream's next status is due, at a fixed rate with an optional {@link Burst} now and then.
 * Due times are measured from the start (the sum of the periods so far), so the time it takes to send
 * does not add up to drift; a stream that fell more than a second behind (a stopped JVM, a slow
 * client) starts afresh rather than bursting to catch up. Pure: times are passed in as
 * {@link System#nanoTime()} values.
 */
public final class TweetSchedule implements Pace {

    static final long MAX_LAG_NANOS = 1_000_000_000L;

    /** A rate raised by {@code factor} for {@code lengthNanos} at the start of every {@code everyNanos}. */
    public record Burst(long everyNanos, long lengthNanos, double factor) {
        public static final Burst NONE = new Burst(0, 0, 1);

        boolean covers(long sinceStartNanos) {
            return everyNanos > 0 && factor != 1 && Math.floorMod(sinceStartNanos, everyNanos) < lengthNanos;
        }
    }

    private final double periodNanos;
    private final Burst burst;
    private final long originNanos;
    private long startNanos;
    private double sinceStartNanos;

    public TweetSchedule(long startNanos, double perSecond) {
        this(startNanos, perSecond, Burst.NONE);
    }

    public TweetSchedule(long startNanos, double perSecond, Burst burst) {
        this.startNanos = startNanos;
        this.originNanos = startNanos;
        this.periodNanos = 1e9 / perSecond;
        this.burst = burst;
    }

    @Override
    public boolean isDue(long nowNanos) {
        return nowNanos - nextDueNanos() >= 0;
    }

    @Override
    public long nextDueNanos() {
        return startNanos + Math.round(sinceStartNanos);
    }

    /** Starts afresh at {@code nowNanos}: what was due before is not made up for. Bursts keep their rhythm. */
    @Override
    public void restartAt(long nowNanos) {
        startNanos = nowNanos;
        sinceStartNanos = 0;
    }

    /** Records that the due status was sent at {@code nowNanos}. */
    @Override
    public void advance(long nowNanos) {
        long due = nextDueNanos();
        sinceStartNanos += burst.covers(due - originNanos) ? periodNanos / burst.factor() : periodNanos;
        if (nowNanos - nextDueNanos() > MAX_LAG_NANOS) {
            startNanos = nowNanos;
            sinceStartNanos = 0;
        }
    }
}
