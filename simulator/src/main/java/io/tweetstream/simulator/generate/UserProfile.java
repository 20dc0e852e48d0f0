package io.tweetstream.simulator.generate;

import java.time.Instant;

/**
 * A Twitter account that posts or is mentioned.
 *
 * @param profileImagePath the part of the avatar URL after {@code /profile_images/}
 * @param language         the language the account tweets in, one of the corpus's codes
 */
public record UserProfile(
        long id,
        String name,
        String screenName,
        String location,
        String description,
        boolean verified,
        int followersCount,
        int friendsCount,
        int listedCount,
        int favouritesCount,
        int statusesCount,
        Instant createdAt,
        String profileImagePath,
        boolean geoEnabled,
        String language) {
}
