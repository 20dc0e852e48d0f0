package io.tweetstream.connect.v2;

import java.util.List;

/**
 * One line of a v2 stream as X sends it, with the fields the connector asks for (see
 * {@link StreamRequest}): a tweet in {@code data} with the objects it refers to in {@code includes}
 * and, on the filtered stream, the rules it matched; or only {@code errors}, as when X disconnects
 * the stream for operational reasons. Beside a tweet, {@code errors} lists what X could not include
 * (a deleted or protected referenced tweet, a suspended author).
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
            NoteTweet noteTweet,
            List<String> editHistoryTweetIds,
            Attachments attachments,
            Boolean possiblySensitive,
            String conversationId,
            Withheld withheld) {}

    record ReferencedTweet(String type, String id) {}

    /** The whole text of a post longer than 280 characters, whose {@code text} X truncates. */
    record NoteTweet(String text, Entities entities) {}

    record Entities(List<Hashtag> hashtags, List<Mention> mentions, List<Url> urls) {}

    record Hashtag(String tag) {}

    record Mention(String username, String id) {}

    /** A link; one that carries a {@code media_key} is the t.co link of an attached photo or video. */
    record Url(String expandedUrl, String displayUrl, String mediaKey) {}

    record Geo(String placeId, Point coordinates) {}

    /** GeoJSON: longitude first. */
    record Point(String type, List<Double> coordinates) {}

    record Attachments(List<String> mediaKeys) {}

    /** Where the tweet (or, with scope {@code user}, its author) is withheld. */
    record Withheld(Boolean copyright, List<String> countryCodes, String scope) {}

    record Includes(List<UserData> users, List<TweetData> tweets, List<PlaceData> places, List<MediaData> media) {}

    record UserData(String id, String username, String name, String location, Boolean verified,
            UserMetrics publicMetrics) {}

    record UserMetrics(Long followersCount, Long followingCount) {}

    record PlaceData(String id, String name, String fullName, String countryCode, String country,
            String placeType) {}

    /** {@code url} is a photo's; a video or GIF has {@code preview_image_url} instead. */
    record MediaData(String mediaKey, String type, String url, String previewImageUrl, String altText) {}

    record MatchingRule(String id, String tag) {}

    List<MatchingRule> rules() {
        return matchingRules == null ? List.of() : matchingRules;
    }

    List<ApiProblem> problems() {
        return errors == null ? List.of() : errors;
    }
}
