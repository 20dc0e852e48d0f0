package io.tweetstream.simulator;

/**
 * One bounding box of a {@code locations} filter, in the order Twitter takes it:
 * south-west corner first, longitude before latitude.
 */
public record LocationBox(double swLongitude, double swLatitude, double neLongitude, double neLatitude) {

    /** Rejects boxes Twitter would reject: out-of-range coordinates or a north-east corner south or west of the south-west one. */
    public LocationBox {
        requireLongitude(swLongitude);
        requireLongitude(neLongitude);
        requireLatitude(swLatitude);
        requireLatitude(neLatitude);
        if (swLongitude > neLongitude || swLatitude > neLatitude) {
            throw new IllegalArgumentException("south-west corner (" + swLongitude + "," + swLatitude
                    + ") must be south-west of the north-east corner (" + neLongitude + "," + neLatitude + ")");
        }
    }

    /** Whether a point lies in the box, edges included, as Twitter tests a tweet's coordinates. */
    public boolean contains(double longitude, double latitude) {
        return longitude >= swLongitude && longitude <= neLongitude
                && latitude >= swLatitude && latitude <= neLatitude;
    }

    private static void requireLongitude(double value) {
        if (!(value >= -180.0 && value <= 180.0)) {
            throw new IllegalArgumentException("longitude " + value + " is outside [-180, 180]");
        }
    }

    private static void requireLatitude(double value) {
        if (!(value >= -90.0 && value <= 90.0)) {
            throw new IllegalArgumentException("latitude " + value + " is outside [-90, 90]");
        }
    }
}
