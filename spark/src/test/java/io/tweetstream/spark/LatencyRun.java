package io.tweetstream.spark;

import static org.awaitility.Awaitility.await;

import io.tweetstream.simulator.DeliveryDelay;
import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.WorkDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One measure of the job's latency with live tweets: a testkit broker; {@link LiveTweets} into its
 * tweets topic with X's delivery delays ({@link DeliveryDelay#xLike()}); the job started once
 * they flow ({@link EmbeddedJob}: {@code local[2]}, Kafka sink, the default trigger and lateness);
 * {@link CountArrivals} on the counts topic. The tweets go on for the given duration after the
 * job's first count, however long it takes to start. After the last tweet, it waits until the watermark has
 * made final every second it has passed, then stops everything and returns the figures.
 */
final class LatencyRun {

    private static final String TWEETS = "tweets";
    private static final String COUNTS = "tweet-counts";
    /** The job's default lateness: the newest seconds stay open when the tweets stop. */
    private static final Duration LATENESS = TweetCountOptions.parse().watermark();
    /** Deadlines for the job to catch up: generous, so that a loaded machine only makes it slower. */
    private static final Duration CATCH_UP = Duration.ofMinutes(2);
    /** A deadline for the job's first count: a cold start takes 15 to 35 s on two loaded cores. */
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private LatencyRun() {}

    static LatencyFigures run(Path workDir, int perSecond, Duration duration) {
        WorkDirectory.clean(workDir);
        try (KafkaBroker broker = KafkaBroker.start(workDir.resolve("broker"));
             KafkaTopics topics = new KafkaTopics(broker.bootstrapServers())) {
            topics.create(TWEETS);
            // One partition: the arrivals of a second's records in the order the job wrote them.
            topics.create(COUNTS, 1);
            try (CountArrivals arrivals = new CountArrivals(broker.bootstrapServers(), COUNTS).start();
                 LiveTweets tweets = new LiveTweets(broker.bootstrapServers(), TWEETS, perSecond,
                     STARTUP.plus(duration), DeliveryDelay.xLike()).start();
                 EmbeddedJob job = EmbeddedJob.start(
                     "--bootstrap-servers", broker.bootstrapServers(),
                     "--topic", TWEETS,
                     "--sink", "kafka",
                     "--output-topic", COUNTS,
                     "--master", "local[2]",
                     "--checkpoint-dir", workDir.resolve("checkpoint").toString())) {
                await("the job's first count").atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
                    job.check();
                    return arrivals.firstRecordAt() > 0;
                });
                tweets.endAfter(duration);
                await("the last tweet written").atMost(duration.plus(CATCH_UP)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        job.check();
                        return tweets.done();
                    });
                long watermark = tweets.lastCreatedAt() - LATENESS.toMillis();
                await("a final count of every second the watermark has passed").atMost(CATCH_UP)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        job.check();
                        Map<Long, CountArrivals.Second> seconds = arrivals.seconds();
                        return tweets.madePerSecond().keySet().stream()
                            .filter(start -> start + 1000 <= watermark)
                            .allMatch(start -> seconds.containsKey(start) && seconds.get(start).finals() > 0);
                    });
                return LatencyFigures.of(job.startup(), arrivals.firstRecordAt(), arrivals.seconds(),
                    tweets.madePerSecond(), job.batchPhases());
            }
        }
    }
}
