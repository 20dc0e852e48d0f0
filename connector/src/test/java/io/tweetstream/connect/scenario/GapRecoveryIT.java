package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.record.TweetRecords;
import io.tweetstream.connect.v2.RuleTag;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.MadeTweet;
import io.tweetstream.simulator.MatchedRule;
import io.tweetstream.simulator.SimulatorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * A task restarted after a gap refills it from its stored offset with the best tool its tier has, as
 * X's recovery ladder says: backfill for minutes and Recovery for hours on Enterprise, recent search on
 * every tier, and what none reaches reported. Each recovered tweet is written once, with the phrases
 * of the connector's rules it matched, as a streamed one would be.
 */
class GapRecoveryIT extends ScenarioSuite {

    private static final Duration RECOVERY_DEADLINE = Duration.ofMinutes(3);
    private static final String TRACK = "kafka,flink,apache spark";

    GapRecoveryIT() {
        super(StreamApi.V2);
    }

    /** A task restarted after its previous run last wrote the first of {@code earlier}. */
    private record Restart(PolledTask task, List<MadeTweet> earlier) {

        /** The tweets made after the last one written, which the task must write. */
        List<MadeTweet> missed(Instant notBefore) {
            return earlier.subList(1, earlier.size()).stream().filter(t -> !t.createdAt().isBefore(notBefore))
                    .filter(t -> t.matchingRules().stream().anyMatch(r -> RuleTag.isOwnedBy(r.tag(), "tweets")))
                    .toList();
        }
    }

    /**
     * Starts the connector (its rules in place), has the simulator make {@code count} tweets for them
     * over the {@code gap} before now, and starts the task as if its previous run had last written the
     * first of them.
     */
    private Restart restartAfter(SimulatorSettings.Tier tier, Duration gap, int count, String... keyValues) {
        startSimulator(settings -> settings.tier(tier).seed(13).tweetsPerSecond(5).keepAliveInterval(Duration.ofMillis(200)));
        Map<String, String> props = config(TRACK);
        props.put(TwitterSourceConfig.V2_TIER, tier == SimulatorSettings.Tier.ENTERPRISE ? "enterprise" : "pay-per-use");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        List<Map<String, String>> taskConfigs = simulation.tasks().startConnectorOnly(props, 1);
        List<MadeTweet> earlier = simulator().madeEarlier(gap, count);
        MadeTweet lastWritten = earlier.get(0);
        simulation.tasks().storeOffset(new HashMap<>(Map.of(TweetRecords.OFFSET_TWEET_ID, lastWritten.id(),
                TweetRecords.OFFSET_CREATED_AT, lastWritten.createdAt().toEpochMilli())));
        return new Restart(simulation.tasks().start(taskConfigs.get(0)), earlier);
    }

    /** Every tweet of {@code missed} gets written once, with the phrases of the connector's rules it matched. */
    private void assertRefilled(PolledTask task, List<MadeTweet> missed) {
        List<Long> ids = missed.stream().map(MadeTweet::id).toList();
        // A refill is counted once its stream or search has ended, which can be after its last
        // tweet has been polled: the wait is for both.
        task.pollUntil(() -> keys(task.written()).containsAll(ids) && task.count(StreamCounter.GAPS_REFILLED) >= 1,
                RECOVERY_DEADLINE);
        assertNoTweetWrittenTwice(task);
        Map<Long, SourceRecord> byId = task.written().stream().collect(Collectors.toMap(r -> (Long) r.key(), r -> r));
        for (MadeTweet tweet : missed) {
            List<String> phrases = tweet.matchingRules().stream().map(MatchedRule::tag).map(RuleTag::parse)
                    .flatMap(Optional::stream).filter(tag -> tag.connector().equals("tweets"))
                    .map(RuleTag::keyword).distinct().toList();
            assertThat(((Struct) byId.get(tweet.id()).value()).<String>getArray("matched_keywords"))
                    .as("the phrases of tweet %s", tweet.id()).containsExactlyInAnyOrderElementsOf(phrases);
        }
        assertThat(task.count(StreamCounter.RECOVERED)).isGreaterThanOrEqualTo(missed.size());
        assertThat(task.count(StreamCounter.GAPS_REFILLED)).isGreaterThanOrEqualTo(1);
    }

    private List<ConnectionInfo> recoveryConnections() {
        return simulator().connections().stream().filter(ConnectionInfo::recovery).toList();
    }

    @Test
    void aTwoHourGapOnPayPerUseIsRefilledByRecentSearch() {
        Restart restart = restartAfter(SimulatorSettings.Tier.PAY_PER_USE, Duration.ofHours(2), 1_200);

        assertRefilled(restart.task(), restart.missed(Instant.MIN));

        assertThat(simulator().searchRequests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.httpStatus()).isEqualTo(200));
        assertThat(recoveryConnections()).isEmpty();
        assertThat(restart.task().count(StreamCounter.UNRECOVERABLE_SECONDS)).isZero();
    }

    @Test
    void aTenMinuteGapOnEnterpriseIsReStreamedByRecovery() {
        Restart restart = restartAfter(SimulatorSettings.Tier.ENTERPRISE, Duration.ofMinutes(10), 600);

        assertRefilled(restart.task(), restart.missed(Instant.MIN));

        assertThat(recoveryConnections()).isNotEmpty();
        assertThat(simulator().searchRequests()).isEmpty();
        assertThat(restart.task().count(StreamCounter.UNRECOVERABLE_SECONDS)).isZero();
    }

    @Test
    void aThreeMinuteGapOnEnterpriseIsBackfilled() {
        Restart restart = restartAfter(SimulatorSettings.Tier.ENTERPRISE, Duration.ofMinutes(3), 300);

        assertRefilled(restart.task(), restart.missed(Instant.MIN));

        assertThat(recoveryConnections()).isEmpty();
        assertThat(simulator().searchRequests()).isEmpty();
        assertThat(restart.task().count(StreamCounter.DUPLICATES)).as("backfill resends the tweet last written")
                .isPositive();
    }

    @Test
    void aNineDayGapIsSearchedAsFarAsSevenDaysAndTheRestReported() {
        Restart restart = restartAfter(SimulatorSettings.Tier.PAY_PER_USE, Duration.ofDays(9), 900);
        Instant searchable = Instant.now().minus(Duration.ofDays(7)).plus(Duration.ofMinutes(5));

        assertRefilled(restart.task(), restart.missed(searchable));

        long unrecoverable = restart.task().count(StreamCounter.UNRECOVERABLE_SECONDS);
        assertThat(Duration.ofSeconds(unrecoverable)).isBetween(Duration.ofDays(2).minusMinutes(5),
                Duration.ofDays(2).plusMinutes(5));
        List<Long> tooOld = restart.missed(Instant.MIN).stream()
                .filter(t -> t.createdAt().isBefore(Instant.now().minus(Duration.ofDays(7)))).map(MadeTweet::id).toList();
        assertThat(tooOld).isNotEmpty();
        assertThat(keys(restart.task().written())).doesNotContainAnyElementsOf(tooOld);
    }
}
