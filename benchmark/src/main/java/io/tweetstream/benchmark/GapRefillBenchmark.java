package io.tweetstream.benchmark;

import io.tweetstream.connect.TwitterSourceConnector;
import io.tweetstream.connect.TwitterSourceTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.record.TweetRecords;
import io.tweetstream.simulator.MadeTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.connect.source.SourceRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How fast a task refills a gap: the simulator (in this JVM) makes a gap's worth of tweets for the
 * connector's rules ({@code --gap-minutes} at {@code --rate} a second, 10 minutes at 250 by default),
 * and a task restarted with the offset of the first of them refills the rest, once with Recovery and
 * once with recent search (its request limit lifted, to measure the connector rather than X's
 * window). Beside them, as the baseline measured in the same run, the same task reading a live
 * stream at the simulator's highest rate. Prints tweets per second refilled, from the first
 * recovered record polled to the last (the wait before a refill begins is not counted).
 */
@Command(name = "gap", mixinStandardHelpOptions = true,
        description = "Refills a gap with Recovery and with recent search, beside a live stream; prints tweets/s.")
public final class GapRefillBenchmark implements Callable<Integer> {

    private static final String BEARER_TOKEN = "benchmark-bearer-token";
    /** X's pay-per-use recent search: 450 requests per 15 minutes, 100 tweets each. */
    private static final double PAY_PER_USE_SEARCH_TWEETS_PER_SECOND = 450 * 100 / (15 * 60.0);

    @Option(names = "--gap-minutes", description = "the gap's length; default ${DEFAULT-VALUE}")
    int gapMinutes = 10;

    @Option(names = "--rate", paramLabel = "TWEETS", description = "tweets per second made during the gap; default ${DEFAULT-VALUE}")
    int rate = 250;

    @Option(names = "--live-seconds", description = "seconds the live baseline is measured; default ${DEFAULT-VALUE}")
    int liveSeconds = 15;

    @Option(names = "--keywords", split = ",", paramLabel = "PHRASE", description = "track phrases; default ${DEFAULT-VALUE}")
    List<String> keywords = List.of("kafka", "apache spark", "flink", "java", "data");

    /** One measured refill, or the live baseline. */
    record Refill(String how, long tweets, double seconds) {
        double tweetsPerSecond() {
            return tweets / seconds;
        }
    }

    /** The refills and the baseline of one run. */
    record Figures(int gapMinutes, int rate, long gapTweets, List<Refill> refills, Refill live) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "Refilling a %d-minute gap made at %d tweets/s (%,d tweets for the rules):%n", gapMinutes, rate,
                    gapTweets));
            for (Refill refill : refills) {
                text.append(String.format(Locale.ROOT, "  %-44s %,9d tweets in %6.1f s: %,8.0f tweets/s (%.2f x live)%n",
                        refill.how(), refill.tweets(), refill.seconds(), refill.tweetsPerSecond(),
                        refill.tweetsPerSecond() / live.tweetsPerSecond()));
            }
            text.append(String.format(Locale.ROOT, "  %-44s %,9d tweets in %6.1f s: %,8.0f tweets/s (baseline)%n",
                    live.how(), live.tweets(), live.seconds(), live.tweetsPerSecond()));
            text.append(String.format(Locale.ROOT, "  X's pay-per-use search window (450 requests of 100 per 15 min) caps"
                    + " search at %.0f tweets/s: this gap would take %.0f min there%n", PAY_PER_USE_SEARCH_TWEETS_PER_SECOND,
                    gapTweets / PAY_PER_USE_SEARCH_TWEETS_PER_SECOND / 60));
            return text.toString();
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GapRefillBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        System.out.println(run());
        return 0;
    }

    Figures run() throws InterruptedException {
        Refill live = live();
        try (StreamSimulator simulator = StreamSimulator.start(SimulatorSettings.builder()
                .tier(SimulatorSettings.Tier.ENTERPRISE).searchRequestsPerWindow(1_000_000).tweetsPerSecond(1)
                .historyLimit(Math.max(500_000, rate * gapMinutes * 60 + 1_000))
                .acceptedBearerTokens(java.util.Set.of(BEARER_TOKEN)).build())) {
            Map<String, String> props = config(simulator.v2BaseUrl());
            TwitterSourceConnector connector = new TwitterSourceConnector();
            connector.start(props);
            List<MadeTweet> made = simulator.madeEarlier(Duration.ofMinutes(gapMinutes), rate * gapMinutes * 60);
            connector.stop();
            long missed = made.size() - 1;
            List<Refill> refills = new ArrayList<>();
            MadeTweet lastMade = made.get(made.size() - 1);
            refills.add(refill("Recovery (Enterprise, start_time/end_time)", "recovery", props, made.get(0), lastMade,
                    missed));
            refills.add(refill("recent search (request limit lifted)", "search", props, made.get(0), lastMade, missed));
            return new Figures(gapMinutes, rate, made.size(), refills, live);
        }
    }

    private Map<String, String> config(String baseUrl) {
        Map<String, String> props = new HashMap<>();
        props.put("name", TaskBenchmark.CONNECTOR_NAME);
        props.put(TwitterSourceConfig.TOPIC, "tweets");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, String.join(",", keywords));
        props.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V2);
        props.put(TwitterSourceConfig.V2_BASE_URL, baseUrl);
        props.put(TwitterSourceConfig.V2_BEARER_TOKEN, BEARER_TOKEN);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        props.put(TwitterSourceConfig.V2_BACKFILL_MINUTES, "0");
        props.put(TwitterSourceConfig.POLL_TIMEOUT_MS, "100");
        return props;
    }

    /** A task restarted after {@code lastWritten} with only {@code tool} to refill the gap. */
    private Refill refill(String how, String tool, Map<String, String> connectorProps, MadeTweet lastWritten,
            MadeTweet lastMade, long missed) throws InterruptedException {
        Map<String, String> props = new HashMap<>(connectorProps);
        props.put(TwitterSourceConfig.V2_GAP_RECOVERY, tool);
        Map<String, Object> offset = new HashMap<>(Map.of(TweetRecords.OFFSET_TWEET_ID, lastWritten.id(),
                TweetRecords.OFFSET_CREATED_AT, lastWritten.createdAt().toEpochMilli()));
        TwitterSourceTask task = new TwitterSourceTask();
        task.initialize(new StandaloneTaskContext(props, offset));
        task.start(props);
        try {
            long first = 0;
            long last = 0;
            long recovered = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (recovered < missed && System.nanoTime() < deadline) {
                List<SourceRecord> batch = task.poll();
                if (batch == null) {
                    continue;
                }
                for (SourceRecord record : batch) {
                    // The live stream goes on beside the refill, at a tweet a second: those are not counted.
                    long id = (Long) record.key();
                    if (id > lastWritten.id() && id <= lastMade.id()) {
                        recovered++;
                    }
                }
                long now = System.nanoTime();
                first = first == 0 ? now : first;
                last = now;
            }
            return new Refill(how, recovered, (last - first) / 1e9);
        } finally {
            task.stop();
        }
    }

    /** The baseline: the same task reading a live stream of the simulator at its highest rate. */
    private Refill live() throws InterruptedException {
        try (StreamSimulator simulator = StreamSimulator.start(SimulatorSettings.builder()
                .tier(SimulatorSettings.Tier.ENTERPRISE).tweetsPerSecond(100_000).historyLimit(0)
                .acceptedBearerTokens(java.util.Set.of(BEARER_TOKEN)).build())) {
            Map<String, String> props = config(simulator.v2BaseUrl());
            props.put(TwitterSourceConfig.V2_GAP_RECOVERY, "");
            TwitterSourceConnector connector = new TwitterSourceConnector();
            connector.start(props);
            TwitterSourceTask task = new TwitterSourceTask();
            Map<String, String> taskProps = connector.taskConfigs(1).get(0);
            task.initialize(new StandaloneTaskContext(taskProps));
            task.start(taskProps);
            try {
                long warmUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < warmUntil) {
                    task.poll();
                }
                long start = System.nanoTime();
                long until = start + Duration.ofSeconds(liveSeconds).toNanos();
                long tweets = 0;
                while (System.nanoTime() < until) {
                    List<SourceRecord> batch = task.poll();
                    tweets += batch == null ? 0 : batch.size();
                }
                return new Refill("live stream, highest rate", tweets, (System.nanoTime() - start) / 1e9);
            } finally {
                task.stop();
                connector.stop();
            }
        }
    }
}
