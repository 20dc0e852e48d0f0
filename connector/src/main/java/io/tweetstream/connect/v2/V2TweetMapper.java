package io.tweetstream.connect.v2;

import io.tweetstream.connect.tweet.HtmlText;
import io.tweetstream.connect.tweet.Retweets;
import io.tweetstream.connect.tweet.Tweet;
import io.tweetstream.connect.tweet.TwitterUser;
import io.tweetstream.connect.v2.StreamMessage.Entities;
import io.tweetstream.connect.v2.StreamMessage.Includes;
import io.tweetstream.connect.v2.StreamMessage.MediaData;
import io.tweetstream.connect.v2.StreamMessage.PlaceData;
import io.tweetstream.connect.v2.StreamMessage.ReferencedTweet;
import io.tweetstream.connect.v2.StreamMessage.TweetData;
import io.tweetstream.connect.v2.StreamMessage.UserData;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Maps a v2 tweet and its includes to the connector's API-independent {@link Tweet}, with the same
 * meaning the v1.1 path gives each field: the full text, HTML-unescaped as Twitter4j unescapes v1.1
 * text (a long post's note text; a retweet's built by {@link Retweets}), the author's profile, the
 * entities of the full text, links without the t.co links of attached media (v1.1 lists those as
 * media, not as URLs), and the attached media with the numeric id both APIs share.
 *
 * <p>Only the tweet's own author missing from {@code includes.users} makes it unwritable; a
 * referenced tweet or author X left out (deleted, protected, suspended) leaves a gap the record
 * survives, which {@link Tweet#lacksReferencedContent()} reports.
 */
final class V2TweetMapper {

    private static final String RETWEETED = "retweeted";
    private static final String QUOTED = "quoted";
    private static final String REPLIED_TO = "replied_to";

    private V2TweetMapper() {}

    /**
     * @throws MalformedTweetException when a field the record needs is missing or malformed
     */
    static Tweet toTweet(TweetData data, Includes includes, String rawJson) {
        Includes all = includes == null ? new Includes(List.of(), List.of(), List.of(), List.of()) : includes;
        Tweet own = mapped(data, all, author(data.authorId(), all), rawJson);
        String originalId = referencedId(data, RETWEETED);
        if (originalId == null) {
            return own;
        }
        return Retweets.of(own, id(originalId, "referenced_tweets.id"), referenced(originalId, all));
    }

    /** A tweet as delivered, with its own text and entities, whoever wrote it. */
    private static Tweet mapped(TweetData data, Includes all, TwitterUser user, String rawJson) {
        String quotedId = referencedId(data, QUOTED);
        String repliedTo = referencedId(data, REPLIED_TO);
        Entities entities = data.noteTweet() != null && data.noteTweet().entities() != null
                ? data.noteTweet().entities() : data.entities();
        return new Tweet(
                id(data.id(), "id"),
                createdAt(data),
                HtmlText.unescape(fullText(data)),
                data.lang(),
                user,
                hashtags(entities),
                mentions(entities),
                links(entities),
                repliedTo == null ? null : id(repliedTo, "referenced_tweets.id"),
                null,
                quotedId == null ? null : referenced(quotedId, all),
                quotedId == null ? null : id(quotedId, "referenced_tweets.id"),
                coordinates(data),
                place(data, all),
                data.editHistoryTweetIds() == null ? null
                        : data.editHistoryTweetIds().stream().map(id -> id(id, "edit_history_tweet_ids")).toList(),
                media(data, all),
                data.possiblySensitive(),
                data.conversationId() == null ? null : id(data.conversationId(), "conversation_id"),
                data.withheld() == null || data.withheld().countryCodes() == null ? List.of()
                        : List.copyOf(data.withheld().countryCodes()),
                rawJson);
    }

    private static String fullText(TweetData data) {
        String text = data.noteTweet() != null && data.noteTweet().text() != null ? data.noteTweet().text() : data.text();
        if (text == null) {
            throw new MalformedTweetException("tweet " + data.id() + " has no text");
        }
        return text;
    }

    private static List<String> hashtags(Entities entities) {
        return entities == null || entities.hashtags() == null ? List.of()
                : entities.hashtags().stream().map(StreamMessage.Hashtag::tag).toList();
    }

    private static List<String> mentions(Entities entities) {
        return entities == null || entities.mentions() == null ? List.of()
                : entities.mentions().stream().map(StreamMessage.Mention::username).toList();
    }

    /** The links of the text, without the t.co links of attached photos and videos. */
    private static List<Tweet.Link> links(Entities entities) {
        return entities == null || entities.urls() == null ? List.of()
                : entities.urls().stream().filter(url -> url.mediaKey() == null)
                        .map(url -> new Tweet.Link(url.expandedUrl(), url.displayUrl())).toList();
    }

    /**
     * The attached media in {@code attachments.media_keys} order, each completed from
     * {@code includes.media}; one X did not include keeps its id with nothing else.
     */
    private static List<Tweet.Media> media(TweetData data, Includes all) {
        if (data.attachments() == null || data.attachments().mediaKeys() == null) {
            return List.of();
        }
        List<Tweet.Media> media = new ArrayList<>(data.attachments().mediaKeys().size());
        for (String key : data.attachments().mediaKeys()) {
            MediaData item = all.media() == null ? null
                    : all.media().stream().filter(m -> key.equals(m.mediaKey())).findFirst().orElse(null);
            long id = mediaId(key);
            if (item == null) {
                media.add(new Tweet.Media(id, null, null, null));
            } else {
                String url = item.url() != null ? item.url() : item.previewImageUrl();
                media.add(new Tweet.Media(id, item.type(), url, item.altText()));
            }
        }
        return media;
    }

    /** The media id of a v2 media key, {@code "<type>_<id>"} (e.g. 3_1234 for a photo): the id v1.1 gives. */
    static long mediaId(String mediaKey) {
        int separator = mediaKey == null ? -1 : mediaKey.indexOf('_');
        if (separator < 0) {
            throw new MalformedTweetException("malformed media key: " + mediaKey);
        }
        return id(mediaKey.substring(separator + 1), "media_key");
    }

    private static String referencedId(TweetData data, String type) {
        if (data.referencedTweets() == null) {
            return null;
        }
        return data.referencedTweets().stream().filter(r -> type.equals(r.type())).map(ReferencedTweet::id)
                .findFirst().orElse(null);
    }

    /**
     * The referenced tweet when X included it (it does not for a deleted or protected one), with its
     * author when X included that too. Its own references are not followed: the record needs only
     * its text and entities. One too malformed to map counts as left out, so the tweet that refers
     * to it is still written.
     */
    private static Tweet referenced(String id, Includes includes) {
        TweetData included = includes.tweets() == null ? null
                : includes.tweets().stream().filter(t -> id.equals(t.id())).findFirst().orElse(null);
        if (included == null) {
            return null;
        }
        try {
            return mapped(included, includes, userOrNull(included.authorId(), includes), null);
        } catch (MalformedTweetException e) {
            return null;
        }
    }

    private static TwitterUser author(String authorId, Includes includes) {
        TwitterUser user = userOrNull(authorId, includes);
        if (user == null) {
            throw new MalformedTweetException("the author " + authorId + " is missing from includes.users");
        }
        return user;
    }

    private static TwitterUser userOrNull(String authorId, Includes includes) {
        UserData user = includes.users() == null ? null : includes.users().stream()
                .filter(u -> Objects.equals(authorId, u.id())).findFirst().orElse(null);
        if (user == null || user.username() == null) {
            return null;
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
