package io.tweetstream.simulator.stream;

import java.util.List;
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
public final class ConnectionFeed extends BoundedFeed<V2Tweet> {

    private final long maxTweets;
    private final Predicate<V2Tweet> share;
    private long taken;
    private boolean backfilled;

    ConnectionFeed(ConnectionState connection, StreamLedger ledger, int capacity, long maxTweets) {
        this(connection, ledger, capacity, maxTweets, tweet -> true);
    }

    /** @param share the tweets this connection gets of those offered: its partition's, on a volume stream */
    ConnectionFeed(ConnectionState connection, StreamLedger ledger, int capacity, long maxTweets,
                   Predicate<V2Tweet> share) {
        super(connection, ledger, capacity);
        this.share = share;
        this.maxTweets = maxTweets;
    }

    /** Whether this feed would take a tweet made now, or drop it for lack of room; not once capped or while stalled. */
    synchronized boolean wantsTweets(long nowNanos) {
        return taken < maxTweets && !isSilent(nowNanos);
    }

    synchronized void offer(V2Tweet tweet, long nowNanos) {
        if (!share.test(tweet) || !wantsTweets(nowNanos)) {
            return;
        }
        if (queue(tweet)) {
            taken++;
        }
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
            queueBeyondCapacity(tweet);
            taken++;
        }
        notifyAll();
    }

    /** Whether it asked for backfill, and so must get every tweet kept for backfill after it joined. */
    synchronized boolean backfilled() {
        return backfilled;
    }
}
