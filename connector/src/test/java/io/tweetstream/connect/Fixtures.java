package io.tweetstream.connect;

import io.tweetstream.connect.v1.StatusMapper;
import io.tweetstream.connect.tweet.Tweet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import twitter4j.Status;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;

/** Real-shaped v1.1 payloads from {@code src/test/resources/tweets}, parsed as the stream parses them. */
public final class Fixtures {

    private Fixtures() {}

    public static String json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/tweets/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Status status(String name) {
        try {
            return TwitterObjectFactory.createStatus(json(name));
        } catch (TwitterException e) {
            throw new IllegalStateException("Fixture " + name + " does not parse", e);
        }
    }

    /** The fixture through the mapper, as the stream maps it (with the JSON, without keeping it). */
    public static Tweet tweet(String name) {
        return StatusMapper.toTweet(status(name), json(name), false);
    }
}
