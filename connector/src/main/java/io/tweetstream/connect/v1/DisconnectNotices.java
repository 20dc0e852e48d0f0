package io.tweetstream.connect.v1;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * v1.1's {@code {"disconnect":{"code":…,"stream_name":…,"reason":…}}}, which Twitter sends just before
 * it closes a stream (a duplicate stream, a stall, a server shutdown) and which Twitter4j reports to
 * no status listener.
 */
final class DisconnectNotices {

    private static final String KEY = "disconnect";

    private DisconnectNotices() {}

    static boolean isOne(String line) {
        // Cheap test first, as for the withheld notices: quoted like this only as a key.
        return line != null && line.contains("\"" + KEY + "\"") && StatusJson.parse(line).path(KEY).isObject();
    }

    /** E.g. "code 7 (admin logout): This stream was closed because ..." */
    static String describe(String line) {
        JsonNode notice = StatusJson.parse(line).path(KEY);
        return "code " + notice.path("code").asText("?") + " (" + notice.path("stream_name").asText("") + "): "
                + notice.path("reason").asText("no reason given");
    }
}
