package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.BadLine;
import io.tweetstream.simulator.StreamEndpoint;

/** A fault injected into the streams open at the time; each open stream applies it on its own connection. */
public sealed interface StreamFault {

    /** Whether the stream ends with it; such a fault applies at once, even during a stall. */
    default boolean endsStream() {
        return true;
    }

    /** Close the connection in the middle of a chunk. */
    record Drop() implements StreamFault {
    }

    /** End the body properly and close. */
    record EndCleanly() implements StreamFault {
    }

    /** Reset the connection. */
    record Reset() implements StreamFault {
    }

    /** X's operational-disconnect message, then a clean end (v2 only). */
    record OperationalDisconnect() implements StreamFault {
    }

    /** One v1.1 notice (status or user withheld, location scrub, stall warning), then the stream goes on. */
    record Notice(io.tweetstream.simulator.SentNotice.Kind kind) implements StreamFault {
        @Override
        public boolean endsStream() {
            return false;
        }
    }

    /** Twitter's v1.1 {@code disconnect} message with {@code code}, then a clean end (v1.1 only). */
    record Disconnect(int code) implements StreamFault {
    }

    /** Nothing at all on the wire, until {@code untilNanos} ({@link System#nanoTime()}). */
    record Stall(long untilNanos) implements StreamFault {
        @Override
        public boolean endsStream() {
            return false;
        }
    }

    /** One bad line, then the stream goes on. Its bytes are made once per API, for every stream it goes to. */
    record Line(BadLine.Kind kind, byte[] v1Bytes, byte[] v2Bytes) implements StreamFault {

        public static Line of(BadLine line) {
            return new Line(line.kind(), line.bytes(StreamEndpoint.V1_FILTER), line.bytes(StreamEndpoint.V2_FILTERED));
        }

        byte[] bytesFor(StreamEndpoint endpoint) {
            return endpoint == StreamEndpoint.V1_FILTER ? v1Bytes : v2Bytes;
        }

        @Override
        public boolean endsStream() {
            return false;
        }
    }
}
