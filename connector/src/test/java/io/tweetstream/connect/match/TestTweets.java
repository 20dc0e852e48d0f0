package io.tweetstream.connect.match;

import io.tweetstream.connect.tweet.Tweet;
import io.tweetstream.connect.tweet.TwitterUser;
import java.time.Instant;
import java.util.List;

/** Minimal tweets for matching tests: only what matching reads is set. */
final class TestTweets {

    private static final TwitterUser USER = new TwitterUser(1, "someone", "Some One", null, false, 0, 0);

    private TestTweets() {}

    static Tweet text(String text) {
        return tweet(text, List.of(), List.of(), List.of());
    }

    static Tweet tweet(String text, List<String> hashtags, List<String> mentions, List<Tweet.Link> links) {
        return new Tweet(1, Instant.EPOCH, text, "en", USER, hashtags, mentions, links,
                null, null, null, null, null, null, null, List.of(), null, null, List.of(), null);
    }

    static Tweet retweetOf(Tweet original) {
        return new Tweet(2, Instant.EPOCH, "RT @someone: ...", "en", USER, List.of(), List.of("someone"),
                List.of(), null, new Tweet.Retweet(original.id(), original, original.user().id(),
                        original.user().screenName()),
                null, null, null, null, null, List.of(), null, null, List.of(), null);
    }

    static Tweet quoteOf(Tweet quoted, String comment) {
        return new Tweet(3, Instant.EPOCH, comment, "en", USER, List.of(), List.of(), List.of(),
                null, null, quoted, quoted.id(), null, null, null, List.of(), null, null, List.of(), null);
    }
}
