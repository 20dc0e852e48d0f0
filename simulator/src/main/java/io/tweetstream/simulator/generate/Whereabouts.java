package io.tweetstream.simulator.generate;

/**
 * Where a tweet says it was posted: a {@code place}, and sometimes exact {@code coordinates}.
 *
 * @param point {@code null} when the tweet has a place but no coordinates
 */
public record Whereabouts(GeoPoint point, Place place) {
}
