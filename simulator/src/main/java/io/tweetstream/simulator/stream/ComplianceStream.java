package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.ComplianceStreamEvent;
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

/**
 * One of X's compliance streams as one world of events, whatever they are about (the Post compliance stream's,
 * {@link PostComplianceStream}; the User compliance stream's, {@link UserComplianceStream}): each event in one of the
 * stream's 4 partitions (by the id it is about, {@link VolumePartitions}), kept (at most
 * {@link SimulatorSettings#historyLimit()}, none older than 24 hours) for backfill, Recovery and the tests' view, and
 * sent at once to every connection open on its partition. Events are made whether or not a connection is open, as X's
 * users act whether or not anyone listens. A subclass says which events there are and makes them ({@link #emit}).
 * Thread-safe.
 *
 * @param <E> the stream's events
 * @param <S> the record of one event written to one connection
 */
public abstract class ComplianceStream<E extends ComplianceStreamEvent, S> {

    /** How long events are kept: as far back as Recovery reaches. */
    public static final Duration MAX_AGE = Duration.ofHours(24);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter EVENT_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(ComplianceStream.class);

    final SimulatorSettings settings;
    final V2Controls controls;
    /** Guards the events kept and the feeds; a subclass's own state too, and its waits. */
    final Object lock = new Object();
    private final StreamEndpoint endpoint;
    private final StreamLedger ledger;
    private final List<ComplianceFeed<E>> feeds = new ArrayList<>();
    private final Deque<E> made = new ArrayDeque<>();
    private final BoundedHistory<S> sent;

    ComplianceStream(StreamEndpoint endpoint, SimulatorSettings settings, StreamLedger ledger, V2Controls controls) {
        if (!endpoint.compliance()) {
            throw new IllegalArgumentException(endpoint + " is not a compliance stream");
        }
        this.endpoint = endpoint;
        this.settings = settings;
        this.ledger = ledger;
        this.controls = controls;
        this.sent = new BoundedHistory<>(settings.sentHistoryLimit());
        controls.onChange(this::wakeAll);
    }

    /** The stream served: {@link StreamEndpoint#V2_TWEET_COMPLIANCE} or {@link StreamEndpoint#V2_USER_COMPLIANCE}. */
    public final StreamEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Starts giving {@code connection} its partition's events of the last {@code backfillMinutes} (none for 0), then
     * those made from now on, with neither a gap nor a repeat between them.
     */
    public final ComplianceFeed<E> join(ConnectionState connection, int backfillMinutes) {
        ComplianceFeed<E> feed = new ComplianceFeed<>(connection, ledger, settings.v2ConnectionBacklog(), false);
        synchronized (lock) {
            if (backfillMinutes > 0 && settings.v2BackfillLimit() > 0) {
                List<E> kept = between(connection.partition(),
                        Instant.now().minus(Duration.ofMinutes(backfillMinutes)), Instant.MAX);
                feed.backfill(kept.subList(Math.max(0, kept.size() - settings.v2BackfillLimit()), kept.size()));
            }
            feeds.add(feed);
        }
        return feed;
    }

    /** A Recovery feed: the partition's events with {@code event_at} in {@code [start, end)}, oldest first. */
    public final ComplianceFeed<E> recover(ConnectionState connection, Instant start, Instant end) {
        ComplianceFeed<E> feed = new ComplianceFeed<>(connection, ledger, Integer.MAX_VALUE, true);
        synchronized (lock) {
            feed.backfill(between(connection.partition(), start, end));
        }
        return feed;
    }

    public final void leave(ComplianceFeed<E> feed) {
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

    /** The record of {@code event} written to connection {@code connectionId} of {@code partition}. */
    abstract S sentRecord(long connectionId, int partition, Instant sentAt, E event);

    /** Keeps {@code event} and gives it to every connection open on its partition; returns it. */
    final E emit(E event) {
        long now = System.nanoTime();
        synchronized (lock) {
            if (settings.historyLimit() > 0) {
                made.addLast(event);
                while (made.size() > settings.historyLimit()) {
                    made.removeFirst();
                }
                Instant cutoff = event.eventAt().minus(MAX_AGE);
                while (!made.isEmpty() && made.peekFirst().eventAt().isBefore(cutoff)) {
                    made.removeFirst();
                }
            }
            for (ComplianceFeed<E> feed : feeds) {
                feed.offer(event, now);
            }
        }
        log.debug("{} event {}", endpoint.label(), event.json());
        return event;
    }

    /** The partition of the stream that carries the events about {@code id}. */
    final int partitionOf(long id) {
        return VolumePartitions.of(endpoint, id);
    }

    /** The line of an event: {@code {"data":{"<type>":<body>}}}. */
    static String line(String type, ObjectNode body) {
        ObjectNode message = NODES.objectNode();
        message.putObject("data").set(type, body);
        return message.toString();
    }

    /** Puts {@code event_at} into {@code body}: UTC, milliseconds, {@code Z}. */
    static ObjectNode putEventAt(ObjectNode body, Instant at) {
        return body.put("event_at", EVENT_AT.format(at));
    }

    /** Puts {@code withheld_in_countries} into {@code body}. */
    static ObjectNode putCountries(ObjectNode body, List<String> countries) {
        ArrayNode where = body.putArray("withheld_in_countries");
        countries.forEach(where::add);
        return body;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The partition's events kept with {@code event_at} in {@code [from, until)}, oldest first. Holds the lock. */
    private List<E> between(int partition, Instant from, Instant until) {
        return made.stream().filter(event -> event.partition() == partition && !event.eventAt().isBefore(from)
                && event.eventAt().isBefore(until)).toList();
    }

    private void wakeAll() {
        List<ComplianceFeed<E>> current;
        synchronized (lock) {
            current = List.copyOf(feeds);
            lock.notifyAll();
        }
        current.forEach(ComplianceFeed::wake);
    }
}
