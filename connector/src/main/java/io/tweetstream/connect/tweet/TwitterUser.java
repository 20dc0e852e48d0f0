package io.tweetstream.connect.tweet;

/**
 * The author of a tweet, with the profile fields that are useful downstream.
 *
 * @param location what the user wrote as their location; null when they wrote none, which v1.1
 *     sends as an empty string and v2 by leaving the field out
 */
public record TwitterUser(
        long id,
        String screenName,
        String name,
        String location,
        boolean verified,
        long followersCount,
        long friendsCount) {

    public TwitterUser {
        location = location == null || location.isEmpty() ? null : location;
    }
}
