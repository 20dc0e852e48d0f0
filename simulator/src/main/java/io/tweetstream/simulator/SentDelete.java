package io.tweetstream.simulator;

import java.time.Instant;

/** A delete notice the simulator wrote to a stream, for a status sent earlier on the same stream. */
public record SentDelete(long connectionId, long statusId, long userId, Instant sentAt) {
}
