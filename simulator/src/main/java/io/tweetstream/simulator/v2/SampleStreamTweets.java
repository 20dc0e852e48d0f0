package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.generate.GeneratedTweet;
import io.tweetstream.simulator.generate.TweetGenerator;
import io.tweetstream.simulator.generate.TweetRecipe;
import io.tweetstream.simulator.stream.V2Tweet;
import io.tweetstream.simulator.stream.V2TweetSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The tweets of the sample stream: any tweet, in the usual mix, the same for every connection. */
public final class SampleStreamTweets implements V2TweetSource {

    private final TweetGenerator generator;

    public SampleStreamTweets(TweetGenerator generator) {
        this.generator = generator;
    }

    @Override
    public Optional<V2Tweet> next(Instant now) {
        GeneratedTweet tweet = generator.next(now, TweetRecipe.ANYTHING);
        return Optional.of(new V2Tweet(tweet.id(), tweet.userId(), tweet.json(), List.of(), List.of(), now,
                tweet.v2()));
    }
}
