package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** The non-status messages of a filter stream, as Twitter wrote them. */
final class Notices {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Notices() {
    }

    /** {@code {"delete":{"status":{"id":..,"id_str":..,"user_id":..,"user_id_str":..},"timestamp_ms":".."}}} */
    static ObjectNode delete(long statusId, long userId, Instant at) {
        ObjectNode status = NODES.objectNode()
                .put("id", statusId)
                .put("id_str", Long.toString(statusId))
                .put("user_id", userId)
                .put("user_id_str", Long.toString(userId));
        ObjectNode delete = NODES.objectNode();
        delete.set("status", status);
        delete.put("timestamp_ms", Long.toString(at.toEpochMilli()));
        ObjectNode message = NODES.objectNode();
        message.set("delete", delete);
        return message;
    }

    /** {@code {"limit":{"track":N,"timestamp_ms":".."}}}: N statuses matched but were not delivered, since the stream opened. */
    static ObjectNode limit(long undelivered, Instant at) {
        ObjectNode message = NODES.objectNode();
        message.set("limit", NODES.objectNode()
                .put("track", undelivered)
                .put("timestamp_ms", Long.toString(at.toEpochMilli())));
        return message;
    }
}
