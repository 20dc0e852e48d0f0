package io.tweetstream.connect.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what one stream received and what became of it, updated by the reader thread and read
 * by the task for its progress log.
 */
public final class StreamStats {

    private final AtomicLong tweets = new AtomicLong();
    private final AtomicLong deletes = new AtomicLong();
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicLong skippedMessages = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong discardedOnClose = new AtomicLong();
    private long lastLimitOnConnection;

    void tweetReceived() {
        tweets.incrementAndGet();
    }

    void deleteReceived() {
        deletes.incrementAndGet();
    }

    void connected() {
        connects.incrementAndGet();
        synchronized (this) {
            lastLimitOnConnection = 0;
        }
    }

    void skippedMessage() {
        skippedMessages.incrementAndGet();
    }

    void discardedOnClose(long count) {
        discardedOnClose.addAndGet(count);
    }

    /**
     * Twitter's limit notice gives the number of matching tweets it did not deliver since the
     * connection opened; the total adds up the growth over every connection.
     *
     * @return how many more tweets went undelivered since the previous notice
     */
    synchronized long limitNotice(long undeliveredSinceConnect) {
        long growth = Math.max(0, undeliveredSinceConnect - lastLimitOnConnection);
        lastLimitOnConnection = Math.max(lastLimitOnConnection, undeliveredSinceConnect);
        undelivered.addAndGet(growth);
        return growth;
    }

    public long tweets() {
        return tweets.get();
    }

    public long deletes() {
        return deletes.get();
    }

    /** Matching tweets Twitter reported it did not deliver (limit notices), over all connections. */
    public long undelivered() {
        return undelivered.get();
    }

    /** Messages that could not be parsed and were skipped. */
    public long skippedMessages() {
        return skippedMessages.get();
    }

    /** Successful connections, including the first: reconnects are {@code connects() - 1}. */
    public long connects() {
        return connects.get();
    }

    /** Events received but not handed to Kafka because the task was stopping. */
    public long discardedOnClose() {
        return discardedOnClose.get();
    }

    @Override
    public String toString() {
        return "tweets=" + tweets() + " deletes=" + deletes() + " undelivered=" + undelivered()
                + " skipped=" + skippedMessages() + " connects=" + connects()
                + " discardedOnClose=" + discardedOnClose();
    }
}
