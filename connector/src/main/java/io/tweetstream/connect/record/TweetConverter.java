package io.tweetstream.connect.record;

import static io.tweetstream.connect.record.TweetSchema.*;

import io.tweetstream.connect.tweet.Tweet;
import io.tweetstream.connect.tweet.TwitterUser;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Struct;

/** Converts a {@link Tweet} and the phrases it matched into a {@link TweetSchema#VALUE} struct. */
public final class TweetConverter {

    private TweetConverter() {}

    public static Struct toStruct(Tweet tweet, List<String> matchedKeywords) {
        return new Struct(VALUE)
                .put(ID, tweet.id())
                .put(CREATED_AT, Date.from(tweet.createdAt()))
                .put(TEXT, tweet.text())
                .put(LANG, tweet.lang())
                .put(USER, user(tweet.user()))
                .put(HASHTAGS, tweet.hashtags())
                .put(MENTIONS, tweet.mentions())
                .put(URLS, expandedUrls(tweet.links()))
                .put(IN_REPLY_TO_STATUS_ID, tweet.inReplyToStatusId())
                .put(RETWEETED_STATUS_ID, tweet.retweet() == null ? null : tweet.retweet().originalId())
                .put(QUOTED_STATUS_ID, tweet.quotedStatusId())
                .put(COORDINATES, coordinates(tweet.coordinates()))
                .put(PLACE, place(tweet.place()))
                .put(MATCHED_KEYWORDS, matchedKeywords)
                .put(RAW_JSON, tweet.rawJson())
                .put(EDIT_HISTORY_TWEET_IDS, tweet.editHistoryTweetIds())
                .put(MEDIA, media(tweet.media()))
                .put(POSSIBLY_SENSITIVE, tweet.possiblySensitive())
                .put(CONVERSATION_ID, tweet.conversationId())
                .put(WITHHELD_COUNTRIES, tweet.withheldCountries())
                .put(RETWEETED_USER_ID, tweet.retweet() == null ? null : tweet.retweet().authorId())
                .put(RETWEETED_SCREEN_NAME, tweet.retweet() == null ? null : tweet.retweet().authorScreenName());
    }

    private static List<Struct> media(List<Tweet.Media> media) {
        if (media == null) {
            return null;
        }
        List<Struct> structs = new ArrayList<>(media.size());
        for (Tweet.Media item : media) {
            structs.add(new Struct(MEDIA_SCHEMA)
                    .put(MEDIA_ID, item.id())
                    .put(MEDIA_TYPE, item.type())
                    .put(MEDIA_URL, item.url())
                    .put(MEDIA_ALT_TEXT, item.altText()));
        }
        return structs;
    }

    private static Struct user(TwitterUser user) {
        return new Struct(USER_SCHEMA)
                .put(USER_ID, user.id())
                .put(USER_SCREEN_NAME, user.screenName())
                .put(USER_NAME, user.name())
                .put(USER_LOCATION, user.location())
                .put(USER_VERIFIED, user.verified())
                .put(USER_FOLLOWERS_COUNT, user.followersCount())
                .put(USER_FRIENDS_COUNT, user.friendsCount());
    }

    private static List<String> expandedUrls(List<Tweet.Link> links) {
        List<String> urls = new ArrayList<>(links.size());
        for (Tweet.Link link : links) {
            urls.add(link.expandedUrl());
        }
        return urls;
    }

    private static Struct coordinates(Tweet.Coordinates coordinates) {
        if (coordinates == null) {
            return null;
        }
        return new Struct(COORDINATES_SCHEMA)
                .put(LATITUDE, coordinates.latitude())
                .put(LONGITUDE, coordinates.longitude());
    }

    private static Struct place(Tweet.Place place) {
        if (place == null) {
            return null;
        }
        return new Struct(PLACE_SCHEMA)
                .put(PLACE_ID, place.id())
                .put(PLACE_NAME, place.name())
                .put(PLACE_FULL_NAME, place.fullName())
                .put(PLACE_COUNTRY_CODE, place.countryCode())
                .put(PLACE_COUNTRY, place.country())
                .put(PLACE_TYPE, place.placeType());
    }
}
