package io.tweetstream.simulator.stream;

import java.time.Instant;
import java.util.Optional;

/** Makes the tweets of one v2 stream: matching the rules on the filtered stream, anything on the sample stream. */
public interface V2TweetSource {

    /** The message for a tweet due at {@code now}, or empty when there is none to send (no rules, say). */
    Optional<V2Message> next(Instant now);
}
