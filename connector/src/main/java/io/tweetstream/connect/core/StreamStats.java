package io.tweetstream.connect.core;

import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The {@link StreamCounter}s of one stream, updated by the reader thread and read by the task for its
 * progress log and metrics.
 */
public final class StreamStats {

    private final AtomicLongArray counts = new AtomicLongArray(StreamCounter.values().length);
    private long lastLimitOnConnection;

    public void increment(StreamCounter counter) {
        counts.incrementAndGet(counter.ordinal());
    }

    public void add(StreamCounter counter, long delta) {
        counts.addAndGet(counter.ordinal(), delta);
    }

    public long get(StreamCounter counter) {
        return counts.get(counter.ordinal());
    }

    /** A connection opened: counted, and the next limit notice counts from zero again. */
    public void connected() {
        increment(StreamCounter.CONNECTS);
        synchronized (this) {
            lastLimitOnConnection = 0;
        }
    }

    /**
     * Twitter's limit notice gives the number of matching tweets it did not deliver since the
     * connection opened; the total adds up the growth over every connection.
     *
     * @return how many more tweets went undelivered since the previous notice
     */
    public synchronized long limitNotice(long undeliveredSinceConnect) {
        long growth = Math.max(0, undeliveredSinceConnect - lastLimitOnConnection);
        lastLimitOnConnection = Math.max(lastLimitOnConnection, undeliveredSinceConnect);
        add(StreamCounter.LIMIT_UNDELIVERED, growth);
        return growth;
    }

    /** Every counter as {@code name=value}, for the progress log line. */
    @Override
    public String toString() {
        StringJoiner line = new StringJoiner(" ");
        for (StreamCounter counter : StreamCounter.values()) {
            line.add(counter.logName() + "=" + get(counter));
        }
        return line.toString();
    }
}
