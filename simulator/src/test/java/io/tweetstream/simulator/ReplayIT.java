package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A recorded stream served over real HTTP: in file order, at the rate asked, with the connection's rules. */
class ReplayIT {

    private static final Duration KEEP_ALIVE = Duration.ofMillis(100);

    @Test
    void aRecordedV2StreamArrivesInFileOrderAtTheRateWithTheRulesOfThisApp() throws Exception {
        List<JsonNode> recorded = recording("v2-filtered-stream.jsonl");
        SimulatorSettings settings = SimulatorSettings.builder().keepAliveInterval(KEEP_ALIVE)
                .replay(Replay.v2(resource("v2-filtered-stream.jsonl")).atRate(20)).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings)) {
            V2Client client = new V2Client(simulator);
            String kafka = client.addRule("kafka", "k");
            String flink = client.addRule("flink", "f");
            long before = System.nanoTime();
            try (StreamClient stream = client.open(V2Client.FILTERED)) {
                List<JsonNode> received = stream.nextMessages(recorded.size());
                long elapsedNanos = System.nanoTime() - before;

                for (int i = 0; i < recorded.size(); i++) {
                    JsonNode expected = recorded.get(i).deepCopy();
                    if (expected.has("data")) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("matching_rules");
                        JsonNode got = received.get(i).deepCopy();
                        ((com.fasterxml.jackson.databind.node.ObjectNode) got).remove("matching_rules");
                        assertThat(got).as("message %d as recorded", i).isEqualTo(expected);
                    } else {
                        assertThat(received.get(i)).as("an error line goes out as recorded").isEqualTo(expected);
                    }
                }
                assertThat(received.get(0).path("matching_rules").findValuesAsText("id")).containsExactly(kafka);
                assertThat(received.get(6).path("matching_rules").findValuesAsText("id"))
                        .containsExactlyInAnyOrder(kafka, flink);
                // 8 lines at 20/s: the last cannot leave before 7 periods after the stream opened.
                assertThat(Duration.ofNanos(elapsedNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
                assertThat(stream.nextLine().isKeepAlive()).as("the end of the file: only keep-alives").isTrue();
                assertThat(stream.nextLine().isKeepAlive()).isTrue();
            }
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentTweets().size() == 7);
            assertThat(simulator.sentTweets()).extracting(SentTweet::id).containsExactlyElementsOf(
                    recorded.stream().filter(line -> line.has("data")).map(line -> line.at("/data/id").asLong()).toList());
            assertThat(simulator.sentNotices()).extracting(SentNotice::kind).containsExactly(SentNotice.Kind.REPLAYED_LINE);
        }
    }

    @Test
    void recordedTweetsThatMatchNoRuleInForceAreNotSent() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().keepAliveInterval(KEEP_ALIVE)
                .replay(Replay.v2(resource("v2-filtered-stream.jsonl")).atRate(200)).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings)) {
            V2Client client = new V2Client(simulator);
            String flink = client.addRule("flink", "f");
            try (StreamClient stream = client.open(V2Client.FILTERED)) {
                List<JsonNode> received = stream.nextMessages(2);

                assertThat(received.get(0).at("/data/id").asText()).isEqualTo("1861000000000000009");
                assertThat(received.get(0).path("matching_rules").findValuesAsText("id")).containsExactly(flink);
                assertThat(received.get(1).has("errors")).isTrue();
            }
        }
    }

    @Test
    void aLoopingReplayAtTheRecordedPaceStartsOverAfterTheLastLine() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().keepAliveInterval(KEEP_ALIVE)
                .replay(Replay.v2(resource("v2-filtered-stream.jsonl")).looping()).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings)) {
            V2Client client = new V2Client(simulator);
            client.addRule("kafka", "k");
            long before = System.nanoTime();
            try (StreamClient stream = client.open(V2Client.SAMPLE)) {
                List<String> ids = new ArrayList<>();
                while (ids.size() < 8) {
                    JsonNode message = stream.nextMessages(1).get(0);
                    if (message.has("data")) {
                        assertThat(message.has("matching_rules")).as("the sample stream has no rules").isFalse();
                        ids.add(message.at("/data/id").asText());
                    }
                }

                assertThat(ids.get(7)).isEqualTo(ids.get(0));
                // The recording spans 3.2 s of created_at: its last tweet waits that long after the first.
                assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(3_200));
            }
        }
    }

    @Test
    void aRecordedV1StreamIsSentByteForByteToEveryStatusesFilterConnection() throws Exception {
        List<String> lines = Files.readAllLines(resource("v1-filter-stream.jsonl"));
        SimulatorSettings settings = SimulatorSettings.builder().keepAliveInterval(KEEP_ALIVE)
                .replay(Replay.v1(resource("v1-filter-stream.jsonl")).atRate(50)).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings)) {
            for (int connection = 0; connection < 2; connection++) {
                try (StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
                    List<String> received = new ArrayList<>();
                    while (received.size() < lines.size()) {
                        StreamClient.Line line = stream.nextLine();
                        if (!line.isKeepAlive()) {
                            received.add(line.text());
                        }
                    }
                    assertThat(received).containsExactlyElementsOf(lines);
                    assertThat(stream.nextLine().isKeepAlive()).isTrue();
                }
            }
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentTweets().size() == 8);
            assertThat(simulator.sentNotices()).hasSize(6)
                    .allSatisfy(notice -> assertThat(notice.kind()).isEqualTo(SentNotice.Kind.REPLAYED_LINE));
        }
    }

    private static List<JsonNode> recording(String name) throws Exception {
        return Files.readAllLines(resource(name)).stream().filter(line -> !line.isBlank()).map(Json::parse).toList();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReplayIT.class.getResource("/replay/" + name).toURI());
    }
}
