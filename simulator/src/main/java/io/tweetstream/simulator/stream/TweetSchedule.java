package io.tweetstream.simulator.stream;

/**
 * When a stream's next status is due, at a fixed rate. Due times are computed from the start
 * ({@code start + n * period}), so pauses and rounding do not add up to drift; a stream that fell more than
 * a second behind (a stopped JVM, a slow client) starts afresh rather than bursting to catch up.
 * Pure: times are passed in as {@link System#nanoTime()} values.
 */
public final class TweetSchedule {

    static final long MAX_LAG_NANOS = 1_000_000_000L;

    private final double periodNanos;
    private long startNanos;
    private long sentSinceStart;

    public TweetSchedule(long startNanos, double perSecond) {
        this.startNanos = startNanos;
        this.periodNanos = 1e9 / perSecond;
    }

    public boolean isDue(long nowNanos) {
        return nowNanos - nextDueNanos() >= 0;
    }

    public long nextDueNanos() {
        return startNanos + Math.round(sentSinceStart * periodNanos);
    }

    /** Records that the due status was sent at {@code nowNanos}. */
    public void advance(long nowNanos) {
        sentSinceStart++;
        if (nowNanos - nextDueNanos() > MAX_LAG_NANOS) {
            startNanos = nowNanos;
            sentSinceStart = 0;
        }
    }
}
