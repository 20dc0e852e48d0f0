package io.tweetstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import io.tweetstream.testkit.ConnectRest;
import io.tweetstream.testkit.ConnectWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The firehose's 20 partitions spread over 4 tasks on two Connect workers (child processes sharing
 * one cluster, exactly-once on), created by a REST POST of {@code config/twitter-source-firehose.json}
 * with the packaged plugin. One worker is killed (SIGKILL) mid-stream: its tasks move to the other,
 * each partition resumes from its own offset and refills its gap, and a {@code read_committed}
 * consumer ends with every tweet the simulator's firehose made in each partition from the first one
 * written, each once. The bearer token comes from a file through Kafka's {@code FileConfigProvider}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirehoseFailoverIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Duration REFILL_DEADLINE = Duration.ofMinutes(3);
    private static final Path WORK = Path.of("target", "e2e-firehose").toAbsolutePath();
    private static final String BEARER_TOKEN = "e2e-firehose-token";
    private static final String CONNECTOR = "x-firehose";
    private static final String TOPIC = "firehose-failover";
    private static final int TASKS = 4;

    private ConnectPlatform platform;
    private ConnectWorker second;
    private StreamSimulator simulator;

    /** Where the workers' FileConfigProvider finds the bearer token: the connector config names it only. */
    private static final Path SECRETS = WORK.resolveSibling("e2e-firehose-secrets.properties");
    private static final String TOKEN_REFERENCE = "${file:" + SECRETS + ":bearer.token}";

    @BeforeAll
    void start() throws Exception {
        Files.writeString(SECRETS, "bearer.token=" + BEARER_TOKEN + "\n");
        platform = ConnectPlatform.start(WORK, Map.of("exactly.once.source.support", "enabled",
            "config.providers", "file",
            "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider"));
        second = platform.startAnotherWorker();
        simulator = StreamSimulator.start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
            .firehoseTweetsPerSecond(200).seed(2020).acceptedBearerTokens(Set.of(BEARER_TOKEN)).build());
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

    private ObjectNode restBody() {
        return ConnectorConfigs.v2RestBody("twitter-source-firehose.json", CONNECTOR, simulator.v2BaseUrl(),
            TOKEN_REFERENCE, TOPIC, Map.of("exactly.once.support", "required"));
    }

    @Test
    void aKilledWorkersPartitionsMoveToTheOtherAndEveryTweetIsCommittedOnce() throws Exception {
        ConnectRest rest = platform.rest();
        assertThat(rest.post("/connectors", restBody()).status()).isEqualTo(201);
        rest.awaitRunning(CONNECTOR, TASKS, DEADLINE);
        // The token reached X through the provider; the worker shows and stores only the reference.
        assertThat(rest.get("/connectors/" + CONNECTOR + "/config").body().path("twitter.v2.bearer.token").asText())
            .isEqualTo(TOKEN_REFERENCE);
        assertThat(platform.worker().log()).doesNotContain(BEARER_TOKEN);
        // A worker's id in the statuses is its REST host and port.
        String victimId = second.rest().baseUrl().replaceFirst("^http://", "");
        await("tasks on both workers").atMost(DEADLINE).ignoreExceptions()
            .until(() -> taskWorkers(platform.rest()).values().stream().distinct().count() == 2);

        List<Long> committed = new ArrayList<>();
        try (TweetTopic tweets = new TweetTopic(platform.bootstrapServers(), TOPIC, true)) {
            Runnable read = () -> tweets.poll().forEach(t -> committed.add((Long) t.key()));
            awaitMore(committed, read, 500);

            // Kill the second worker with its tasks mid-stream; the first one takes them over.
            Map<Integer, String> before = taskWorkers(rest);
            assertThat(before).containsValue(victimId);
            // The plan deals the partitions out in turn: task t reads t+1, t+1+TASKS, ...
            Set<Integer> moved = new HashSet<>();
            before.forEach((task, worker) -> {
                if (worker.equals(victimId)) {
                    for (int partition = task + 1; partition <= 20; partition += TASKS) {
                        moved.add(partition);
                    }
                }
            });
            ConnectRest survivorRest = platform.rest();
            Instant killedAt = Instant.now();
            second.kill();
            await("every task on the surviving worker").atMost(DEADLINE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    Map<Integer, String> workers = taskWorkers(survivorRest);
                    return workers.size() == TASKS && !workers.containsValue(victimId)
                        && survivorRest.states(CONNECTOR).values().stream().allMatch("RUNNING"::equals);
                });
            Instant takenOverAt = Instant.now();
            awaitMore(committed, read, 500);

            // Every tweet each partition made from its first written tweet until a little while ago.
            Instant runEnd = Instant.now().minusSeconds(2);
            Map<Long, Integer> partitionOf = new HashMap<>();
            simulator.madeFirehoseTweets().forEach(t -> partitionOf.put(t.id(), t.partition()));
            Map<Integer, Long> firstWritten = new HashMap<>();
            for (long id : committed) {
                Integer partition = partitionOf.get(id);
                assertThat(partition).as("tweet %d was made by the firehose", id).isNotNull();
                firstWritten.merge(partition, id, Math::min);
            }
            assertThat(firstWritten).as("every partition was read").hasSize(20);
            Set<Long> made = simulator.madeFirehoseTweets().stream()
                .filter(t -> t.id() >= firstWritten.get(t.partition()) && t.createdAt().isBefore(runEnd))
                .map(t -> t.id()).collect(Collectors.toSet());
            assertThat(made).hasSizeGreaterThan(2_000);
            // What the moved partitions made while no task read them: only a refill can bring it.
            Set<Long> madeWhileUnread = simulator.madeFirehoseTweets().stream()
                .filter(t -> moved.contains(t.partition()) && t.createdAt().isAfter(killedAt.plusSeconds(1))
                    && t.createdAt().isBefore(takenOverAt.minusSeconds(1)) && t.createdAt().isBefore(runEnd))
                .map(t -> t.id()).collect(Collectors.toSet());
            assertThat(madeWhileUnread).as("tweets of partitions %s made during the failover", moved).isNotEmpty();
            assertThat(made).containsAll(madeWhileUnread);
            try {
                await().atMost(REFILL_DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    read.run();
                    return new HashSet<>(committed).containsAll(made);
                });
            } catch (ConditionTimeoutException e) {
                Set<Long> got = new HashSet<>(committed);
                Map<Integer, Long> missingByPartition = made.stream().filter(id -> !got.contains(id))
                    .collect(Collectors.groupingBy(partitionOf::get, Collectors.counting()));
                throw new AssertionError("Of the " + made.size() + " tweets made, missing by partition: "
                    + missingByPartition, e);
            }
            for (int quiet = 0; quiet < 4; quiet++) {
                read.run(); // anything more than once would be a duplicate
            }
            System.out.printf("FirehoseFailoverIT: %d tweets made and committed; partitions %s moved in %.1f s,"
                + " %d of their tweets made meanwhile refilled%n", made.size(), moved,
                Duration.between(killedAt, takenOverAt).toMillis() / 1e3, madeWhileUnread.size());
        }
        assertThat(committed).doesNotHaveDuplicates();
        assertThat(platform.rest().delete("/connectors/" + CONNECTOR).status()).isEqualTo(204);
    }

    /** The worker id of each task, from the connector's status. */
    private static Map<Integer, String> taskWorkers(ConnectRest rest) {
        Map<Integer, String> workers = new HashMap<>();
        JsonNode status = rest.get("/connectors/" + CONNECTOR + "/status").body();
        for (JsonNode task : status.path("tasks")) {
            workers.put(task.path("id").asInt(), task.path("worker_id").asText());
        }
        return workers;
    }

    private static void awaitMore(List<Long> committed, Runnable read, int more) {
        int before = committed.size();
        await().atMost(DEADLINE).until(() -> {
            read.run();
            return committed.size() >= before + more;
        });
    }
}
