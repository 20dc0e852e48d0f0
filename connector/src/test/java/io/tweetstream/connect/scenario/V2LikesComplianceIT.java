package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.record.ComplianceSchema;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * X's likes compliance stream, which X does not split, read by a connector of its own: one task on one connection
 * whatever {@code tasks.max} says, each removed Like an {@code unlike} notice on the compliance topic keyed by the
 * user, naming the Post; nothing tombstoned; a restart refills the Likes removed while the task was stopped.
 */
class V2LikesComplianceIT extends ScenarioSuite {

    private static final String NOTICES = "like-notices";
    private static final long POST = 1_861_100_000_000_000_181L;
    private static final long OTHER_POST = 1_861_100_000_000_000_202L;

    V2LikesComplianceIT() {
        super(StreamApi.V2);
    }

    private Map<String, String> likesCompliance() {
        Map<String, String> props = config("likes");
        props.remove(TwitterSourceConfig.TRACK_KEYWORDS);
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_LIKES_COMPLIANCE);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        props.put(TwitterSourceConfig.COMPLIANCE_TOPIC, NOTICES);
        props.put("name", "likes-compliance");
        return props;
    }

    private void awaitLikesComplianceConnections(int open) {
        await().atMost(DEADLINE).until(() -> simulator().connections().stream()
                .filter(c -> c.endpoint() == StreamEndpoint.V2_LIKES_COMPLIANCE).filter(ConnectionInfo::open)
                .count() == open);
    }

    private PolledTask start(int maxTasks) {
        List<PolledTask> started = simulation.tasks().startConnector(likesCompliance(), maxTasks);
        assertThat(started).as("one connection, so one task").hasSize(1);
        awaitLikesComplianceConnections(1);
        return started.get(0);
    }

    private static Struct value(SourceRecord notice) {
        return (Struct) notice.value();
    }

    @Test
    void everyRemovedLikeIsAnUnlikeNoticeKeyedByTheUserAndNamingThePost() {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.ENTERPRISE).noAutomaticCompliance());
        PolledTask task = start(3);

        simulator().unlike(POST, 1001);
        simulator().unlike(OTHER_POST, 1002);
        simulator().unlike(POST, 1002);

        task.pollUntil(() -> task.written().size() >= 3);
        List<SourceRecord> notices = task.written();
        assertThat(notices).hasSize(3).allSatisfy(notice -> {
            assertThat(notice.topic()).isEqualTo(NOTICES);
            assertThat(notice.valueSchema()).isEqualTo(ComplianceSchema.VALUE);
            value(notice).validate();
            assertThat(value(notice).getString(ComplianceSchema.TYPE)).isEqualTo(ComplianceSchema.TYPE_UNLIKE);
        });
        assertThat(notices).extracting(SourceRecord::key).containsExactly(1001L, 1002L, 1002L);
        assertThat(notices).extracting(notice -> value(notice).getInt64(ComplianceSchema.TWEET_ID))
                .as("the Posts, one user's in their order").containsExactly(POST, OTHER_POST, POST);
        assertThat(task.count(StreamCounter.COMPLIANCE_EVENTS)).isEqualTo(3);
        assertThat(task.count(StreamCounter.COMPLIANCE_NOTICES_WRITTEN)).isEqualTo(3);
        assertThat(task.count(StreamCounter.TOMBSTONES)).as("an unliked Post is not deleted").isZero();
        assertThat(simulator().connections()).filteredOn(c -> c.endpoint() == StreamEndpoint.V2_LIKES_COMPLIANCE)
                .as("one connection, asked without a partition").hasSize(1);
    }

    @Test
    void aRestartRefillsTheLikesRemovedWhileTheTaskWasStopped() {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.ENTERPRISE).noAutomaticCompliance());
        PolledTask task = start(1);
        simulator().unlike(POST, 2001);
        task.pollUntil(() -> task.written().size() >= 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> offset = (Map<String, Object>) task.written().get(0).sourceOffset();
        task.stop();
        awaitLikesComplianceConnections(0);

        simulator().unlike(OTHER_POST, 2002);
        simulation.tasks().storeOffset(offset);
        PolledTask restarted = start(1);

        restarted.pollUntil(() -> restarted.written().stream().anyMatch(r -> r.key().equals(2002L)));
        assertThat(restarted.written()).filteredOn(r -> r.key().equals(2002L))
                .extracting(notice -> value(notice).getInt64(ComplianceSchema.TWEET_ID)).containsExactly(OTHER_POST);
    }
}
