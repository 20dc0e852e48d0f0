package io.tweetstream.simulator.stream;

/**
 * When a stream's next message is due: at a configured rate ({@link TweetSchedule}) or as a recording goes. Times are
 * {@link System#nanoTime()} values.
 */
public interface Pace {

    long nextDueNanos();

    /** Records that the due message was handled (sent, or skipped) at {@code nowNanos}. */
    void advance(long nowNanos);

    /** Makes the next message due now: what was due during a stall is not made up for. */
    void restartAt(long nowNanos);

    default boolean isDue(long nowNanos) {
        return nowNanos - nextDueNanos() >= 0;
    }
}
