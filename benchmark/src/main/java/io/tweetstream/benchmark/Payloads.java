package io.tweetstream.benchmark;

import io.tweetstream.connect.TwitterSourceConnector;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.StreamSimulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic stream lines for the micro-benchmarks: the first tweets the simulator sends on a stream
 * (its default mix of extended tweets, retweets, quotes, replies, places and emoji), exactly as sent.
 */
public final class Payloads {

    /** The connector name the v2 lines' rule tags carry. */
    public static final String CONNECTOR = "benchmark";
    public static final List<String> KEYWORDS = List.of("kafka", "apache spark", "flink", "java", "data");
    private static final long DEADLINE_MILLIS = 60_000;

    private Payloads() {}

    /** {@code count} lines of the v2 filtered stream, matching rules of connector {@link #CONNECTOR}. */
    public static List<String> v2Lines(int count) {
        try (StreamSimulator simulator = simulator(count)) {
            Map<String, String> props = new HashMap<>();
            props.put("name", CONNECTOR);
            props.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V2);
            props.put(TwitterSourceConfig.V2_BASE_URL, simulator.v2BaseUrl());
            props.put(TwitterSourceConfig.V2_BEARER_TOKEN, TaskBenchmark.BEARER_TOKEN);
            props.put(TwitterSourceConfig.TOPIC, "tweets");
            props.put(TwitterSourceConfig.TRACK_KEYWORDS, String.join(",", KEYWORDS));
            TwitterSourceConnector connector = new TwitterSourceConnector();
            connector.start(props);
            connector.stop();
            try (StreamDrain drain = StreamDrain.v2(simulator.v2BaseUrl(), TaskBenchmark.BEARER_TOKEN)) {
                return await(simulator, count);
            }
        }
    }

    /** {@code count} lines of the v1.1 filter stream tracking {@link #KEYWORDS}. */
    public static List<String> v1Lines(int count) {
        try (StreamSimulator simulator = simulator(count);
                StreamDrain drain = StreamDrain.v1(simulator.v1BaseUrl(), KEYWORDS)) {
            return await(simulator, count);
        }
    }

    private static StreamSimulator simulator(int count) {
        return StreamSimulator.start(SimulatorLauncher.settings(0, 20_000).seed(7).sentHistoryLimit(count)
                .maxTweetsPerConnection(count).build());
    }

    private static List<String> await(StreamSimulator simulator, int count) {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (simulator.sentTweets().size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The simulator sent " + simulator.sentTweets().size() + " of "
                        + count + " tweets within " + DEADLINE_MILLIS + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return simulator.sentTweets().stream().map(SentTweet::json).toList();
    }
}
