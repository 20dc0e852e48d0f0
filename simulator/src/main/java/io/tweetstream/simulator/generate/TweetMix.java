package io.tweetstream.simulator.generate;

/** The shares of extended tweets, retweets and quotes in a stream. */
public record TweetMix(double extendedRatio, double retweetRatio, double quoteRatio) {
}
