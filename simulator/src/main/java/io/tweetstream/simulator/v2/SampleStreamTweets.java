package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.simulator.generate.GeneratedTweet;
import io.tweetstream.simulator.generate.TweetGenerator;
import io.tweetstream.simulator.generate.TweetRecipe;
import io.tweetstream.simulator.stream.V2Message;
import io.tweetstream.simulator.stream.V2TweetSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The tweets of the sample stream: any tweet, in the usual mix, without {@code matching_rules}. */
public final class SampleStreamTweets implements V2TweetSource {

    private final TweetGenerator generator;
    private final V2Payload payload;
    private final FieldSelection fields;
    private final ObjectMapper mapper;

    public SampleStreamTweets(TweetGenerator generator, V2Payload payload, FieldSelection fields, ObjectMapper mapper) {
        this.generator = generator;
        this.payload = payload;
        this.fields = fields;
        this.mapper = mapper;
    }

    @Override
    public Optional<V2Message> next(Instant now) {
        GeneratedTweet tweet = generator.next(now, TweetRecipe.ANYTHING);
        try {
            String json = mapper.writeValueAsString(payload.message(new StatusView(tweet.json()), fields, null));
            return Optional.of(new V2Message(json, tweet.id(), tweet.userId(), List.of(), List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a v2 message as JSON", e);
        }
    }
}
