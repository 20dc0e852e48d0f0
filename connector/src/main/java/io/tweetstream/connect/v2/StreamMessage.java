package io.tweetstream.connect.v2;

import java.util.List;

/**
 * One line of a v2 stream as X sends it, with the fields the connector asks for (see
 * {@link StreamRequest}): a tweet in {@code data} with the objects it refers to in {@code includes}
 * and, on the filtered stream, the rules it matched; or only {@code errors}, as when X disconnects
 * the stream for operational reasons.
 */
record StreamMessage(TweetData data, Includes includes, List<MatchingRule> matchingRules, List<ApiProblem> errors) {

    record TweetData(
            String id,
            String text,
            String createdAt,
            String authorId,
            String lang,
            List<ReferencedTweet> referencedTweets,
            Entities entities,
            Geo geo,
            NoteTweet noteTweet) {}

    record ReferencedTweet(String type, String id) {}

    /** The whole text of a post longer than 280 characters, whose {@code text} X truncates. */
    record NoteTweet(String text, Entities entities) {}

    record Entities(List<Hashtag> hashtags, List<Mention> mentions, List<Url> urls) {}

    record Hashtag(String tag) {}

    record Mention(String username) {}

    record Url(String expandedUrl, String displayUrl) {}

    record Geo(String placeId, Point coordinates) {}

    /** GeoJSON: longitude first. */
    record Point(String type, List<Double> coordinates) {}

    record Includes(List<UserData> users, List<TweetData> tweets, List<PlaceData> places) {}

    record UserData(String id, String username, String name, String location, Boolean verified,
            UserMetrics publicMetrics) {}

    record UserMetrics(Long followersCount, Long followingCount) {}

    record PlaceData(String id, String name, String fullName, String countryCode, String country,
            String placeType) {}

    record MatchingRule(String id, String tag) {}

    List<MatchingRule> rules() {
        return matchingRules == null ? List.of() : matchingRules;
    }

    List<ApiProblem> problems() {
        return errors == null ? List.of() : errors;
    }
}
