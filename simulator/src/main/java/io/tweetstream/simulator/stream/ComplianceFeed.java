package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.ComplianceStreamEvent;

import java.util.List;

/**
 * One compliance connection's share of the {@link ComplianceStream}: the events of its partition that wait to be
 * written. Bounded as a {@link ConnectionFeed} is: an event that finds it full is dropped for this connection (and
 * counted), and a connection stalled on purpose takes none, as a stalled stream on X loses what it would have carried.
 * A Recovery feed holds its period's events and takes no live ones. Thread-safe.
 *
 * @param <E> the events of its stream (Post or User compliance)
 */
public final class ComplianceFeed<E extends ComplianceStreamEvent> extends BoundedFeed<E> {

    private final boolean finite;

    ComplianceFeed(ConnectionState connection, StreamLedger ledger, int capacity, boolean finite) {
        super(connection, ledger, capacity);
        this.finite = finite;
    }

    /** Whether it is a Recovery feed: its events are all there from the start, and the stream ends after them. */
    boolean finite() {
        return finite;
    }

    synchronized void offer(E event, long nowNanos) {
        if (event.partition() != connection().partition() || isSilent(nowNanos)) {
            return;
        }
        queue(event);
    }

    /** Events made before it opened (backfill, or a Recovery period): they wait before any made later. */
    synchronized void backfill(List<E> events) {
        events.stream().filter(event -> event.partition() == connection().partition())
                .forEach(this::queueBeyondCapacity);
        notifyAll();
    }
}
