package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * X's Post compliance stream read by a connector of its own beside one that writes the firehose, into
 * the same topic: each delete, drop and withholding of a tweet the firehose connector wrote becomes a
 * tombstone with the same key; an edit names no record to change and is counted; a restart refills
 * the events made while the task was stopped (backfill, by the time of the newest event written).
 */
class V2ComplianceIT extends ScenarioSuite {

    V2ComplianceIT() {
        super(StreamApi.V2);
    }

    private void startSimulator() {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.ENTERPRISE).firehoseTweetsPerSecond(100)
                .noAutomaticCompliance());
    }

    private Map<String, String> configOf(String stream) {
        Map<String, String> props = config("unused");
        props.remove(TwitterSourceConfig.TRACK_KEYWORDS);
        props.put(TwitterSourceConfig.V2_STREAM, stream);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        props.put("name", stream);
        return props;
    }

    private PolledTask start(String stream) {
        List<PolledTask> tasks = simulation.tasks().startConnector(configOf(stream), 1);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private void awaitComplianceConnections(int open) {
        await().atMost(DEADLINE).until(() -> simulator().connections().stream()
                .filter(c -> c.endpoint() == StreamEndpoint.V2_TWEET_COMPLIANCE).filter(ConnectionInfo::open)
                .count() == open);
    }

    /** Ten tweets the firehose connector wrote, and the compliance connector's task reading all 4 partitions. */
    private record Started(List<SourceRecord> tweets, PolledTask compliance) {}

    private Started tweetsBesideAComplianceTask() {
        startSimulator();
        List<SourceRecord> tweets = start(TwitterSourceConfig.V2_STREAM_FIREHOSE).pollUntilWritten(10);
        PolledTask compliance = start(TwitterSourceConfig.V2_STREAM_TWEET_COMPLIANCE);
        awaitComplianceConnections(4);
        return new Started(tweets, compliance);
    }

    @Test
    void deletesDropsAndWithholdingsBecomeTombstonesOfTheTweetsRecords() {
        Started started = tweetsBesideAComplianceTask();
        List<SourceRecord> tweets = started.tweets();
        PolledTask compliance = started.compliance();

        SourceRecord deleted = tweets.get(0);
        SourceRecord dropped = tweets.get(1);
        SourceRecord withheld = tweets.get(2);
        simulator().deletePost((Long) deleted.key());
        simulator().dropPost((Long) dropped.key());
        simulator().withholdPost((Long) withheld.key(), List.of("DE", "FR"));
        simulator().editPost((Long) tweets.get(3).key());

        compliance.pollUntil(() -> compliance.written().size() >= 3
                && compliance.count(StreamCounter.COMPLIANCE_NOT_APPLIED) >= 1);
        List<SourceRecord> tombstones = compliance.written();
        assertThat(tombstones).hasSize(3).allSatisfy(tombstone -> {
            assertThat(tombstone.value()).isNull();
            assertThat(tombstone.topic()).isEqualTo(deleted.topic());
            assertThat(tombstone.keySchema()).isEqualTo(deleted.keySchema());
        });
        assertThat(tombstones).extracting(SourceRecord::key)
                .containsExactlyInAnyOrder(deleted.key(), dropped.key(), withheld.key());
        assertThat(compliance.count(StreamCounter.COMPLIANCE_EVENTS)).isEqualTo(3);
        assertThat(compliance.count(StreamCounter.TOMBSTONES)).isEqualTo(3);
    }

    @Test
    void aRestartRefillsTheEventsMadeWhileTheTaskWasStopped() {
        Started started = tweetsBesideAComplianceTask();
        List<SourceRecord> tweets = started.tweets();
        PolledTask compliance = started.compliance();
        simulator().deletePost((Long) tweets.get(0).key());
        compliance.pollUntil(() -> compliance.written().size() >= 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> offset = (Map<String, Object>) compliance.written().get(0).sourceOffset();
        assertThat(offset).as("the position of the event written").containsKey("tweet_id");
        compliance.stop();
        awaitComplianceConnections(0);

        simulator().deletePost((Long) tweets.get(1).key());
        simulation.tasks().storeOffset(offset);
        PolledTask restarted = start(TwitterSourceConfig.V2_STREAM_TWEET_COMPLIANCE);

        restarted.pollUntil(() -> restarted.written().stream().anyMatch(r -> tweets.get(1).key().equals(r.key())));
        assertThat(restarted.written()).allSatisfy(tombstone -> assertThat(tombstone.value()).isNull());
    }
}
