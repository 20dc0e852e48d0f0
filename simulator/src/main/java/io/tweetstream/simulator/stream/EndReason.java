package io.tweetstream.simulator.stream;

/** Why a stream stopped being written. */
public enum EndReason {
    /** A write failed: the client closed the connection or it broke. */
    CLIENT_GONE,
    /** The simulator is closing. */
    SIMULATOR_CLOSED,
    /** An operational disconnect was injected: the v2 stream got X's error message and was ended. */
    OPERATIONAL_DISCONNECT,
    /** A drop was injected: the connection was closed in the middle of a chunk. */
    DROPPED,
    /** A clean end was injected: the body ended with its last chunk. */
    ENDED_CLEANLY,
    /** A reset was injected. */
    RESET,
    /** A Recovery stream sent every tweet of its period and ended its body, as X ends one. */
    COMPLETED,
    /** The project's prepaid credit was spent: the stream ended after the last Post it paid for. */
    CREDITS_DEPLETED,
    /** The project's monthly cap of Post reads was reached: the stream ended after the last Post within it. */
    USAGE_CAPPED,
    /** The simulator failed to make or write a message; logged as an error. */
    SIMULATOR_ERROR
}
