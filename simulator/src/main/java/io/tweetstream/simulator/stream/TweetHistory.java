package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.MadeTweet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The tweets a v2 endpoint made, in the order of their ids (which is that of their creation times, to the
 * millisecond), whether or not a client got them: what backfill, Recovery and recent search serve, and what
 * {@link io.tweetstream.simulator.StreamSimulator#madeTweets()} shows. Ordered by id rather than by arrival because
 * tweets made earlier ({@code madeEarlier}) arrive after later ones. Keeps at most {@code limit} tweets (the oldest
 * is forgotten) and, when {@code maxAge} is set, none older than that before the newest. Thread-safe.
 */
public final class TweetHistory {

    private final int limit;
    private final Duration maxAge;
    private final NavigableMap<Long, V2Tweet> tweets = new TreeMap<>();

    /** @param maxAge how long a tweet is kept after it was made; {@code null} for as long as the limit allows */
    public TweetHistory(int limit, Duration maxAge) {
        this.limit = limit;
        this.maxAge = maxAge;
    }

    public synchronized void add(V2Tweet tweet) {
        if (limit == 0) {
            return;
        }
        tweets.put(tweet.id(), tweet);
        while (tweets.size() > limit) {
            tweets.pollFirstEntry();
        }
        if (maxAge != null) {
            Instant cutoff = tweets.lastEntry().getValue().createdAt().minus(maxAge);
            while (!tweets.isEmpty() && tweets.firstEntry().getValue().createdAt().isBefore(cutoff)) {
                tweets.pollFirstEntry();
            }
        }
    }

    /** The tweet of id {@code id}, if it is kept. */
    public synchronized java.util.Optional<V2Tweet> find(long id) {
        return java.util.Optional.ofNullable(tweets.get(id));
    }

    /**
     * The tweet about {@code unit} (in [0, 1)) of the way from the oldest kept to the newest, by id and so by creation
     * time: a uniform {@code unit} picks a moment of the period kept evenly (the Likes of the firehose's Posts); empty
     * when none is kept.
     */
    public synchronized java.util.Optional<V2Tweet> pick(double unit) {
        if (tweets.isEmpty()) {
            return java.util.Optional.empty();
        }
        long oldest = tweets.firstKey();
        long target = oldest + (long) ((tweets.lastKey() - oldest) * unit);
        return java.util.Optional.of(tweets.ceilingEntry(target).getValue());
    }

    /** The tweets made at or after {@code from}, oldest first. */
    public List<V2Tweet> since(Instant from) {
        return between(from, Instant.MAX);
    }

    /** The tweets made in {@code [from, until)}, oldest first. */
    public synchronized List<V2Tweet> between(Instant from, Instant until) {
        return tweets.values().stream()
                .filter(tweet -> !tweet.createdAt().isBefore(from) && tweet.createdAt().isBefore(until)).toList();
    }

    /**
     * Up to {@code count} tweets with ids below {@code belowId} that pass {@code filter}, newest first: one page of a
     * search.
     */
    public synchronized List<V2Tweet> newestBelow(long belowId, int count, Predicate<V2Tweet> filter) {
        List<V2Tweet> page = new ArrayList<>();
        for (V2Tweet tweet : tweets.headMap(belowId, false).descendingMap().values()) {
            if (page.size() == count) {
                break;
            }
            if (filter.test(tweet)) {
                page.add(tweet);
            }
        }
        return page;
    }

    /** Every tweet kept, oldest first, as the public view. */
    public synchronized List<MadeTweet> made() {
        return tweets.values().stream().map(tweet -> new MadeTweet(tweet.id(), tweet.createdAt(), tweet.matchingRules()))
                .toList();
    }
}
