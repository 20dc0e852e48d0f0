package io.tweetstream.simulator.stream;

import java.util.List;
import java.util.function.Predicate;

/**
 * One connection's share of an {@link EventStream}: the events of its partition that wait to be written. Bounded as a
 * {@link ConnectionFeed} is: an event that finds it full is dropped for this connection (and counted), and a
 * connection stalled on purpose takes none, as a stalled stream on X loses what it would have carried. A Recovery
 * feed holds its period's events and takes no live ones. Thread-safe.
 *
 * @param <E> the events of its stream (compliance events, Likes)
 */
public final class EventFeed<E> extends BoundedFeed<E> {

    private final boolean finite;
    private final Predicate<E> share;

    /** @param share the events this connection gets of those offered: its partition's of its stream */
    EventFeed(ConnectionState connection, StreamLedger ledger, int capacity, boolean finite, Predicate<E> share) {
        super(connection, ledger, capacity);
        this.finite = finite;
        this.share = share;
    }

    /** Whether it is a Recovery feed: its events are all there from the start, and the stream ends after them. */
    boolean finite() {
        return finite;
    }

    Predicate<E> share() {
        return share;
    }

    synchronized void offer(E event, long nowNanos) {
        if (!share.test(event) || isSilent(nowNanos)) {
            return;
        }
        queue(event);
    }

    /** Events made before it opened (backfill, or a Recovery period): they wait before any made later. */
    synchronized void backfill(List<E> events) {
        events.stream().filter(share).forEach(this::queueBeyondCapacity);
        notifyAll();
    }
}
