package io.tweetstream.connect.config;

/** A geographic box to stream geotagged tweets from, in Twitter's order: south-west corner first. */
public record BoundingBox(double swLongitude, double swLatitude, double neLongitude, double neLatitude) {

    /** The box as Twitter4j's {@code FilterQuery.locations} wants it: two {longitude, latitude} pairs. */
    public double[][] asLongitudeLatitudePairs() {
        return new double[][] {{swLongitude, swLatitude}, {neLongitude, neLatitude}};
    }

    @Override
    public String toString() {
        return swLongitude + "," + swLatitude + "," + neLongitude + "," + neLatitude;
    }
}
