package io.tweetstream.connect.v2;

import io.tweetstream.connect.tweet.Tweet;
import io.tweetstream.connect.tweet.TwitterUser;
import io.tweetstream.connect.v2.StreamMessage.Entities;
import io.tweetstream.connect.v2.StreamMessage.Includes;
import io.tweetstream.connect.v2.StreamMessage.PlaceData;
import io.tweetstream.connect.v2.StreamMessage.ReferencedTweet;
import io.tweetstream.connect.v2.StreamMessage.TweetData;
import io.tweetstream.connect.v2.StreamMessage.UserData;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * Maps a v2 tweet and its includes to the connector's API-independent {@link Tweet}, with the same
 * meaning the v1.1 path gives each field: the full text (a long post's note text; for a retweet,
 * "RT @author: " and the original's full text), the author's profile, and the original of a retweet.
 */
final class V2TweetMapper {

    private V2TweetMapper() {}

    /**
     * @throws MalformedTweetException when a field the record needs is missing or malformed
     */
    static Tweet toTweet(TweetData data, Includes includes, String rawJson) {
        Includes all = includes == null ? new Includes(List.of(), List.of(), List.of()) : includes;
        Tweet original = referenced(data, "retweeted", all);
        String text = fullText(data);
        if (original != null) {
            text = "RT @" + original.user().screenName() + ": " + original.text();
        }
        String quotedId = referencedId(data, "quoted");
        Tweet quoted = referenced(data, "quoted", all);
        String repliedTo = referencedId(data, "replied_to");
        Entities entities = data.noteTweet() != null && data.noteTweet().entities() != null
                ? data.noteTweet().entities() : data.entities();
        return new Tweet(
                id(data.id(), "id"),
                createdAt(data),
                text,
                data.lang(),
                user(data.authorId(), all),
                entities == null || entities.hashtags() == null ? List.of()
                        : entities.hashtags().stream().map(StreamMessage.Hashtag::tag).toList(),
                entities == null || entities.mentions() == null ? List.of()
                        : entities.mentions().stream().map(StreamMessage.Mention::username).toList(),
                entities == null || entities.urls() == null ? List.of()
                        : entities.urls().stream().map(url -> new Tweet.Link(url.expandedUrl(), url.displayUrl())).toList(),
                repliedTo == null ? null : id(repliedTo, "referenced_tweets.id"),
                original,
                quoted,
                quotedId == null ? null : id(quotedId, "referenced_tweets.id"),
                coordinates(data),
                place(data, all),
                rawJson);
    }

    private static String fullText(TweetData data) {
        String text = data.noteTweet() != null && data.noteTweet().text() != null ? data.noteTweet().text() : data.text();
        if (text == null) {
            throw new MalformedTweetException("tweet " + data.id() + " has no text");
        }
        return text;
    }

    private static String referencedId(TweetData data, String type) {
        if (data.referencedTweets() == null) {
            return null;
        }
        return data.referencedTweets().stream().filter(r -> type.equals(r.type())).map(ReferencedTweet::id)
                .findFirst().orElse(null);
    }

    /** The referenced tweet when X included it (it does not for a deleted or protected one). */
    private static Tweet referenced(TweetData data, String type, Includes includes) {
        String id = referencedId(data, type);
        if (id == null || includes.tweets() == null) {
            return null;
        }
        return includes.tweets().stream().filter(t -> id.equals(t.id())).findFirst()
                .map(t -> toTweet(t, includes, null)).orElse(null);
    }

    private static TwitterUser user(String authorId, Includes includes) {
        UserData user = includes.users() == null ? null : includes.users().stream()
                .filter(u -> Objects.equals(authorId, u.id())).findFirst().orElse(null);
        if (user == null || user.username() == null) {
            throw new MalformedTweetException("the author " + authorId + " is missing from includes.users");
        }
        StreamMessage.UserMetrics metrics = user.publicMetrics();
        return new TwitterUser(id(user.id(), "author_id"), user.username(), user.name(), user.location(),
                Boolean.TRUE.equals(user.verified()),
                metrics == null || metrics.followersCount() == null ? 0 : metrics.followersCount(),
                metrics == null || metrics.followingCount() == null ? 0 : metrics.followingCount());
    }

    private static Tweet.Coordinates coordinates(TweetData data) {
        if (data.geo() == null || data.geo().coordinates() == null) {
            return null;
        }
        List<Double> point = data.geo().coordinates().coordinates();
        if (point == null || point.size() != 2 || point.contains(null)) {
            throw new MalformedTweetException("tweet " + data.id() + " has malformed coordinates " + point);
        }
        return new Tweet.Coordinates(point.get(1), point.get(0));
    }

    private static Tweet.Place place(TweetData data, Includes includes) {
        if (data.geo() == null || data.geo().placeId() == null || includes.places() == null) {
            return null;
        }
        String placeId = data.geo().placeId();
        return includes.places().stream().filter(p -> placeId.equals(p.id())).findFirst()
                .map(V2TweetMapper::place).orElse(null);
    }

    private static Tweet.Place place(PlaceData place) {
        return new Tweet.Place(place.id(), place.name(), place.fullName(), place.countryCode(), place.country(),
                place.placeType());
    }

    private static Instant createdAt(TweetData data) {
        if (data.createdAt() == null) {
            throw new MalformedTweetException("tweet " + data.id() + " has no created_at");
        }
        try {
            return Instant.parse(data.createdAt());
        } catch (DateTimeParseException e) {
            throw new MalformedTweetException("tweet " + data.id() + " has a malformed created_at '"
                    + data.createdAt() + "'");
        }
    }

    private static long id(String id, String field) {
        try {
            return Long.parseLong(Objects.requireNonNull(id, field));
        } catch (NumberFormatException | NullPointerException e) {
            throw new MalformedTweetException("malformed or missing " + field + ": " + id);
        }
    }

    /** A tweet that lacks something the record needs; it is skipped and counted, never half-written. */
    static final class MalformedTweetException extends RuntimeException {
        MalformedTweetException(String message) {
            super(message);
        }
    }
}
