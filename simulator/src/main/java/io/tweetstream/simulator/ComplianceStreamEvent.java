package io.tweetstream.simulator;

import java.time.Instant;

/**
 * What an event of any of X's compliance streams is, whatever it is about: a Post's ({@link ComplianceEvent}, on
 * {@code /2/tweets/compliance/stream}), a user's ({@link UserComplianceEvent}, on
 * {@code /2/users/compliance/stream}) or a Like's ({@link LikeComplianceEvent}, on {@code /2/likes/compliance/stream}).
 */
public interface ComplianceStreamEvent {

    /** The event's name, the one key of its {@code data} object: {@code delete}, {@code user_suspend}, ... */
    String type();

    /** Its {@code event_at} (milliseconds), when it was made. */
    Instant eventAt();

    /**
     * The one partition (1-4) of its stream that carries it; 0 on a stream without partitions (the Likes compliance
     * stream), whose every connection gets it.
     */
    int partition();

    /** Exactly the line sent, without the CRLF. */
    String json();
}
