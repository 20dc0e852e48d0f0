package io.tweetstream.connect.v2;

import java.time.Instant;
import java.util.List;

/**
 * How to refill one gap in a stream, as {@link GapLadder} chose: minutes of backfill to ask for on the
 * new connection, a window to re-stream with Recovery or to search, and the windows no tool reaches.
 *
 * @param backfillMinutes 0 for none
 * @param recovery the window to re-stream with Recovery, or null
 * @param search the window to search, or null
 */
record GapPlan(int backfillMinutes, Window recovery, Window search, List<Unreachable> unreachable) {

    /** Tweets made from {@code from} (inclusive) to {@code to}. */
    record Window(Instant from, Instant to) {}

    /** A window no tool of the tier reaches, and why. */
    record Unreachable(Window window, String why) {}

    static GapPlan none() {
        return new GapPlan(0, null, null, List.of());
    }

    /** Whether the plan refills the whole gap: a tool is asked for it, and none of it is out of reach. */
    boolean refillsWholeGap() {
        return unreachable.isEmpty() && (backfillMinutes > 0 || refillsBesideTheStream());
    }

    /** Whether a tool runs beside the new connection, once it is open. */
    boolean refillsBesideTheStream() {
        return recovery != null || search != null;
    }
}
