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
    private final AtomicLong streamErrors = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong leftToOtherTasks = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private long lastLimitOnConnection;

    public void tweetReceived() {
        tweets.incrementAndGet();
    }

    void deleteReceived() {
        deletes.incrementAndGet();
    }

    public void connected() {
        connects.incrementAndGet();
        synchronized (this) {
            lastLimitOnConnection = 0;
        }
    }

    public void skippedMessage() {
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

    /** An error message the API sent in the stream, such as an operational disconnect. */
    public void streamError() {
        streamErrors.incrementAndGet();
    }

    /** The connection stayed silent longer than the read timeout and was dropped. */
    public void stalled() {
        stalls.incrementAndGet();
    }

    /** A v2 tweet that another task of the connector writes (see the v2 task mapping). */
    public void leftToOtherTask() {
        leftToOtherTasks.incrementAndGet();
    }

    /** A v2 tweet that matched only rules of other apps' users or connectors. */
    public void tweetUnmatched() {
        unmatched.incrementAndGet();
    }

    /** A tweet that arrived again and was dropped (see {@link RecentTweetIds}). */
    public void duplicate() {
        duplicates.incrementAndGet();
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

    public long streamErrors() {
        return streamErrors.get();
    }

    public long stalls() {
        return stalls.get();
    }

    public long leftToOtherTasks() {
        return leftToOtherTasks.get();
    }

    public long unmatched() {
        return unmatched.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    @Override
    public String toString() {
        return "tweets=" + tweets() + " deletes=" + deletes() + " undelivered=" + undelivered()
                + " skipped=" + skippedMessages() + " connects=" + connects()
                + " discardedOnClose=" + discardedOnClose() + " streamErrors=" + streamErrors()
                + " stalls=" + stalls() + " leftToOtherTasks=" + leftToOtherTasks() + " unmatched=" + unmatched()
                + " duplicates=" + duplicates();
    }
}
