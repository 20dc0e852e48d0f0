package io.tweetstream.connect.stream;

import io.tweetstream.connect.tweet.Tweet;

/** What a stream hands to the task: a tweet, or the notice that a tweet was deleted. */
public sealed interface StreamEvent {

    record TweetReceived(Tweet tweet) implements StreamEvent {}

    record TweetDeleted(long tweetId, long userId, long receivedAtMillis) implements StreamEvent {}
}
