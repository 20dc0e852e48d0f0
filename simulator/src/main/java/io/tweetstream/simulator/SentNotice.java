package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A message other than a status, a delete or a limit notice that the simulator wrote to a stream: one of v1.1's
 * stream notices, or a replayed line that holds no tweet.
 *
 * @param json exactly the line sent, without the CRLF
 */
public record SentNotice(long connectionId, Kind kind, String json, Instant sentAt) {

    /** What was sent. */
    public enum Kind {
        /** v1.1 {@code {"status_withheld":{"id":..,"user_id":..,"withheld_in_countries":[..],"timestamp_ms":".."}}} */
        STATUS_WITHHELD,
        /** v1.1 {@code {"user_withheld":{"id":..,"withheld_in_countries":[..],"timestamp_ms":".."}}} */
        USER_WITHHELD,
        /** v1.1 {@code {"scrub_geo":{"user_id":..,"user_id_str":..,"up_to_status_id":..,"up_to_status_id_str":..}}} */
        SCRUB_GEO,
        /** v1.1 {@code {"warning":{"code":"FALLING_BEHIND","message":..,"percent_full":N}}} */
        STALL_WARNING,
        /** v1.1 {@code {"disconnect":{"code":N,"stream_name":..,"reason":..}}}, after which the stream ends */
        DISCONNECT,
        /** a replayed line that is not a tweet (a v1.1 notice, a v2 error message), sent as recorded */
        REPLAYED_LINE
    }
}
