package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A User compliance event the simulator wrote to a User compliance stream: one per connection written to (live,
 * backfill or Recovery).
 *
 * @param connectionId the stream it was written to ({@link ConnectionInfo#id()})
 * @param partition    the partition that stream reads (1-4), the event's own
 * @param sentAt       when it was written
 * @param event        what was written
 */
public record SentUserComplianceEvent(long connectionId, int partition, Instant sentAt, UserComplianceEvent event) {

    /** The event's type: {@code user_delete}, {@code user_withheld}, {@code scrub_geo}, ... */
    public String type() {
        return event.type();
    }

    /** The event's {@code user.id}. */
    public long userId() {
        return event.userId();
    }

    /** The line sent, without the CRLF. */
    public String json() {
        return event.json();
    }
}
