package io.tweetstream.connect.tweet;

/** The author of a tweet, with the profile fields that are useful downstream. */
public record TwitterUser(
        long id,
        String screenName,
        String name,
        String location,
        boolean verified,
        long followersCount,
        long friendsCount) {}
