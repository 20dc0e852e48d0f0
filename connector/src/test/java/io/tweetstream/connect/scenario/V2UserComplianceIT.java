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
 * X's User compliance stream read by a connector of its own, its 4 partitions shared by 2 tasks: each user's event
 * becomes a compliance notice on the compliance topic, keyed by user id, with X's type; a restart refills the events
 * made while the task was stopped.
 */
class V2UserComplianceIT extends ScenarioSuite {

    private static final String NOTICES = "user-notices";

    V2UserComplianceIT() {
        super(StreamApi.V2);
    }

    private Map<String, String> userCompliance() {
        Map<String, String> props = config("tweets");
        props.remove(TwitterSourceConfig.TRACK_KEYWORDS);
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_USER_COMPLIANCE);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        props.put(TwitterSourceConfig.COMPLIANCE_TOPIC, NOTICES);
        props.put("name", "user-compliance");
        return props;
    }

    private void awaitUserComplianceConnections(int open) {
        await().atMost(DEADLINE).until(() -> simulator().connections().stream()
                .filter(c -> c.endpoint() == StreamEndpoint.V2_USER_COMPLIANCE).filter(ConnectionInfo::open)
                .count() == open);
    }

    private List<PolledTask> start(int tasks) {
        List<PolledTask> started = simulation.tasks().startConnector(userCompliance(), tasks);
        assertThat(started).hasSize(tasks);
        awaitUserComplianceConnections(4);
        return started;
    }

    private static List<SourceRecord> writtenBy(List<PolledTask> tasks) {
        return tasks.stream().flatMap(task -> task.written().stream()).toList();
    }

    private static String type(SourceRecord notice) {
        return ((Struct) notice.value()).getString(ComplianceSchema.TYPE);
    }

    @Test
    void everyUsersEventIsANoticeOnTheComplianceTopicKeyedByTheUser() {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.ENTERPRISE).noAutomaticCompliance());
        List<PolledTask> tasks = start(2);

        simulator().deleteUser(1001);
        simulator().suspendUser(1002);
        simulator().unsuspendUser(1002);
        simulator().protectUser(1003);
        simulator().modifyUserProfile(1004, "profile.name", "A new name");
        simulator().withholdUser(1005, List.of("DE", "TR"));
        simulator().scrubUserGeo(1006, 1_861_100_000_000_000_202L);

        await().atMost(DEADLINE).until(() -> {
            tasks.forEach(task -> task.pollUntil(() -> true));
            return writtenBy(tasks).size() >= 7;
        });
        List<SourceRecord> notices = writtenBy(tasks);
        assertThat(notices).hasSize(7).allSatisfy(notice -> {
            assertThat(notice.topic()).isEqualTo(NOTICES);
            assertThat(notice.valueSchema()).isEqualTo(ComplianceSchema.VALUE);
            ((Struct) notice.value()).validate();
        });
        assertThat(notices).extracting(SourceRecord::key).containsOnly(1001L, 1002L, 1003L, 1004L, 1005L, 1006L);
        assertThat(notices).filteredOn(n -> n.key().equals(1002L)).extracting(V2UserComplianceIT::type)
                .as("one user's notices in their order").containsExactly("user_suspend", "user_unsuspend");
        assertThat(notices).extracting(V2UserComplianceIT::type).containsExactlyInAnyOrder("user_delete",
                "user_suspend", "user_unsuspend", "user_protect", "user_profile_modification", "user_withheld",
                "scrub_geo");
        Struct modified = (Struct) notices.stream().filter(n -> n.key().equals(1004L)).findFirst().orElseThrow().value();
        assertThat(modified.getString(ComplianceSchema.PROFILE_FIELD)).isEqualTo("profile.name");
        assertThat(modified.getString(ComplianceSchema.NEW_VALUE)).isEqualTo("A new name");
        Struct withheld = (Struct) notices.stream().filter(n -> n.key().equals(1005L)).findFirst().orElseThrow().value();
        assertThat(withheld.getArray(ComplianceSchema.WITHHELD_COUNTRIES)).containsExactly("DE", "TR");
        Struct scrubbed = (Struct) notices.stream().filter(n -> n.key().equals(1006L)).findFirst().orElseThrow().value();
        assertThat(scrubbed.getInt64(ComplianceSchema.UP_TO_TWEET_ID)).isEqualTo(1_861_100_000_000_000_202L);
        assertThat(tasks.stream().mapToLong(task -> task.count(StreamCounter.COMPLIANCE_NOTICES_WRITTEN)).sum())
                .isEqualTo(7);
    }

    @Test
    void aRestartRefillsTheEventsMadeWhileTheTaskWasStopped() {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.ENTERPRISE).noAutomaticCompliance());
        PolledTask task = start(1).get(0);
        simulator().deleteUser(2001);
        task.pollUntil(() -> task.written().size() >= 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> offset = (Map<String, Object>) task.written().get(0).sourceOffset();
        task.stop();
        awaitUserComplianceConnections(0);

        simulator().suspendUser(2002);
        simulation.tasks().storeOffset(offset);
        PolledTask restarted = start(1).get(0);

        restarted.pollUntil(() -> restarted.written().stream().anyMatch(r -> r.key().equals(2002L)));
        assertThat(restarted.written()).filteredOn(r -> r.key().equals(2002L)).extracting(V2UserComplianceIT::type)
                .containsExactly("user_suspend");
    }
}
