package io.tweetstream.connect.core;

import io.tweetstream.connect.tweet.Tweet;
import java.util.List;

/** What a stream hands to the task: a tweet, or the notice that a tweet was deleted. */
public sealed interface StreamEvent {

    /** @param matchedKeywords the configured phrases the tweet matched, for the record's keyword field */
    record TweetReceived(Tweet tweet, List<String> matchedKeywords) implements StreamEvent {

        public TweetReceived {
            matchedKeywords = List.copyOf(matchedKeywords);
        }
    }

    record TweetDeleted(long tweetId, long userId, long receivedAtMillis) implements StreamEvent {}
}
