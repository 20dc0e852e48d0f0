package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.EntityIndices;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.TwitterMatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Statuses streamed over real HTTP: what they contain, how many, how fast, and what the simulator records. */
class StatusStreamIT {

    private static final List<String> TRACK = List.of("kafka", "apache spark", "東京");
    private static final List<Long> FOLLOW = List.of(783_214L, 2_244_994_945L);
    private static final LocationBox SAN_FRANCISCO = new LocationBox(-122.75, 36.8, -121.75, 37.8);
    /** As Twitter4j encodes it: commas and spaces percent-encoded, UTF-8 for the rest. */
    private static final String MIXED_FILTER = "count=0&track=kafka%2Capache%20spark%2C%E6%9D%B1%E4%BA%AC"
            + "&follow=783214%2C2244994945&locations=-122.75%2C36.8%2C-121.75%2C37.8&stall_warnings=true";

    @Test
    void everyStreamedStatusMatchesTheFilterAndIsRecordedAsSent() throws Exception {
        try (StreamSimulator simulator = StreamSimulator.start(fast().build());
             StreamClient stream = StreamClient.open(simulator, MIXED_FILTER)) {
            List<JsonNode> statuses = stream.nextStatuses(200);

            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentTweets().size() >= 200);
            List<SentTweet> sent = simulator.sentTweets().subList(0, 200);
            for (int i = 0; i < statuses.size(); i++) {
                JsonNode status = statuses.get(i);
                SentTweet record = sent.get(i);
                assertThat(record.json()).as("the line received is the JSON recorded").isEqualTo(status.toString());
                assertThat(record.id()).isEqualTo(status.path("id").asLong());
                assertThat(record.userId()).isEqualTo(status.path("user").path("id").asLong());
                assertThat(record.connectionId()).isEqualTo(1);
                assertThat(record.injectedKeywords()).isSubsetOf(TRACK);
                record.injectedKeywords().forEach(phrase ->
                        assertThat(TwitterMatch.matchesTrack(status, phrase)).as("%s in %s", phrase, status).isTrue());
                boolean matches = !record.injectedKeywords().isEmpty()
                        || TwitterMatch.matchesFollow(status, FOLLOW)
                        || TwitterMatch.matchesLocations(status, List.of(SAN_FRANCISCO));
                assertThat(matches).as("status matches track, follow or locations: %s", status).isTrue();
                EntityIndices.assertConsistent(status.path("text").asText(), status.path("entities"));
            }
            assertThat(sent).anyMatch(tweet -> !tweet.injectedKeywords().isEmpty());
            assertThat(statuses).anyMatch(status -> TwitterMatch.matchesFollow(status, FOLLOW));
            assertThat(statuses).anyMatch(status -> TwitterMatch.matchesLocations(status, List.of(SAN_FRANCISCO)));
        }
    }

    @Test
    void aLanguageFilterKeepsOnlyThoseLanguages() throws Exception {
        try (StreamSimulator simulator = StreamSimulator.start(fast().build());
             StreamClient stream = StreamClient.open(simulator, "track=kafka&language=es%2Cfr")) {
            List<JsonNode> statuses = stream.nextStatuses(100);

            assertThat(statuses).allMatch(status -> Set.of("es", "fr").contains(status.path("lang").asText()));
            assertThat(statuses).allMatch(status -> TwitterMatch.matchesTrack(status, "kafka"));
        }
    }

    @Test
    void unicodeAndEmojiSurviveTheUtf8RoundTrip() throws Exception {
        try (StreamSimulator simulator = StreamSimulator.start(fast().build());
             StreamClient stream = StreamClient.open(simulator, "locations=-180%2C-90%2C180%2C90")) {
            List<JsonNode> statuses = stream.nextStatuses(300);

            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentTweets().size() >= 300);
            List<String> sentJson = simulator.sentTweets().stream().limit(300).map(SentTweet::json).toList();
            assertThat(statuses.stream().map(JsonNode::toString).toList()).isEqualTo(sentJson);
            String allText = statuses.stream().map(status -> status.path("text").asText()).collect(Collectors.joining("\n"));
            assertThat(allText.codePoints().anyMatch(Character::isSupplementaryCodePoint)).as("emoji").isTrue();
            assertThat(allText).containsPattern("\\p{IsArabic}").containsPattern("\\p{IsHan}").containsPattern("[éçãü]");
        }
    }

    @Test
    void stopsSendingStatusesAfterMaxTweetsPerConnection() throws Exception {
        SimulatorSettings settings = fast().maxTweetsPerConnection(25).keepAliveInterval(Duration.ofMillis(50)).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            stream.nextStatuses(25);

            // Only keep-alives follow: wait for a few, and no status may come between them.
            int keepAlives = 0;
            while (keepAlives < 3) {
                StreamClient.Line line = stream.nextLine();
                assertThat(line.isKeepAlive()).as("after the maximum only keep-alives come, got: %s", line).isTrue();
                keepAlives++;
            }
            assertThat(simulator.connections()).singleElement()
                    .satisfies(connection -> assertThat(connection.tweetsSent()).isEqualTo(25));
            assertThat(simulator.sentTweets()).hasSize(25);
        }
    }

    @Test
    void statusesArePacedAtTheConfiguredRate() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().tweetsPerSecond(50).maxTweetsPerConnection(21).build();
        try (StreamSimulator simulator = StreamSimulator.start(settings);
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            stream.nextStatuses(21);

            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentTweets().size() == 21);
            List<SentTweet> sent = simulator.sentTweets();
            Duration span = Duration.between(sent.get(0).sentAt(), sent.get(20).sentAt());
            // 20 periods of 20 ms: never faster; slower only by scheduling noise.
            assertThat(span).isBetween(Duration.ofMillis(390), Duration.ofMillis(1_500));
        }
    }

    @Test
    void idsAreUniqueAcrossStreamsAndIncreaseOnEach() throws Exception {
        try (StreamSimulator simulator = StreamSimulator.start(fast().build());
             StreamClient first = StreamClient.open(simulator, "track=kafka");
             StreamClient second = StreamClient.open(simulator, "follow=12")) {
            List<Long> firstIds = ids(first.nextStatuses(150));
            List<Long> secondIds = ids(second.nextStatuses(150));

            assertThat(firstIds).isSorted().doesNotHaveDuplicates();
            assertThat(secondIds).isSorted().doesNotHaveDuplicates().doesNotContainAnyElementsOf(firstIds);
            assertThat(simulator.connections()).extracting(ConnectionInfo::id).containsExactly(1L, 2L);
        }
    }

    @Test
    void theSameSeedStreamsTheSameTweets() throws Exception {
        List<String> first = tweetContents(42L);
        List<String> again = tweetContents(42L);
        List<String> otherSeed = tweetContents(7L);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    /** What a status says, leaving out times and the ids made from them. */
    private static List<String> tweetContents(long seed) throws Exception {
        try (StreamSimulator simulator = StreamSimulator.start(fast().seed(seed).build());
             StreamClient stream = StreamClient.open(simulator, MIXED_FILTER)) {
            List<String> contents = new ArrayList<>();
            for (JsonNode status : stream.nextStatuses(50)) {
                JsonNode full = status.has("extended_tweet") ? status.path("extended_tweet").path("full_text") : status.path("text");
                contents.add(status.path("user").path("screen_name").asText() + "|" + status.path("lang").asText() + "|"
                        + full.asText() + "|" + status.path("coordinates") + "|" + status.path("retweeted_status").path("text"));
            }
            return contents;
        }
    }

    private static SimulatorSettings.Builder fast() {
        return SimulatorSettings.builder().tweetsPerSecond(5_000);
    }

    private static List<Long> ids(List<JsonNode> statuses) {
        return statuses.stream().map(status -> status.path("id").asLong()).toList();
    }
}
