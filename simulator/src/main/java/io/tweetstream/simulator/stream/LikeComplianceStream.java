package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.LikeComplianceEvent;
import io.tweetstream.simulator.SentLikeComplianceEvent;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;

import java.time.Instant;

/**
 * X's Likes compliance stream ({@link StreamEndpoint#V2_LIKES_COMPLIANCE}): the Likes users removed, each a
 * {@code delete} naming the Post and the user. The stream has no partitions: every event goes to every connection
 * (all on partition 0); kept and sent as every {@link ComplianceStream}'s events are. The simulator makes none of its
 * own, not even for the Likes of its Likes streams (X's users unlike Posts the simulator need not know): tests make
 * them ({@link #unlike}), at once, whether or not a connection is open. Thread-safe.
 */
public final class LikeComplianceStream extends ComplianceStream<LikeComplianceEvent, SentLikeComplianceEvent> {

    public LikeComplianceStream(SimulatorSettings settings, StreamLedger ledger, V2Controls controls) {
        super(StreamEndpoint.V2_LIKES_COMPLIANCE, settings, ledger, controls);
    }

    /**
     * Makes a {@code delete} now: the user {@code userId} removed its Like of the Post {@code tweetId},
     * {@code {"data":{"delete":{"favorite":{"id":"…","user_id":"…"},"event_at":"…"}}}}.
     */
    public LikeComplianceEvent unlike(long tweetId, long userId) {
        Instant at = now();
        ObjectNode body = NODES.objectNode();
        body.putObject("favorite").put("id", Long.toString(tweetId)).put("user_id", Long.toString(userId));
        putEventAt(body, at);
        return emit(new LikeComplianceEvent(tweetId, userId, at, line(LikeComplianceEvent.DELETE, body)));
    }

    /** The stream has no partitions: the record names none ({@code partition} is 0). */
    @Override
    SentLikeComplianceEvent sentRecord(long connectionId, int partition, Instant sentAt, LikeComplianceEvent event) {
        return new SentLikeComplianceEvent(connectionId, sentAt, event);
    }
}
