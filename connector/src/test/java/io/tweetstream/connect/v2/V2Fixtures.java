package io.tweetstream.connect.v2;

import io.tweetstream.connect.cost.PostBudget;
import io.tweetstream.connect.cost.XClock;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.tweet.Tweet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Real-shaped v2 stream lines from {@code src/test/resources/v2}, read as the stream reads them. */
public final class V2Fixtures {

    private V2Fixtures() {}

    /** The fixture as one stream line (X sends each message on a line of its own). */
    /** A budget that counts and never stops: for handlers whose tests are not about cost. */
    static PostBudget unlimitedBudget() {
        return new PostBudget(PostBudget.Limits.NONE, XClock.system(), 0);
    }

    public static byte[] line(String name) {
        try (InputStream in = V2Fixtures.class.getResourceAsStream("/v2/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture through the real handler and mapper (as on the sample stream: no rule share). */
    public static Tweet tweet(String name) {
        StreamStats stats = new StreamStats();
        EventBuffer buffer = new EventBuffer(1, stats);
        try {
            new V2MessageHandler(buffer, stats, null, false, unlimitedBudget()).handle(line(name));
            List<StreamEvent> events = buffer.drain(1, 1);
            if (events.size() != 1 || !(events.get(0) instanceof TweetReceived received)) {
                throw new IllegalStateException("Fixture " + name + " gave no tweet: " + stats);
            }
            return received.tweet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
