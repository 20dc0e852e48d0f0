package io.tweetstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import io.tweetstream.testkit.ConnectRest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deletes from X's Post compliance stream compact tweets away: on a real worker, a firehose connector
 * and a compliance connector (REST POSTs of {@code config/twitter-source-firehose.json} and
 * {@code config/twitter-source-compliance.json}) write into one compacted topic; the simulator deletes
 * some of the tweets written; once the broker's log cleaner has run, reading the topic from its start
 * finds none of their records, and the other tweets still there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceCompactionIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** The cleaner looks every 15 s by default, and cleans only segments that have rolled. */
    private static final Duration COMPACTION_DEADLINE = Duration.ofMinutes(3);
    private static final Path WORK = Path.of("target", "e2e-compaction").toAbsolutePath();
    private static final String BEARER_TOKEN = "e2e-compaction-token";
    private static final String TOPIC = "compacted-tweets";
    private static final int DELETED = 5;

    private ConnectPlatform platform;
    private StreamSimulator simulator;

    @BeforeAll
    void start() throws Exception {
        platform = ConnectPlatform.start(WORK);
        simulator = StreamSimulator.start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
            .firehoseTweetsPerSecond(50).noAutomaticCompliance().seed(77).acceptedBearerTokens(Set.of(BEARER_TOKEN))
            .build());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.SEGMENT_MS_CONFIG, "1000",
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")))).all().get();
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

    private ObjectNode restBody(String example, String name) {
        return ConnectorConfigs.v2RestBody(example, name, simulator.v2BaseUrl(), BEARER_TOKEN, TOPIC,
            Map.of("tasks.max", "1"));
    }

    @Test
    void deletedTweetsAreGoneFromTheCompactedTopic() throws Exception {
        ConnectRest rest = platform.rest();
        assertThat(rest.post("/connectors", restBody("twitter-source-firehose.json", "firehose")).status())
            .isEqualTo(201);
        assertThat(rest.post("/connectors", restBody("twitter-source-compliance.json", "compliance")).status())
            .isEqualTo(201);
        rest.awaitRunning("firehose", 1, DEADLINE);
        rest.awaitRunning("compliance", 1, DEADLINE);

        List<Long> written = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            readAll().forEach((id, tweet) -> {
                if (tweet && !written.contains(id)) {
                    written.add(id);
                }
            });
            return written.size() >= 50;
        });
        List<Long> deleted = written.subList(0, DELETED);
        deleted.forEach(simulator::deletePost);

        await("the deleted tweets compacted away").atMost(COMPACTION_DEADLINE).pollInterval(Duration.ofSeconds(2))
            .until(() -> {
                Map<Long, Boolean> topic = readAll();
                return deleted.stream().noneMatch(id -> Boolean.TRUE.equals(topic.get(id)))
                    && written.subList(DELETED, written.size()).stream().allMatch(id -> Boolean.TRUE.equals(topic.get(id)));
            });
    }

    /**
     * The topic read from its start, as a consumer that joins now would: for each key, whether a tweet
     * record of it is still in the log (true), or only its tombstone (false). A deleted tweet reads
     * true until the cleaner has removed its record.
     */
    private Map<Long, Boolean> readAll() {
        Map<Long, Boolean> present = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // Up to the end as it is now: the connectors go on writing.
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    long id = Long.parseLong(new String(record.key(), StandardCharsets.US_ASCII));
                    present.merge(id, record.value() != null, Boolean::logicalOr);
                }
            }
        }
        return present;
    }
}
