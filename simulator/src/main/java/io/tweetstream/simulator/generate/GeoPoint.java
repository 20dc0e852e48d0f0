package io.tweetstream.simulator.generate;

/** A point where a tweet was posted. */
public record GeoPoint(double longitude, double latitude) {
}
