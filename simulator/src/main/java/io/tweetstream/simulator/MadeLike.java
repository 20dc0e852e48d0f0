package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A Like of X's Likes streams ({@code GET /2/likes/firehose/stream?partition=1..20},
 * {@code GET /2/likes/sample10/stream?partition=1..2}) that the simulator made, whether or not a client got it, in the
 * shape of X's LikeWithTweetAuthor object: {@code {"data":{"id":"…","created_at":"…","liked_tweet_id":"…",
 * "liked_tweet_author_id":"…","timestamp_ms":…}}}.
 *
 * @param id                 the Like's {@code id}: 32 lowercase hex digits, unique, fixed by the seed and the Like's
 *                           place in the sequence of Likes made
 * @param likedTweetId       the Post liked ({@code liked_tweet_id})
 * @param likedTweetAuthorId its author ({@code liked_tweet_author_id})
 * @param tweetCreatedAt     the liked Post's creation time ({@code created_at}, X's "Creation time of the Tweet"), in
 *                           whole seconds as the Post streams show it
 * @param likedAt            when the Like was made ({@code timestamp_ms}, milliseconds): what backfill and Recovery
 *                           go by
 * @param json               exactly the line made, without the CRLF (a connection that asks for expansions gets it
 *                           with {@code includes})
 * @param firehosePartition  the one partition (1-20) of the Likes firehose that carries it
 * @param sample10Partition  the one partition (1-2) of the Likes sample10 that carries it; 0 when it is not in the
 *                           sample (nine Likes in ten)
 */
public record MadeLike(String id, long likedTweetId, long likedTweetAuthorId, Instant tweetCreatedAt, Instant likedAt,
                       String json, int firehosePartition, int sample10Partition) {

    /** Its partition on {@code endpoint}: the firehose's, sample10's (0 when not sampled); 0 on any other stream. */
    public int partitionOn(StreamEndpoint endpoint) {
        return switch (endpoint) {
            case V2_LIKES_FIREHOSE -> firehosePartition;
            case V2_LIKES_SAMPLE10 -> sample10Partition;
            default -> 0;
        };
    }

    /** Whether it is in the Likes sample10. */
    public boolean sampled() {
        return sample10Partition > 0;
    }
}
