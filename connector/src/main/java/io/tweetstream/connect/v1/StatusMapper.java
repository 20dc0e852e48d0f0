package io.tweetstream.connect.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.tweet.Retweets;
import io.tweetstream.connect.tweet.Tweet;
import io.tweetstream.connect.tweet.TwitterUser;
import java.util.ArrayList;
import java.util.List;
import twitter4j.GeoLocation;
import twitter4j.HashtagEntity;
import twitter4j.Status;
import twitter4j.URLEntity;
import twitter4j.User;
import twitter4j.UserMentionEntity;

/**
 * Maps Twitter4j's v1.1 {@link Status}, with the JSON it was parsed from, to the connector's
 * API-independent {@link Tweet}.
 */
public final class StatusMapper {

    private StatusMapper() {}

    /**
     * The tweet with its full text: Twitter4j already swaps in {@code extended_tweet.full_text} for
     * tweets over 140 characters (and its entities), and unescapes the HTML of the text; a retweet
     * is built by {@link Retweets} from the retweet and its original.
     *
     * @param statusJson the status's JSON, for what Twitter4j does not read (edit history, the media
     *     of extended tweets); null leaves those fields null
     * @param keepRawJson whether the tweet carries {@code statusJson} as its raw JSON
     */
    public static Tweet toTweet(Status status, String statusJson, boolean keepRawJson) {
        Tweet tweet = map(status, StatusJson.parse(statusJson));
        return keepRawJson ? tweet.withRawJson(statusJson) : tweet;
    }

    /**
     * The tweet, carrying {@code rawJson} (the status's JSON) as its raw JSON and reading it as
     * {@link #toTweet(Status, String, boolean)} does; with null, the fields only the JSON has are null.
     */
    public static Tweet toTweet(Status status, String rawJson) {
        return toTweet(status, rawJson, rawJson != null);
    }

    private static Tweet map(Status status, JsonNode json) {
        Tweet own = mapped(status, json);
        Status retweeted = status.getRetweetedStatus();
        if (retweeted == null) {
            return own;
        }
        return Retweets.of(own, retweeted.getId(), map(retweeted, json.path("retweeted_status")));
    }

    /** The status as delivered, with its own text and entities. */
    private static Tweet mapped(Status status, JsonNode json) {
        Status quoted = status.getQuotedStatus();
        long quotedId = status.getQuotedStatusId();
        long inReplyTo = status.getInReplyToStatusId();
        String[] withheld = status.getWithheldInCountries();
        return new Tweet(
                status.getId(),
                status.getCreatedAt().toInstant(),
                status.getText(),
                status.getLang(),
                user(status.getUser()),
                hashtags(status.getHashtagEntities()),
                mentions(status.getUserMentionEntities()),
                links(status.getURLEntities()),
                inReplyTo > 0 ? inReplyTo : null,
                null,
                quoted == null ? null : map(quoted, json.path("quoted_status")),
                quotedId > 0 ? quotedId : null,
                coordinates(status.getGeoLocation()),
                place(status.getPlace()),
                StatusJson.editHistoryTweetIds(json),
                StatusJson.media(json),
                // v1.1 sends the flag only on tweets with a link or media; without one a tweet is not
                // sensitive, which v2 says explicitly (and Twitter4j reads as false).
                status.isPossiblySensitive(),
                // v1.1 has no conversation id.
                null,
                withheld == null ? List.of() : List.of(withheld),
                null);
    }

    private static TwitterUser user(User user) {
        return new TwitterUser(user.getId(), user.getScreenName(), user.getName(), user.getLocation(),
                user.isVerified(), user.getFollowersCount(), user.getFriendsCount());
    }

    private static List<String> hashtags(HashtagEntity[] entities) {
        List<String> hashtags = new ArrayList<>(entities.length);
        for (HashtagEntity entity : entities) {
            hashtags.add(entity.getText());
        }
        return hashtags;
    }

    private static List<String> mentions(UserMentionEntity[] entities) {
        List<String> mentions = new ArrayList<>(entities.length);
        for (UserMentionEntity entity : entities) {
            mentions.add(entity.getScreenName());
        }
        return mentions;
    }

    private static List<Tweet.Link> links(URLEntity[] entities) {
        List<Tweet.Link> links = new ArrayList<>(entities.length);
        for (URLEntity entity : entities) {
            links.add(new Tweet.Link(entity.getExpandedURL(), entity.getDisplayURL()));
        }
        return links;
    }

    private static Tweet.Coordinates coordinates(GeoLocation location) {
        return location == null ? null : new Tweet.Coordinates(location.getLatitude(), location.getLongitude());
    }

    private static Tweet.Place place(twitter4j.Place place) {
        if (place == null) {
            return null;
        }
        return new Tweet.Place(place.getId(), place.getName(), place.getFullName(), place.getCountryCode(),
                place.getCountry(), place.getPlaceType());
    }
}
