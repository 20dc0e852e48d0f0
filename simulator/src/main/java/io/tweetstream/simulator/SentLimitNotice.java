package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A limit notice the simulator wrote to a stream.
 *
 * @param undelivered the cumulative count of matching statuses "not delivered" on that stream, as in {@code limit.track}
 */
public record SentLimitNotice(long connectionId, long undelivered, Instant sentAt) {
}
