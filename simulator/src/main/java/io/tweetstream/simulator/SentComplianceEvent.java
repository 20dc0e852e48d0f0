package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A Post compliance event the simulator wrote to a compliance stream: one per connection written to (live, backfill
 * or Recovery).
 *
 * @param connectionId the stream it was written to ({@link ConnectionInfo#id()})
 * @param partition    the partition that stream reads (1-4), the event's own
 * @param sentAt       when it was written
 * @param event        what was written
 */
public record SentComplianceEvent(long connectionId, int partition, Instant sentAt, ComplianceEvent event) {

    /** The event's type: {@code delete}, {@code tweet_edit}, {@code withheld}, {@code drop} or {@code undrop}. */
    public String type() {
        return event.type();
    }

    /** The event's {@code tweet.id}. */
    public long tweetId() {
        return event.tweetId();
    }

    /** The line sent, without the CRLF. */
    public String json() {
        return event.json();
    }
}
