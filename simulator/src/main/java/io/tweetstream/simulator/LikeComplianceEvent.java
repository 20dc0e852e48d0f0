package io.tweetstream.simulator;

import java.time.Instant;

/**
 * An event of X's Likes compliance stream ({@code GET /2/likes/compliance/stream}, not partitioned) that the simulator
 * made, whether or not a client got it: a user removed its Like of a Post. In the shape of X's LikeComplianceSchema,
 * whose one event is {@code delete} (UnlikeComplianceSchema):
 * {@code {"data":{"delete":{"favorite":{"id":"<the Post unliked>","user_id":"<the user>"},"event_at":"…"}}}}, e.g.
 * {@code {"data":{"delete":{"favorite":{"id":"1866000000000000123","user_id":"2244994945"},
 * "event_at":"2026-12-04T02:30:00.123Z"}}}}.
 *
 * @param tweetId the Post whose Like was removed ({@code favorite.id})
 * @param userId  the user who removed it ({@code favorite.user_id})
 * @param eventAt its {@code event_at} (milliseconds), when it was made: what backfill and Recovery go by
 * @param json    exactly the line sent, without the CRLF
 */
public record LikeComplianceEvent(long tweetId, long userId, Instant eventAt, String json)
        implements ComplianceStreamEvent {

    /** The one event of the stream, an unlike. */
    public static final String DELETE = "delete";

    /** Always {@link #DELETE}: the stream carries nothing else. */
    @Override
    public String type() {
        return DELETE;
    }

    /** 0: the stream has no partitions, every connection gets every event. */
    @Override
    public int partition() {
        return 0;
    }
}
