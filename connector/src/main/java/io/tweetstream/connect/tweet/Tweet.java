package io.tweetstream.connect.tweet;

import java.time.Instant;
import java.util.List;

/**
 * A tweet as the connector sees it, independent of the API that delivered it, so that the v1.1 and
 * v2 streams produce the same records.
 *
 * @param text the full text: for extended tweets the 280-character text, for retweets
 *     {@code "RT @author: "} followed by the full text of the original
 * @param retweetedStatus the original tweet of a retweet, or null
 * @param quotedStatus the quoted tweet when the API delivered it, or null
 * @param quotedStatusId the quoted tweet's id, or null when this is not a quote
 * @param rawJson the payload exactly as received, or null when raw JSON is not kept
 */
public record Tweet(
        long id,
        Instant createdAt,
        String text,
        String lang,
        TwitterUser user,
        List<String> hashtags,
        List<String> mentions,
        List<Link> links,
        Long inReplyToStatusId,
        Tweet retweetedStatus,
        Tweet quotedStatus,
        Long quotedStatusId,
        Coordinates coordinates,
        Place place,
        String rawJson) {

    /** A URL entity: what Twitter expanded the t.co link to, and how it displays it. */
    public record Link(String expandedUrl, String displayUrl) {}

    /** The tweet's exact location (GeoJSON order is longitude first; this holds both by name). */
    public record Coordinates(double latitude, double longitude) {}

    /** The place a tweet is associated with, which may be a city or a point of interest. */
    public record Place(String id, String name, String fullName, String countryCode, String country, String placeType) {}
}
