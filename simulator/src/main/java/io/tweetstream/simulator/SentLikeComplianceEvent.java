package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A Likes compliance event the simulator wrote to a Likes compliance stream: one per connection written to (live,
 * backfill or Recovery). The stream has no partitions, so, unlike the other streams' records, this one names none.
 *
 * @param connectionId the stream it was written to ({@link ConnectionInfo#id()})
 * @param sentAt       when it was written
 * @param event        what was written
 */
public record SentLikeComplianceEvent(long connectionId, Instant sentAt, LikeComplianceEvent event) {

    /** The Post whose Like was removed ({@code favorite.id}). */
    public long tweetId() {
        return event.tweetId();
    }

    /** The user who removed it ({@code favorite.user_id}). */
    public long userId() {
        return event.userId();
    }

    /** The line sent, without the CRLF. */
    public String json() {
        return event.json();
    }
}
