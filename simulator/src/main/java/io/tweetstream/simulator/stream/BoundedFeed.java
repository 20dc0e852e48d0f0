package io.tweetstream.simulator.stream;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * What every v2 connection's feed is, whatever it carries ({@link ConnectionFeed}'s tweets, {@link EventFeed}'s
 * compliance events and Likes): a bounded queue of what waits to be written, so that a client that does not read
 * holds up neither the source nor the other connections (what finds it full is dropped for this connection and
 * counted in the ledger); a silence while the connection is stalled on purpose; and the wait of its session, which a
 * {@link #wake()} ends. Kept in one place so that the streams stall, drop and wake alike. Thread-safe: the source
 * offers, the connection's session polls and waits, all under the feed's lock.
 *
 * @param <T> what the feed carries
 */
abstract class BoundedFeed<T> {

    private final ConnectionState connection;
    private final StreamLedger ledger;
    private final int capacity;
    private final Queue<T> waiting = new ArrayDeque<>();
    private boolean silent;
    private long silentUntilNanos;
    private boolean woken;

    BoundedFeed(ConnectionState connection, StreamLedger ledger, int capacity) {
        this.connection = connection;
        this.ledger = ledger;
        this.capacity = capacity;
    }

    public ConnectionState connection() {
        return connection;
    }

    /**
     * Queues {@code item} and wakes the session; {@code false} when the feed is full, and it is dropped for this
     * connection (and counted).
     */
    final synchronized boolean queue(T item) {
        if (waiting.size() >= capacity) {
            ledger.tweetDropped(connection);
            return false;
        }
        waiting.add(item);
        notifyAll();
        return true;
    }

    /** Queues {@code item} beyond the capacity (backfill: the history it comes from is bounded); no wake-up. */
    final synchronized void queueBeyondCapacity(T item) {
        waiting.add(item);
    }

    /** The oldest item waiting, or {@code null}. */
    public synchronized T poll() {
        return waiting.poll();
    }

    synchronized boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Takes nothing until {@code nanos} ({@link System#nanoTime()}); what waits already stays. */
    public synchronized void silenceUntil(long nanos) {
        silent = true;
        silentUntilNanos = nanos;
    }

    /** Ends a wait now: a fault was injected or the simulator is closing. */
    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /**
     * Waits up to {@code nanos} for something to write (nothing counts while silent) or a {@link #wake()}; a wake-up
     * that came since the last wait ends this one at once, so none is lost.
     */
    public synchronized void await(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        long left = nanos;
        while (!woken && left > 0 && (waiting.isEmpty() || isSilent(System.nanoTime()))) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            left = deadline - System.nanoTime();
        }
        woken = false;
    }

    /** Whether the connection is stalled on purpose at {@code nowNanos}. */
    final synchronized boolean isSilent(long nowNanos) {
        return silent && nowNanos - silentUntilNanos < 0;
    }
}
