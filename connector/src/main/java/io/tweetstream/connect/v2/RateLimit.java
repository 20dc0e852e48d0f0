package io.tweetstream.connect.v2;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * What X's {@code x-rate-limit-*} headers say of an endpoint's 15-minute window: how many requests
 * remain in it and when it resets. X sends them on every response (handling-disconnections.mdx).
 *
 * @param remaining requests left in the window; -1 when X did not say
 * @param resetAt when the window resets; null when X did not say
 */
record RateLimit(long remaining, Instant resetAt) {

    static final RateLimit UNKNOWN = new RateLimit(-1, null);

    static RateLimit of(HttpHeaders headers) {
        OptionalLong remaining = headers.firstValueAsLong("x-rate-limit-remaining");
        OptionalLong reset = headers.firstValueAsLong("x-rate-limit-reset");
        return new RateLimit(remaining.orElse(-1), reset.isPresent() ? Instant.ofEpochSecond(reset.getAsLong()) : null);
    }

    /** Whether the window is used up, so that the next request must wait until {@link #resetAt()}. */
    boolean exhausted(Instant now) {
        return remaining == 0 && resetAt != null && resetAt.isAfter(now);
    }
}
