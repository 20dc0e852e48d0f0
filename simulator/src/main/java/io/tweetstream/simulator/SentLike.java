package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A Like the simulator wrote to a Likes stream: one per connection written to (live, backfill or Recovery).
 *
 * @param connectionId the stream it was written to ({@link ConnectionInfo#id()}); its endpoint says which Likes stream
 * @param partition    the partition that stream reads, the Like's own there
 * @param sentAt       when it was written
 * @param like         what was written (the line, without the expansions a connection asked for)
 */
public record SentLike(long connectionId, int partition, Instant sentAt, MadeLike like) {

    /** The Like's {@code id}. */
    public String id() {
        return like.id();
    }
}
