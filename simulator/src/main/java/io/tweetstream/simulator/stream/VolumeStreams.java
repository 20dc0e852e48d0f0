package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.DeliveryDelay;
import io.tweetstream.simulator.PartitionedTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * X's partitioned volume streams, the firehose (and its language variants) and sample10, as one world: one sequence of Posts at
 * {@link SimulatorSettings#firehoseTweetsPerSecond()} (with bursts and the delivery delay), made from the first
 * connection to either stream (or to a Likes stream: {@link LikesStream}'s Likes are of these Posts) until the
 * simulator closes, whether or not a partition is read. The firehose carries
 * all of them and sample10 a fixed tenth ({@link VolumePartitions}), so sample10's Posts are the firehose's too, as on
 * X. One history, bounded by {@link SimulatorSettings#historyLimit()} and Recovery's 24 hours, serves both streams'
 * backfill and Recovery and the tests' view of what was made.
 */
public final class VolumeStreams {

    private final TweetHistory history;
    private final V2Broadcast broadcast;

    /** @param source makes the Posts (called once, when the first connection opens) */
    public VolumeStreams(SimulatorSettings settings, LongFunction<V2TweetSource> source, StreamLedger ledger,
                         V2Controls controls, Duration maxAge, DeliveryDelay delay) {
        this.history = new TweetHistory(settings.historyLimit(), maxAge);
        this.broadcast = new V2Broadcast(StreamEndpoint.V2_FIREHOSE, settings, source, ledger, controls, history,
                V2Broadcast.Runs.FROM_FIRST_CONNECTION, settings.firehoseTweetsPerSecond(), delay);
    }

    /** The broadcast every partition of both streams joins; to be run on a thread of its own. */
    public V2Broadcast broadcast() {
        return broadcast;
    }

    /**
     * Starts the world now if no connection to a volume stream did (a Likes stream needs its Posts to like); then
     * {@code onStart} hears of it.
     */
    public void start() {
        broadcast.start();
    }

    /** {@code listener} is told once the world starts, whichever stream started it. */
    public void onStart(Runnable listener) {
        broadcast.onRunStart(listener);
    }

    public TweetHistory history() {
        return history;
    }

    /** Whether {@code tweet} is in {@code partition} of {@code endpoint}. */
    public static Predicate<V2Tweet> share(StreamEndpoint endpoint, int partition) {
        return tweet -> partitionOf(endpoint, tweet) == partition;
    }

    /**
     * The Post's partition on {@code endpoint}. Its {@code lang} is looked up only for a language firehose: the
     * firehose's partitions test every Post on every connection.
     */
    private static int partitionOf(StreamEndpoint endpoint, V2Tweet tweet) {
        if (endpoint.language() == null) {
            return VolumePartitions.of(endpoint, tweet.id());
        }
        String lang = tweet.status() == null ? null : tweet.status().path("lang").asText(null);
        return VolumePartitions.of(endpoint, tweet.id(), lang);
    }

    /** Every Post of {@code endpoint} kept in the history, oldest first, with its partition. */
    public List<PartitionedTweet> made(StreamEndpoint endpoint) {
        return history.since(Instant.MIN).stream()
                .map(tweet -> new PartitionedTweet(tweet.id(), tweet.createdAt(),
                        partitionOf(endpoint, tweet)))
                .filter(tweet -> tweet.partition() > 0).toList();
    }
}
