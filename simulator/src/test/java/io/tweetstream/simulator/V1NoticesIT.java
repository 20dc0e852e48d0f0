package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.StreamClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Twitter's v1.1 stream notices: withheld content, location deletion, stall warnings and disconnects. */
class V1NoticesIT {

    @Test
    void noticesFollowEveryNthStatusAndReferToWhatTheStreamSent() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().tweetsPerSecond(2_000).maxTweetsPerConnection(20)
                .statusWithheldEvery(3).userWithheldEvery(4).scrubGeoEvery(5).stallWarningEvery(2).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka&stall_warnings=true")) {
            Map<Long, Long> authorsOfSeenStatuses = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            for (JsonNode message : stream.nextMessages(20 + 6 + 5 + 4 + 10)) {
                String kind = message.fieldNames().next();
                counts.merge(kind, 1, Integer::sum);
                switch (kind) {
                    case "status_withheld" -> {
                        JsonNode withheld = message.path("status_withheld");
                        assertThat(authorsOfSeenStatuses).containsEntry(withheld.path("id").asLong(),
                                withheld.path("user_id").asLong());
                        assertThat(withheld.path("withheld_in_countries").get(0).asText()).matches("[A-Z]{2}");
                        assertThat(withheld.path("timestamp_ms").asText()).matches("\\d{13}");
                    }
                    case "user_withheld" -> {
                        JsonNode withheld = message.path("user_withheld");
                        assertThat(authorsOfSeenStatuses).containsValue(withheld.path("id").asLong());
                        assertThat(withheld.path("withheld_in_countries").isArray()).isTrue();
                    }
                    case "scrub_geo" -> {
                        JsonNode scrub = message.path("scrub_geo");
                        assertThat(authorsOfSeenStatuses).containsEntry(scrub.path("up_to_status_id").asLong(),
                                scrub.path("user_id").asLong());
                        assertThat(scrub.path("user_id_str").asText()).isEqualTo(scrub.path("user_id").asText());
                        assertThat(scrub.path("up_to_status_id_str").asText()).isEqualTo(scrub.path("up_to_status_id").asText());
                    }
                    case "warning" -> {
                        JsonNode warning = message.path("warning");
                        assertThat(warning.path("code").asText()).isEqualTo("FALLING_BEHIND");
                        assertThat(warning.path("percent_full").asInt()).isBetween(60, 95);
                        assertThat(warning.path("message").asText()).contains(warning.path("percent_full").asText() + "%");
                    }
                    default -> authorsOfSeenStatuses.put(message.path("id").asLong(), message.path("user").path("id").asLong());
                }
            }

            assertThat(counts).containsEntry("status_withheld", 6).containsEntry("user_withheld", 5)
                    .containsEntry("scrub_geo", 4).containsEntry("warning", 10);
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentNotices().size() == 25);
            assertThat(simulator.sentNotices()).filteredOn(n -> n.kind() == SentNotice.Kind.STALL_WARNING).hasSize(10);
        }
    }

    @Test
    void stallWarningsGoOnlyToClientsThatAskedForThem() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().tweetsPerSecond(2_000).maxTweetsPerConnection(10)
                .stallWarningEvery(1).keepAliveInterval(Duration.ofMillis(100)).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            List<JsonNode> messages = stream.nextMessages(10);

            assertThat(messages).allMatch(message -> message.has("text"));
            assertThat(stream.nextLine().isKeepAlive()).isTrue();
            assertThat(simulator.sentNotices()).isEmpty();
        }
    }

    @Test
    void injectedNoticesReachOpenV1StreamsWhichGoOn() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().tweetsPerSecond(1_000).maxTweetsPerConnection(3)
                .keepAliveInterval(Duration.ofMillis(100)).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            List<JsonNode> statuses = stream.nextStatuses(3);
            List<Long> ids = statuses.stream().map(status -> status.path("id").asLong()).toList();

            List<String> kinds = new ArrayList<>();
            for (SentNotice.Kind kind : List.of(SentNotice.Kind.STATUS_WITHHELD, SentNotice.Kind.USER_WITHHELD,
                    SentNotice.Kind.SCRUB_GEO, SentNotice.Kind.STALL_WARNING)) {
                assertThat(simulator.injectV1Notice(kind)).isEqualTo(1);
                JsonNode notice = stream.nextMessages(1).get(0);
                kinds.add(notice.fieldNames().next());
                if (notice.has("status_withheld")) {
                    assertThat(ids).contains(notice.at("/status_withheld/id").asLong());
                }
            }

            assertThat(kinds).containsExactly("status_withheld", "user_withheld", "scrub_geo", "warning");
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentNotices().size() == 4);
            assertThat(simulator.openConnectionCount()).isEqualTo(1);
        }
    }

    @Test
    void aDisconnectMessageEndsTheStreamCleanly() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().tweetsPerSecond(200).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            stream.nextStatuses(2);

            assertThat(simulator.disconnectV1Streams(12)).isEqualTo(1);
            JsonNode disconnect = null;
            while (disconnect == null) {
                JsonNode message = stream.nextMessages(1).get(0);
                disconnect = message.has("disconnect") ? message.path("disconnect") : null;
            }
            Optional<StreamClient.Line> end = stream.awaitEnd(StreamClient.DEADLINE);

            assertThat(disconnect.path("code").asInt()).isEqualTo(12);
            assertThat(disconnect.path("stream_name").asText()).isNotEmpty();
            assertThat(disconnect.path("reason").asText()).containsIgnoringCase("shed load");
            assertThat(end).hasValueSatisfying(line -> assertThat(line.failure()).as("a clean end").isNull());
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
            assertThat(simulator.appliedFaults()).extracting(AppliedFault::type).containsExactly(AppliedFault.Type.DISCONNECTED);
            assertThat(simulator.sentNotices()).extracting(SentNotice::kind).containsExactly(SentNotice.Kind.DISCONNECT);
        }
    }
}
