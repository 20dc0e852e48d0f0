package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.v2.RuleTag;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.MadeTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A task with a redundant connection (Enterprise: two connections to the filtered stream, which X
 * sends the same tweets) against the simulator over real HTTP: a connection dropped while the other
 * stays open loses nothing and refills nothing, as the other delivered its gap; a gap the other did
 * not deliver (it stalled) is refilled. Every tweet the simulator made for the connector's rules is
 * written once, and each Post is billed once however many connections brought it.
 */
class V2RedundantConnectionIT extends ScenarioSuite {

    private static final String TRACK = "kafka,flink,apache spark";
    private static final Duration REFILL_DEADLINE = Duration.ofMinutes(2);

    V2RedundantConnectionIT() {
        super(StreamApi.V2);
    }

    private PolledTask startRedundantTask(String... keyValues) {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.ENTERPRISE).v2MaxConnections(2).seed(29)
                .tweetsPerSecond(100).keepAliveInterval(Duration.ofMillis(200)).continuousTweets(true));
        Map<String, String> props = config(TRACK);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        props.put(TwitterSourceConfig.V2_REDUNDANT_CONNECTION, "true");
        props.put(TwitterSourceConfig.V2_NETWORK_BACKOFF_MS, "100");
        props.put(TwitterSourceConfig.V2_RATE_LIMIT_BACKOFF_MS, "100");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        PolledTask task = startTask(props);
        await().atMost(DEADLINE).until(() -> openConnections().size() == 2);
        return task;
    }

    /** The task's live connections open now, oldest first. */
    private List<ConnectionInfo> openConnections() {
        return simulator().connections().stream()
                .filter(c -> c.endpoint() == StreamEndpoint.V2_FILTERED && !c.recovery() && c.open()).toList();
    }

    private List<ConnectionInfo> recoveryConnections() {
        return simulator().connections().stream().filter(ConnectionInfo::recovery).toList();
    }

    /** Once both connections have been open a while: every tweet made for the connector's rules from then on is due. */
    private Instant dueFrom(PolledTask task) {
        // A second after the later one opened: a tweet made as a connection opens may come before its stream starts.
        Instant opened = openConnections().get(1).openedAt();
        task.pollUntilMoreWritten(200);
        return opened.plusSeconds(1);
    }

    /** Every tweet made for the connector's rules from {@code from} to {@code until} is written, none twice. */
    private void assertEveryMadeTweetWrittenOnce(PolledTask task, Instant from, Instant until, Duration deadline) {
        List<MadeTweet> dueTweets = simulator().madeTweets().stream()
                .filter(t -> !t.createdAt().isBefore(from) && t.createdAt().isBefore(until))
                .filter(t -> t.matchingRules().stream().anyMatch(r -> RuleTag.isOwnedBy(r.tag(), "tweets")))
                .toList();
        List<Long> due = dueTweets.stream().map(MadeTweet::id).toList();
        assertThat(due).hasSizeGreaterThan(100);
        try {
            task.pollUntil(() -> keys(task.written()).containsAll(due), deadline);
        } finally {
            Set<Long> written = Set.copyOf(keys(task.written()));
            assertThat(dueTweets.stream().filter(t -> !written.contains(t.id())).map(MadeTweet::createdAt))
                    .as("the creation times of the tweets not written").isEmpty();
        }
        assertNoTweetWrittenTwice(task);
    }

    @Test
    void aDroppedConnectionLosesNothingAndRefillsNothingWhileTheOtherStaysOpen() {
        PolledTask task = startRedundantTask();
        Instant from = dueFrom(task);

        for (int round = 1; round <= 3; round++) {
            ConnectionInfo oldest = openConnections().get(0);
            assertThat(simulator().openStream(oldest.id()).drop()).isEqualTo(1);
            int covered = round;
            task.pollUntil(() -> task.count(StreamCounter.GAPS_COVERED) >= covered);
            await().atMost(DEADLINE).until(() -> openConnections().size() == 2);
            // The replacement has delivered tweets made after it opened: it reaches back far enough for the next round.
            task.pollUntilMoreWritten(100);
        }
        Instant until = Instant.now().minusSeconds(1);

        assertEveryMadeTweetWrittenOnce(task, from, until, DEADLINE);
        assertEverySentTweetWrittenOnce(task);
        assertThat(task.count(StreamCounter.GAPS_COVERED)).isEqualTo(3);
        assertThat(task.count(StreamCounter.GAPS_REFILLED)).as("no backfill, Recovery or search").isZero();
        assertThat(task.count(StreamCounter.RECOVERED)).isZero();
        assertThat(recoveryConnections()).isEmpty();
        assertThat(simulator().searchRequests()).isEmpty();
        assertThat(task.count(StreamCounter.DUPLICATES)).as("the second copy of each tweet").isPositive();
        assertThat(task.count(StreamCounter.UNRECOVERABLE_SECONDS)).isZero();
        assertEachPostBilledOnce(task);
    }

    /** The task's count of billed Posts is the tweets it received, not the copies: both connections brought most twice. */
    private void assertEachPostBilledOnce(PolledTask task) {
        long written = keys(task.written()).size();
        long billed = ((Number) task.metric("posts-billed-today")).longValue();
        task.stop();
        assertThat(billed).isGreaterThanOrEqualTo(written);
        // The simulator records a send just after writing it: what the task was billed for shows in a moment.
        await().atMost(DEADLINE).until(() -> sentIds().size() >= billed);
        assertThat((long) simulator().sentTweets().size()).as("copies sent, both connections counted")
                .isGreaterThan(billed * 3 / 2);
    }

    @Test
    void aGapTheOtherConnectionDidNotDeliverIsRefilled() {
        // Backfill off: each gap is refilled by a Recovery stream of its own, which the simulator records.
        PolledTask task = startRedundantTask(TwitterSourceConfig.STREAM_READ_TIMEOUT_MS, "1500",
                TwitterSourceConfig.V2_BACKFILL_MINUTES, "0", TwitterSourceConfig.V2_GAP_RECOVERY, "recovery");
        Instant from = dueFrom(task);
        List<ConnectionInfo> open = openConnections();

        // The second goes silent, its socket open: the first, dropped, leaves its gap to it, which never delivers
        // past it. Once the watchdog replaces the silent one, the first's gap is refilled, as is the second's own.
        assertThat(simulator().openStream(open.get(1).id()).stall(Duration.ofSeconds(3))).isEqualTo(1);
        assertThat(simulator().openStream(open.get(0).id()).drop()).isEqualTo(1);
        task.pollUntil(() -> task.count(StreamCounter.GAPS_REFILLED) >= 2 && task.count(StreamCounter.STALLS) >= 1,
                REFILL_DEADLINE);
        await().atMost(DEADLINE).until(() -> openConnections().size() == 2);
        task.pollUntilMoreWritten(40);
        Instant until = Instant.now().minusSeconds(1);

        assertEveryMadeTweetWrittenOnce(task, from, until, REFILL_DEADLINE);
        assertThat(task.count(StreamCounter.GAPS_COVERED)).isZero();
        assertThat(recoveryConnections()).as("one Recovery stream for each connection's gap").hasSizeGreaterThanOrEqualTo(2);
        assertThat(task.count(StreamCounter.UNRECOVERABLE_SECONDS)).isZero();
    }
}
