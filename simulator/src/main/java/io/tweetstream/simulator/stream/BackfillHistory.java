package io.tweetstream.simulator.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The tweets a v2 endpoint made in the last five minutes (at most {@code limit} of them), oldest first, for X's
 * {@code backfill_minutes}. Not thread-safe: the broadcast guards it with its lock.
 */
final class BackfillHistory {

    /** X keeps five minutes for backfill. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final int limit;
    private final Deque<V2Tweet> tweets = new ArrayDeque<>();

    BackfillHistory(int limit) {
        this.limit = limit;
    }

    void add(V2Tweet tweet) {
        if (limit == 0) {
            return;
        }
        if (tweets.size() == limit) {
            tweets.removeFirst();
        }
        tweets.addLast(tweet);
        forgetBefore(tweet.createdAt().minus(WINDOW));
    }

    /** The tweets made at or after {@code from}, oldest first. */
    List<V2Tweet> since(Instant from) {
        return tweets.stream().filter(tweet -> !tweet.createdAt().isBefore(from)).toList();
    }

    private void forgetBefore(Instant cutoff) {
        while (!tweets.isEmpty() && tweets.peekFirst().createdAt().isBefore(cutoff)) {
            tweets.removeFirst();
        }
    }
}
