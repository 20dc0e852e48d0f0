package io.tweetstream.simulator.stream;

import java.time.Instant;
import java.util.Optional;

/**
 * Makes the tweets of a v2 stream endpoint, which every connection open on it then gets: matching the rules on
 * the filtered stream, anything on the sample stream. Called from one thread at a time.
 */
public interface V2TweetSource {

    /** The tweet due at {@code now}, or empty when there is none to send (no rules, say). */
    Optional<V2Tweet> next(Instant now);

    /** When its tweets are due: the configured rate ({@code generated}), unless the source has a pace of its own. */
    default Pace pace(Pace generated) {
        return generated;
    }
}
