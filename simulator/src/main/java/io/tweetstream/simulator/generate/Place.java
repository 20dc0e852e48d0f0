package io.tweetstream.simulator.generate;

import io.tweetstream.simulator.LocationBox;

/** A Twitter place ({@code place} of a status): a named area with a bounding box. */
public record Place(String id, String placeType, String name, String fullName, String countryCode, String country,
                    LocationBox boundingBox) {
}
