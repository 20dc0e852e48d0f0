package io.tweetstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.ComplianceJobInfo;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import io.tweetstream.testkit.ConnectRest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deletes on pay-per-use, from X's batch compliance jobs: on a real worker with the packaged plugin, a
 * filtered-stream connector ({@code config/twitter-source.json}) writes tweets into a topic of 3 partitions; the
 * simulator deletes, drops, edits and scrubs the location of some of them; a batch compliance connector
 * ({@code config/twitter-source-batch-compliance.json}) then checks the topic's tweets in a job at the simulator (the
 * first job fails, and is retried) and writes a tombstone for each deleted or dropped tweet and for no other. Restarted, it finds its job complete and
 * applied, and neither makes another nor writes a tombstone twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchComplianceIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Path WORK = Path.of("target", "e2e-batch-compliance").toAbsolutePath();
    private static final String BEARER_TOKEN = "e2e-batch-compliance-token";
    private static final String TOPIC = "checked-tweets";
    private static final int WRITTEN = 40;

    private ConnectPlatform platform;
    private StreamSimulator simulator;

    @BeforeAll
    void start() throws Exception {
        platform = ConnectPlatform.start(WORK);
        simulator = StreamSimulator.start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE)
            .continuousTweets(true).tweetsPerSecond(40).noAutomaticCompliance().seed(2121)
            .complianceJobProcessing(Duration.ofSeconds(2)).acceptedBearerTokens(Set.of(BEARER_TOKEN)).build());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
    }

    @AfterAll
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void deletedTweetsGetATombstoneAndARestartAppliesNothingTwice() {
        ConnectRest rest = platform.rest();
        ObjectNode tweets = ConnectorConfigs.v2RestBody("twitter-source.json", "tweets", simulator.v2BaseUrl(),
            BEARER_TOKEN, TOPIC, Map.of("twitter.track.keywords", "kafka,flink,apache spark"));
        assertThat(rest.post("/connectors", tweets).status()).isEqualTo(201);
        rest.awaitRunning("tweets", 1, DEADLINE);

        List<Long> written = new ArrayList<>();
        Map<Long, Integer> tombstones = new HashMap<>();
        try (TweetTopic topic = new TweetTopic(platform.bootstrapServers(), TOPIC)) {
            await("tweets written").atMost(DEADLINE).until(() -> {
                read(topic, written, tombstones);
                return written.size() >= WRITTEN;
            });
            // The tweets connector goes on writing: only these first tweets are changed at X.
            Set<Long> gone = new HashSet<>(written.subList(0, 4));
            gone.forEach(simulator::deletePost);
            long dropped = written.get(4);
            simulator.dropPost(dropped);
            gone.add(dropped);
            simulator.editPost(written.get(5));
            simulator.scrubGeo(written.get(6));
            simulator.failNextComplianceJob("internal error");

            ObjectNode batch = ConnectorConfigs.v2RestBody("twitter-source-batch-compliance.json", "batch",
                simulator.v2BaseUrl(), BEARER_TOKEN, TOPIC, Map.of(
                    "twitter.v2.compliance.job.bootstrap.servers", platform.bootstrapServers(),
                    "twitter.v2.compliance.job.poll.interval.ms", "500"));
            assertThat(rest.post("/connectors", batch).status()).isEqualTo(201);
            rest.awaitRunning("batch", 1, DEADLINE);

            await("a tombstone for each deleted and dropped tweet").atMost(DEADLINE).until(() -> {
                read(topic, written, tombstones);
                return tombstones.keySet().containsAll(gone);
            });
            assertThat(tombstones.keySet()).as("tombstoned: the deleted and dropped tweets only")
                .containsExactlyInAnyOrderElementsOf(gone);
            assertThat(simulator.complianceJobs()).as("the failed job, then the one retried").hasSize(2)
                .allSatisfy(job -> {
                    assertThat(job.name()).isEqualTo("tweetstream-batch");
                    assertThat(job.uploadedIds()).isGreaterThanOrEqualTo(WRITTEN);
                })
                .extracting(ComplianceJobInfo::status)
                .containsExactly(ComplianceJobInfo.FAILED, ComplianceJobInfo.COMPLETE);

            int listedBefore = simulator.complianceJobListings();
            assertThat(rest.post("/connectors/batch/restart?includeTasks=true", "").status()).isIn(200, 202, 204);
            await("the restarted task looked at its jobs").atMost(DEADLINE)
                .until(() -> simulator.complianceJobListings() > listedBefore);
            rest.awaitRunning("batch", 1, DEADLINE);
            // The restarted task decides from the list at once: a second application would download the results
            // again within moments, and its tombstones follow.
            await("no second download").during(Duration.ofSeconds(5)).atMost(DEADLINE).until(() -> {
                read(topic, written, tombstones);
                return simulator.complianceJobDownloads() == 1;
            });
            assertThat(simulator.complianceJobs()).as("no other job within the interval").hasSize(2);
            assertThat(tombstones).as("each tombstone once").allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        }
    }

    private static void read(TweetTopic topic, List<Long> written, Map<Long, Integer> tombstones) {
        for (TweetTopic.Tweet record : topic.poll()) {
            long id = ((Number) record.key()).longValue();
            if (record.value() == null) {
                tombstones.merge(id, 1, Integer::sum);
            } else if (!written.contains(id)) {
                written.add(id);
            }
        }
    }
}
