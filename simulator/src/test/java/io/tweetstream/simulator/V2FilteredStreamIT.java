package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.tweetstream.simulator.testing.V2Client.FILTERED;
import static io.tweetstream.simulator.testing.V2Client.SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The v2 filtered and sample streams over real HTTP: which tweets, in what shape, and how rule changes reach them. */
class V2FilteredStreamIT {

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void deliversOnlyTweetsMatchingRulesWithTheirMatchingRulesAndOnlyTheRequestedFields() throws Exception {
        // No long posts: without note_tweet asked for, a long post's text is cut and may not show what
        // the rule matched (long posts have tests of their own, in PayloadShapesTest).
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(500).longPostRatio(0)
                .acceptedBearerTokens(java.util.Set.of(V2Client.TOKEN)));
        String kafka = client.addRule("kafka", "kafka");
        String german = client.addRule("(spark OR flink) lang:de", "german");
        String both = client.addRule("kafka lang:de", null);

        List<JsonNode> messages;
        try (StreamClient stream = client.open(FILTERED
                + "?tweet.fields=lang,created_at,referenced_tweets&expansions=author_id,referenced_tweets.id")) {
            messages = stream.nextMessages(120);
        }

        for (JsonNode message : messages) {
            JsonNode data = message.path("data");
            assertThat(fieldNames(data)).containsAll(List.of("id", "text", "edit_history_tweet_ids", "lang", "created_at"))
                    .isSubsetOf("id", "text", "edit_history_tweet_ids", "lang", "created_at", "referenced_tweets");
            assertThat(fieldNames(message.path("includes"))).contains("users").isSubsetOf("users", "tweets");
            assertThat(data.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            List<String> tokens = io.tweetstream.simulator.rules.TextTokens.of(matchedText(message));
            boolean hasKafka = tokens.contains("kafka");
            boolean isGerman = data.path("lang").asText().equals("de");
            List<String> expected = new ArrayList<>();
            if (hasKafka) {
                expected.add(kafka);
            }
            if (isGerman && (tokens.contains("spark") || tokens.contains("flink"))) {
                expected.add(german);
            }
            if (hasKafka && isGerman) {
                expected.add(both);
            }
            assertThat(message.path("matching_rules").findValuesAsText("id")).as(message.toString())
                    .isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(messages).anyMatch(message -> message.path("matching_rules").size() > 1);
        assertThat(messages.stream().map(message -> message.path("matching_rules").get(0).path("tag").asText()))
                .contains("kafka", "german");

        await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentTweets().size() >= 120);
        List<SentTweet> sent = simulator.sentTweets();
        assertThat(sent.subList(0, 120)).extracting(SentTweet::json)
                .containsExactlyElementsOf(messages.stream().map(JsonNode::toString).toList());
        for (SentTweet tweet : sent) {
            assertThat(tweet.matchingRules()).isNotEmpty();
            assertThat(tweet.injectedKeywords()).isNotEmpty();
            JsonNode data = io.tweetstream.simulator.testing.Json.parse(tweet.json()).path("data");
            String text = data.path("note_tweet").path("text").asText(data.path("text").asText()).toLowerCase(Locale.ROOT);
            // A retweet matches on its original; a long post's text is cut (with "…"), and the keyword
            // may be past the cut when note_tweet was not asked for.
            if (!text.startsWith("rt @") && !text.endsWith("…")) {
                assertThat(text).contains(tweet.injectedKeywords().get(0).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(simulator.connections()).singleElement().extracting(ConnectionInfo::endpoint).isEqualTo(StreamEndpoint.V2_FILTERED);
    }

    @Test
    void ruleChangesReachAnOpenStreamWithoutReconnecting() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(200).longPostRatio(0)
                .keepAliveInterval(Duration.ofMillis(100)));
        client.addRuleMatchingNothing();
        try (StreamClient stream = client.open(FILTERED + "?tweet.fields=referenced_tweets&expansions=referenced_tweets.id")) {
            assertThat(stream.nextLine().isKeepAlive()).as("no rule that matches, only keep-alives").isTrue();
            assertThat(simulator.sentTweets()).isEmpty();

            String kafka = client.addRule("kafka", "k");
            JsonNode first = nextTweet(stream);
            assertThat(first.path("matching_rules").findValuesAsText("id")).containsExactly(kafka);

            String flink = client.addRule("#flink", "f");
            // A retweet's own text is cut at 140: the hashtag may be in the original only.
            assertThat(matchedText(awaitTweetMatching(stream, flink))).containsIgnoringCase("#flink");

            client.deleteRule(kafka);
            // A tweet is stamped before its rules are read: those stamped after the delete answered cannot match it.
            Instant deleted = Instant.now();
            await().atMost(StreamClient.DEADLINE).until(() -> sentAfter(deleted).size() >= 30);
            List<String> after = sentAfter(deleted).stream().map(SentTweet::json).toList().subList(0, 30);
            List<JsonNode> read = new ArrayList<>();
            while (read.isEmpty() || !read.get(read.size() - 1).toString().equals(after.get(29))) {
                read.add(nextTweet(stream));
            }
            List<JsonNode> readAfter = read.subList(read.size() - 30, read.size());
            assertThat(readAfter).extracting(JsonNode::toString).containsExactlyElementsOf(after);
            assertThat(readAfter).allSatisfy(tweet ->
                    assertThat(tweet.path("matching_rules").findValuesAsText("id")).containsExactly(flink));
        }
        assertThat(simulator.connections()).hasSize(1);
    }

    @Test
    void sendsKeepAlivesAsBareCrlfsAfterEachSilence() throws Exception {
        V2Client client = start(SimulatorSettings.builder().keepAliveInterval(Duration.ofMillis(100)));
        client.addRuleMatchingNothing();
        try (StreamClient stream = client.open(FILTERED)) {
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                StreamClient.Line line = stream.nextLine();
                assertThat(line.isKeepAlive()).isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void sampleStreamSendsAnyTweetsWithoutMatchingRules() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(500));
        client.addRule("kafka", null);
        try (StreamClient stream = client.open(SAMPLE + "?tweet.fields=referenced_tweets&expansions=referenced_tweets.id")) {
            List<JsonNode> messages = stream.nextMessages(100);
            assertThat(messages).noneMatch(message -> message.has("matching_rules"));
            assertThat(messages).allSatisfy(message -> assertThat(fieldNames(message.path("data")))
                    .containsAnyOf("id").doesNotContain("author_id", "lang"));
            assertThat(messages).anyMatch(message -> message.path("includes").path("tweets").size() > 0);
            assertThat(messages.stream().map(message -> message.path("data").path("text").asText().toLowerCase(Locale.ROOT)))
                    .as("not made for the rule").anyMatch(text -> !text.contains("kafka"));
        }
        assertThat(simulator.connections()).singleElement().extracting(ConnectionInfo::endpoint).isEqualTo(StreamEndpoint.V2_SAMPLE);
        assertThat(simulator.sentTweets()).allSatisfy(tweet -> assertThat(tweet.matchingRules()).isEmpty());

        HttpResponse<String> stats = StreamClient.http().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(simulator.statsUrl())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode totals = io.tweetstream.simulator.testing.Json.parse(stats.body());
        assertThat(totals.path("totals").path("tweetsSent").asLong()).as("v2 sends count").isGreaterThanOrEqualTo(100);
        assertThat(totals.path("connections").get(0).path("endpoint").asText()).isEqualTo("v2-sample");
    }

    @Test
    void refusesUnknownFieldsLikeX() throws Exception {
        V2Client client = start(SimulatorSettings.builder());
        HttpResponse<InputStream> response = client.connect(FILTERED + "?tweet.fields=lang,bogus");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = V2Client.body(response);
        assertThat(body.path("errors").get(0).path("parameters").path("tweet.fields").get(0).asText()).isEqualTo("bogus");
        assertThat(body.path("errors").get(0).path("message").asText())
                .startsWith("The `tweet.fields` query parameter value [bogus] is not one of [");
        assertThat(body.path("title").asText()).isEqualTo("Invalid Request");
        assertThat(simulator.connectionAttempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(400);

        HttpResponse<InputStream> unauthorized = new V2Client(simulator, null).connect(SAMPLE);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(V2Client.body(unauthorized).path("title").asText()).isEqualTo("Unauthorized");
        assertThat(simulator.connections()).isEmpty();
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.build());
        return new V2Client(simulator);
    }

    private static JsonNode nextTweet(StreamClient stream) throws InterruptedException {
        return stream.nextMessages(1).get(0);
    }

    private static JsonNode awaitTweetMatching(StreamClient stream, String ruleId) throws InterruptedException {
        while (true) {
            JsonNode tweet = nextTweet(stream);
            if (tweet.path("matching_rules").findValuesAsText("id").contains(ruleId)) {
                return tweet;
            }
        }
    }

    private List<SentTweet> sentAfter(Instant instant) {
        return simulator.sentTweets().stream().filter(tweet -> tweet.sentAt().isAfter(instant)).toList();
    }

    /** What rules are matched against: a retweet's own text is cut, so its original's whole text counts too. */
    private static String matchedText(JsonNode message) {
        StringBuilder text = new StringBuilder(message.path("data").path("text").asText());
        for (JsonNode reference : message.path("data").path("referenced_tweets")) {
            if (reference.path("type").asText().equals("retweeted")) {
                for (JsonNode included : message.path("includes").path("tweets")) {
                    if (included.path("id").asText().equals(reference.path("id").asText())) {
                        text.append(' ').append(included.path("text").asText());
                    }
                }
            }
        }
        return text.toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
