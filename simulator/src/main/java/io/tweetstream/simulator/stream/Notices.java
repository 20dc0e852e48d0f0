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

    /** {@code {"status_withheld":{"id":..,"user_id":..,"withheld_in_countries":[..],"timestamp_ms":".."}}} */
    static ObjectNode statusWithheld(long statusId, long userId, java.util.List<String> countries, Instant at) {
        ObjectNode withheld = NODES.objectNode().put("id", statusId).put("user_id", userId);
        countries.forEach(withheld.putArray("withheld_in_countries")::add);
        withheld.put("timestamp_ms", Long.toString(at.toEpochMilli()));
        ObjectNode message = NODES.objectNode();
        message.set("status_withheld", withheld);
        return message;
    }

    /** {@code {"user_withheld":{"id":..,"withheld_in_countries":[..],"timestamp_ms":".."}}} */
    static ObjectNode userWithheld(long userId, java.util.List<String> countries, Instant at) {
        ObjectNode withheld = NODES.objectNode().put("id", userId);
        countries.forEach(withheld.putArray("withheld_in_countries")::add);
        withheld.put("timestamp_ms", Long.toString(at.toEpochMilli()));
        ObjectNode message = NODES.objectNode();
        message.set("user_withheld", withheld);
        return message;
    }

    /** {@code {"scrub_geo":{"user_id":..,"user_id_str":..,"up_to_status_id":..,"up_to_status_id_str":..}}} */
    static ObjectNode scrubGeo(long userId, long upToStatusId) {
        ObjectNode message = NODES.objectNode();
        message.set("scrub_geo", NODES.objectNode()
                .put("user_id", userId)
                .put("user_id_str", Long.toString(userId))
                .put("up_to_status_id", upToStatusId)
                .put("up_to_status_id_str", Long.toString(upToStatusId)));
        return message;
    }

    /** {@code {"warning":{"code":"FALLING_BEHIND","message":..,"percent_full":N}}}, Twitter's stall warning. */
    static ObjectNode stallWarning(int percentFull) {
        ObjectNode message = NODES.objectNode();
        message.set("warning", NODES.objectNode()
                .put("code", "FALLING_BEHIND")
                .put("message", "Your connection is falling behind and messages are being queued for delivery to you. "
                        + "Your queue is now over " + percentFull + "% full. You will be disconnected when the queue "
                        + "is full.")
                .put("percent_full", percentFull));
        return message;
    }

    /** {@code {"disconnect":{"code":N,"stream_name":..,"reason":..}}}: Twitter's last message before it ends a stream. */
    static ObjectNode disconnect(int code, String streamName) {
        ObjectNode message = NODES.objectNode();
        message.set("disconnect", NODES.objectNode()
                .put("code", code)
                .put("stream_name", streamName)
                .put("reason", disconnectReason(code)));
        return message;
    }

    /** The meaning Twitter's streaming docs give each disconnect code. */
    static String disconnectReason(int code) {
        return switch (code) {
            case 1 -> "Shutdown: the feed was shut down (possibly a machine restart)";
            case 2 -> "Duplicate stream: the same endpoint was connected too many times";
            case 3 -> "Control request: the stream was closed by a control request";
            case 4 -> "Stall: the client was reading too slowly and was disconnected by the server";
            case 5 -> "Normal: the server closed the connection for a normal reason";
            case 6 -> "Token revoked: the user revoked the token the stream used";
            case 7 -> "Admin logout: the user's credentials were removed";
            case 9 -> "Max message limit: the stream connected with a negative count and was ended after that many";
            case 10 -> "Stream exception: an internal issue disconnected the stream";
            case 11 -> "Broker stall: an internal issue disconnected the stream";
            case 12 -> "Shed load: the server is shedding load and disconnected the stream";
            default -> "Disconnected";
        };
    }
}
