package io.tweetstream.simulator;

/**
 * One generated post as each API sends it.
 *
 * @param id       the post's id, the same on both APIs
 * @param authorId its author's id
 * @param v1Status the v1.1 {@code statuses/filter} line: the status as Twitter4j reads it
 * @param v2Line   the v2 stream line: {@code {"data":..,"includes":..,"errors":..}}, without {@code matching_rules}
 */
public record RenderedTweet(long id, long authorId, String v1Status, String v2Line) {
}
