package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A world of events that are not Posts, served on v2 streams: X's compliance streams' events
 * ({@link ComplianceStream}) and its Likes ({@link LikesStream}). Each event is in one partition of each stream that
 * carries it ({@link #inPartition}; on a stream without partitions, such as the Likes compliance stream, in its one
 * share, "partition 0", which every connection reads), is kept (at most {@link SimulatorSettings#historyLimit()}, none
 * made more than 24 hours before the newest) for backfill, Recovery and the tests' view, and goes at once to every
 * connection open on its partition. Events are made whether or not a connection is open, as X's users act whether or
 * not anyone listens. Kept in one place so that these streams keep, backfill and recover alike; a subclass says what
 * its events are, when each was made and where it goes, and makes them ({@link #emit}). Thread-safe.
 *
 * @param <E> the stream's events
 * @param <S> the record of one event written to one connection
 */
public abstract class EventStream<E, S> {

    /** How long events are kept: as far back as Recovery reaches. */
    public static final Duration MAX_AGE = Duration.ofHours(24);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    final SimulatorSettings settings;
    final V2Controls controls;
    /** Guards the events kept and the feeds; a subclass's own state too, and its waits. */
    final Object lock = new Object();
    private final StreamLedger ledger;
    private final List<EventFeed<E>> feeds = new ArrayList<>();
    private final Deque<E> made = new ArrayDeque<>();
    private final BoundedHistory<S> sent;

    EventStream(SimulatorSettings settings, StreamLedger ledger, V2Controls controls) {
        this.settings = settings;
        this.ledger = ledger;
        this.controls = controls;
        this.sent = new BoundedHistory<>(settings.sentHistoryLimit());
        controls.onChange(this::wakeAll);
    }

    /**
     * Starts giving {@code connection} its partition's events of the last {@code backfillMinutes} (none for 0), then
     * those made from now on, with neither a gap nor a repeat between them.
     */
    public final EventFeed<E> join(ConnectionState connection, int backfillMinutes) {
        opening();
        EventFeed<E> feed = new EventFeed<>(connection, ledger, settings.v2ConnectionBacklog(), false,
                share(connection));
        synchronized (lock) {
            if (backfillMinutes > 0 && settings.v2BackfillLimit() > 0) {
                List<E> kept = between(feed.share(), Instant.now().minus(Duration.ofMinutes(backfillMinutes)),
                        Instant.MAX);
                feed.backfill(kept.subList(Math.max(0, kept.size() - settings.v2BackfillLimit()), kept.size()));
            }
            feeds.add(feed);
        }
        return feed;
    }

    /** A Recovery feed: the partition's events made in {@code [start, end)}, oldest first. */
    public final EventFeed<E> recover(ConnectionState connection, Instant start, Instant end) {
        opening();
        EventFeed<E> feed = new EventFeed<>(connection, ledger, Integer.MAX_VALUE, true, share(connection));
        synchronized (lock) {
            feed.backfill(between(feed.share(), start, end));
        }
        return feed;
    }

    public final void leave(EventFeed<E> feed) {
        synchronized (lock) {
            feeds.remove(feed);
        }
    }

    /** Every event kept, oldest first. */
    public final List<E> made() {
        synchronized (lock) {
            return List.copyOf(made);
        }
    }

    /** The events written so far, one per connection, oldest first. */
    public final List<S> sent() {
        return sent.snapshot();
    }

    /** Records that {@code event} was written on {@code connection}. */
    final void sent(ConnectionState connection, E event) {
        sent.add(sentRecord(connection.id(), connection.partition(), Instant.now(), event));
    }

    /**
     * The record of {@code event} written to connection {@code connectionId} of {@code partition} (0 on a stream
     * without partitions).
     */
    abstract S sentRecord(long connectionId, int partition, Instant sentAt, E event);

    /** When {@code event} was made: what it is kept, backfilled and recovered by. */
    abstract Instant madeAt(E event);

    /**
     * Whether {@code partition} of {@code endpoint} carries {@code event}: on a partitioned stream, whether it is the
     * event's one partition there (1 to {@link StreamEndpoint#partitions()}); on a stream without partitions, whose
     * connections all read partition 0, whether the stream carries the event at all.
     */
    abstract boolean inPartition(E event, StreamEndpoint endpoint, int partition);

    /** A connection is about to join or recover: what the stream needs started first. Nothing by default. */
    void opening() {
    }

    /** Keeps {@code event} and gives it to every connection open on its partition; returns it. */
    final E emit(E event) {
        long now = System.nanoTime();
        synchronized (lock) {
            if (settings.historyLimit() > 0) {
                made.addLast(event);
                while (made.size() > settings.historyLimit()) {
                    made.removeFirst();
                }
                Instant cutoff = madeAt(event).minus(MAX_AGE);
                while (!made.isEmpty() && madeAt(made.peekFirst()).isBefore(cutoff)) {
                    made.removeFirst();
                }
            }
            for (EventFeed<E> feed : feeds) {
                feed.offer(event, now);
            }
        }
        log.debug("{} made {}", getClass().getSimpleName(), event);
        return event;
    }

    /** Now, in whole milliseconds: the times of events are X's, to the millisecond. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code at} as X's JSON writes a time: UTC, milliseconds, {@code Z}. */
    static String time(Instant at) {
        return TIME.format(at);
    }

    /** The events of {@code connection}'s partition of its stream (the whole stream when it has no partitions). */
    private Predicate<E> share(ConnectionState connection) {
        StreamEndpoint endpoint = connection.endpoint();
        int partition = connection.partition();
        return event -> inPartition(event, endpoint, partition);
    }

    /** The events kept of {@code share} made in {@code [from, until)}, oldest first. Holds the lock. */
    private List<E> between(Predicate<E> share, Instant from, Instant until) {
        return made.stream().filter(event -> share.test(event) && !madeAt(event).isBefore(from)
                && madeAt(event).isBefore(until)).toList();
    }

    private void wakeAll() {
        List<EventFeed<E>> current;
        synchronized (lock) {
            current = List.copyOf(feeds);
            lock.notifyAll();
        }
        current.forEach(EventFeed::wake);
    }
}
