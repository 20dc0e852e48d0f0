package io.tweetstream.simulator.stream;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One connection's share of a {@link V2Broadcast}: the tweets made for it that wait to be written. Bounded, so
 * that a client that does not read (its session blocked writing) holds up neither the source nor the other
 * connections: a tweet that finds the feed full is dropped for this connection and counted in the ledger. A feed
 * takes no more than the per-connection maximum of tweets, and none while its connection is stalled on purpose,
 * as a stalled stream on X loses what it would have carried. A connection to one partition of a volume stream takes
 * only the tweets of its {@code share} and is blind to the rest, as if they were never offered. Thread-safe: the
 * broadcast offers, the connection's session polls and waits.
 */
public final class ConnectionFeed {

    private final ConnectionState connection;
    private final StreamLedger ledger;
    private final int capacity;
    private final long maxTweets;
    private final Predicate<V2Tweet> share;
    private final Queue<V2Tweet> waiting = new ArrayDeque<>();
    private long taken;
    private boolean silent;
    private long silentUntilNanos;
    private boolean woken;
    private boolean backfilled;

    ConnectionFeed(ConnectionState connection, StreamLedger ledger, int capacity, long maxTweets) {
        this(connection, ledger, capacity, maxTweets, tweet -> true);
    }

    /** @param share the tweets this connection gets of those offered: its partition's, on a volume stream */
    ConnectionFeed(ConnectionState connection, StreamLedger ledger, int capacity, long maxTweets,
                   Predicate<V2Tweet> share) {
        this.share = share;
        this.connection = connection;
        this.ledger = ledger;
        this.capacity = capacity;
        this.maxTweets = maxTweets;
    }

    public ConnectionState connection() {
        return connection;
    }

    /** Whether this feed would take a tweet made now, or drop it for lack of room; not once capped or while stalled. */
    synchronized boolean wantsTweets(long nowNanos) {
        return taken < maxTweets && !isSilent(nowNanos);
    }

    synchronized void offer(V2Tweet tweet, long nowNanos) {
        if (!share.test(tweet) || !wantsTweets(nowNanos)) {
            return;
        }
        if (waiting.size() >= capacity) {
            ledger.tweetDropped(connection);
            return;
        }
        waiting.add(tweet);
        taken++;
        notifyAll();
    }

    /**
     * Tweets made before the connection opened, for X's backfill: they wait before any made later, beyond the feed's
     * capacity (the history is bounded), and count towards the per-connection maximum.
     */
    synchronized void backfill(List<V2Tweet> tweets) {
        backfilled = true;
        for (V2Tweet tweet : tweets) {
            if (taken >= maxTweets) {
                return;
            }
            if (!share.test(tweet)) {
                continue;
            }
            waiting.add(tweet);
            taken++;
        }
        notifyAll();
    }

    /** Whether it asked for backfill, and so must get every tweet kept for backfill after it joined. */
    synchronized boolean backfilled() {
        return backfilled;
    }

    /** The oldest tweet waiting, or {@code null}. */
    public synchronized V2Tweet poll() {
        return waiting.poll();
    }

    /** Takes no tweets until {@code nanos} ({@link System#nanoTime()}); those waiting already stay. */
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
     * Waits up to {@code nanos} for a tweet to write (none counts while silent) or a {@link #wake()}; a wake-up
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

    private boolean isSilent(long nowNanos) {
        return silent && nowNanos - silentUntilNanos < 0;
    }
}
