package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.ComplianceStreamEvent;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;

import java.time.Instant;
import java.util.List;

/**
 * One of X's compliance streams as one world of events, whatever they are about (the Post compliance stream's,
 * {@link PostComplianceStream}; the User compliance stream's, {@link UserComplianceStream}; the Likes compliance
 * stream's, {@link LikeComplianceStream}): each event in one of the stream's partitions (the Post and User streams'
 * 4, by the id it is about, {@link VolumePartitions}; on the Likes compliance stream, which has none, partition 0: the
 * whole stream), kept and sent as every {@link EventStream}'s events are, by its {@code event_at}. A subclass says
 * which events there are and makes them ({@link #emit}). Thread-safe.
 *
 * @param <E> the stream's events
 * @param <S> the record of one event written to one connection
 */
public abstract class ComplianceStream<E extends ComplianceStreamEvent, S> extends EventStream<E, S> {

    private final StreamEndpoint endpoint;

    ComplianceStream(StreamEndpoint endpoint, SimulatorSettings settings, StreamLedger ledger, V2Controls controls) {
        super(settings, ledger, controls);
        if (!endpoint.compliance()) {
            throw new IllegalArgumentException(endpoint + " is not a compliance stream");
        }
        this.endpoint = endpoint;
    }

    /**
     * The stream served: {@link StreamEndpoint#V2_TWEET_COMPLIANCE}, {@link StreamEndpoint#V2_USER_COMPLIANCE} or
     * {@link StreamEndpoint#V2_LIKES_COMPLIANCE}.
     */
    public final StreamEndpoint endpoint() {
        return endpoint;
    }

    @Override
    final Instant madeAt(E event) {
        return event.eventAt();
    }

    /** The stream's own events alone, each on its partition (0 on a stream without partitions: every connection's). */
    @Override
    final boolean inPartition(E event, StreamEndpoint on, int partition) {
        return on == endpoint && event.partition() == partition;
    }

    /** The partition of a partitioned stream that carries the events about {@code id}. */
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
        return body.put("event_at", time(at));
    }

    /** Puts {@code withheld_in_countries} into {@code body}. */
    static ObjectNode putCountries(ObjectNode body, List<String> countries) {
        ArrayNode where = body.putArray("withheld_in_countries");
        countries.forEach(where::add);
        return body;
    }
}
