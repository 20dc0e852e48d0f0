package io.tweetstream.connect.v1;

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

/** Maps Twitter4j's v1.1 {@link Status} to the connector's API-independent {@link Tweet}. */
public final class StatusMapper {

    private StatusMapper() {}

    /**
     * The tweet with its full text: Twitter4j already swaps in {@code extended_tweet.full_text} for
     * tweets over 140 characters; for a retweet, whose own text Twitter truncates, the text is rebuilt
     * as "RT @author: " and the full text of the original.
     */
    public static Tweet toTweet(Status status, String rawJson) {
        Status retweeted = status.getRetweetedStatus();
        Tweet original = retweeted == null ? null : toTweet(retweeted, null);
        String text = original == null
                ? status.getText()
                : "RT @" + original.user().screenName() + ": " + original.text();
        Status quoted = status.getQuotedStatus();
        long quotedId = status.getQuotedStatusId();
        long inReplyTo = status.getInReplyToStatusId();
        return new Tweet(
                status.getId(),
                status.getCreatedAt().toInstant(),
                text,
                status.getLang(),
                user(status.getUser()),
                hashtags(status.getHashtagEntities()),
                mentions(status.getUserMentionEntities()),
                links(status.getURLEntities()),
                inReplyTo > 0 ? inReplyTo : null,
                original,
                quoted == null ? null : toTweet(quoted, null),
                quotedId > 0 ? quotedId : null,
                coordinates(status.getGeoLocation()),
                place(status.getPlace()),
                rawJson);
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
