package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A fault as it reached one stream: recorded when the stream was cut, ended or reset (just after), or when a stall
 * began. Bad lines are recorded apart, as {@link InjectedLine}s.
 */
public record AppliedFault(Instant at, long connectionId, StreamEndpoint endpoint, Type type) {

    public enum Type {
        /** Closed in the middle of a chunk. */
        DROPPED,
        /** The body ended with its last chunk, then the connection closed. */
        ENDED_CLEANLY,
        /** The connection was reset (RST). */
        RESET,
        /** Silenced for a while. */
        STALLED,
        /** X's operational-disconnect message, then a clean end (v2). */
        OPERATIONAL_DISCONNECT,
        /** Twitter's {@code disconnect} message, then a clean end (v1.1). */
        DISCONNECTED
    }
}
