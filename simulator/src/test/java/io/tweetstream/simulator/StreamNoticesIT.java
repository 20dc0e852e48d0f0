package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.StreamClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a stream sends besides statuses: keep-alives, delete notices and limit notices. */
class StreamNoticesIT {

    @Test
    void keepAlivesArriveWhenTheStreamIsIdleAndNotSooner() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder()
                .maxTweetsPerConnection(0)
                .keepAliveInterval(Duration.ofMillis(100))
                .build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            assertThat(stream.nextLine().isKeepAlive()).isTrue();
            long firstKeepAlive = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThat(stream.nextLine().isKeepAlive()).isTrue();
            }

            // Sent 300 ms apart; the margin absorbs when each one happened to be read.
            Duration elapsed = Duration.ofNanos(System.nanoTime() - firstKeepAlive);
            assertThat(elapsed).as("keep-alives come one interval apart").isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void keepAlivesFillSilencesBetweenSlowStatuses() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder()
                .tweetsPerSecond(4)
                .keepAliveInterval(Duration.ofMillis(60))
                .build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            assertThat(stream.nextLine().isKeepAlive()).as("the first status comes at once").isFalse();

            List<StreamClient.Line> lines = new ArrayList<>();
            while (lines.stream().filter(line -> !line.isKeepAlive()).count() < 2) {
                lines.add(stream.nextLine());
            }
            assertThat(lines).anyMatch(StreamClient.Line::isKeepAlive);
        }
    }

    @Test
    void deleteNoticesReferenceStatusesSentEarlierOnTheSameStream() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder()
                .tweetsPerSecond(5_000)
                .deleteEvery(5)
                .maxTweetsPerConnection(100)
                .build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            Map<Long, Long> authorsOfSeenStatuses = new HashMap<>();
            List<JsonNode> deletes = new ArrayList<>();
            for (JsonNode message : stream.nextMessages(120)) {
                if (message.has("delete")) {
                    JsonNode deleted = message.path("delete").path("status");
                    assertThat(authorsOfSeenStatuses).as("a delete follows its status")
                            .containsEntry(deleted.path("id").asLong(), deleted.path("user_id").asLong());
                    assertThat(deleted.path("id_str").asText()).isEqualTo(deleted.path("id").asText());
                    assertThat(deleted.path("user_id_str").asText()).isEqualTo(deleted.path("user_id").asText());
                    assertThat(message.path("delete").path("timestamp_ms").asText()).matches("\\d{13}");
                    deletes.add(deleted);
                } else {
                    authorsOfSeenStatuses.put(message.path("id").asLong(), message.path("user").path("id").asLong());
                }
            }

            assertThat(deletes).hasSize(20);
            assertThat(deletes.stream().map(deleted -> deleted.path("id").asLong())).doesNotHaveDuplicates();
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentDeletes().size() == 20);
            assertThat(simulator.sentDeletes()).extracting(SentDelete::statusId)
                    .containsExactlyElementsOf(deletes.stream().map(deleted -> deleted.path("id").asLong()).toList());
        }
    }

    @Test
    void limitNoticesCountUndeliveredStatusesUpwards() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder()
                .tweetsPerSecond(5_000)
                .limitEvery(10)
                .maxTweetsPerConnection(100)
                .build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            List<Long> undelivered = new ArrayList<>();
            for (JsonNode message : stream.nextMessages(110)) {
                if (message.has("limit")) {
                    undelivered.add(message.path("limit").path("track").asLong());
                    assertThat(message.path("limit").path("timestamp_ms").asText()).matches("\\d{13}");
                }
            }

            assertThat(undelivered).hasSize(10).isSorted().doesNotHaveDuplicates();
            assertThat(undelivered.get(0)).isPositive();
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentLimitNotices().size() == 10);
            assertThat(simulator.sentLimitNotices()).extracting(SentLimitNotice::undelivered).isEqualTo(undelivered);
        }
    }
}
