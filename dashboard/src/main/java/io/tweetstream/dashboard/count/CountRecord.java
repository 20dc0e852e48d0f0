package io.tweetstream.dashboard.count;

import java.util.OptionalLong;

/**
 * One record of the counts topic, as {@link CountParser} reads it: a whole second's counts
 * ({@link SecondCount}, provisional or final), a count row of an earlier job ({@link WindowCount},
 * final) or a late correction ({@link LateCorrection}, added to a final count).
 */
public sealed interface CountRecord permits SecondCount, WindowCount, LateCorrection {

    /** Every window is one second long. */
    long WINDOW_MS = 1_000;

    /** The start of the second the record is about, in epoch milliseconds. */
    long windowStartMs();

    /** The publishing batch's time minus the second's end, when the job says: negative while the second is in progress. */
    OptionalLong lagMs();
}
