package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.connect.v2.RuleTag;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.StreamRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * Tweet delivery on the X API v2 filtered stream, and what only v2 has: several tasks on redundant
 * connections, each writing the tweets of its own rules, and the sample stream.
 */
class V2TweetDeliveryIT extends TweetDeliveryScenarios {

    V2TweetDeliveryIT() {
        super(StreamApi.V2);
    }

    /**
     * A retweet's text is "RT @author: " and the original's, when X included the original (else the
     * retweet's own, cut at 140); a long post's is its note_tweet's.
     */
    @Override
    protected String expectedText(JsonNode line) {
        JsonNode data = line.get("data");
        for (JsonNode reference : data.path("referenced_tweets")) {
            if ("retweeted".equals(reference.get("type").asText())) {
                JsonNode original = byId(line.at("/includes/tweets"), reference.get("id").asText());
                JsonNode author = original == null ? null : byId(line.at("/includes/users"), original.path("author_id").asText());
                if (author != null) {
                    return "RT @" + author.get("username").asText() + ": " + unescaped(fullText(original));
                }
            }
        }
        return unescaped(fullText(data));
    }

    private static String fullText(JsonNode tweet) {
        return tweet.has("note_tweet") ? tweet.at("/note_tweet/text").asText() : tweet.get("text").asText();
    }

    private static JsonNode byId(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        return null;
    }

    @Override
    protected String expectedLang(JsonNode line) {
        return line.at("/data/lang").asText();
    }

    /** X says which rules a tweet matched: the record has exactly their phrases, and the rules are the phrases. */
    @Override
    protected void assertMatchedKeywords(List<String> matched, SentTweet sent) {
        Map<String, String> phraseByRuleId = simulator().rules().stream()
                .collect(Collectors.toMap(StreamRule::id, StreamRule::value));
        assertThat(phraseByRuleId.values()).containsExactlyInAnyOrder("kafka", "apache spark", "flink");
        assertThat(matched).containsExactlyInAnyOrderElementsOf(
                sent.matchingRules().stream().map(rule -> phraseByRuleId.get(rule.id())).toList());
    }

    /** The reader goes on reading past keep-alives: only the close ends it. */
    @Override
    protected Duration idleKeepAliveInterval() {
        return Duration.ofMillis(500);
    }

    /** Closing the connection ends the read in progress at once. */
    @Override
    protected boolean readerEndsWithinStop() {
        return true;
    }

    @Override
    protected String credentialsToCheck() {
        return TwitterSourceConfig.V2_BEARER_TOKEN;
    }

    @Override
    protected boolean connectorChecksCredentialsOnStart() {
        return true;
    }

    private static List<String> keywords(SourceRecord record) {
        return ((Struct) record.value()).getArray(TweetSchema.MATCHED_KEYWORDS);
    }

    @Test
    void tasksAreCappedAtTheTiersConnectionsAndEveryTweetIsWrittenByOneTask() {
        int perConnection = 100;
        startSimulator(settings -> settings.seed(11).tweetsPerSecond(300).keepAliveInterval(Duration.ofMillis(200))
                .v2MaxConnections(2).maxTweetsPerConnection(perConnection));
        Map<String, String> props = config("kafka,spark,flink,beam,storm");
        props.put(TwitterSourceConfig.V2_MAX_CONNECTIONS, "2");
        // No tasks.max in the props: start() plans one task, so taskConfigs(3) must re-split the rules.
        List<PolledTask> started = simulation.tasks().startConnector(props, 3);

        assertThat(started).hasSize(2);
        assertThat(simulator().rules()).extracting(StreamRule::tag).containsExactlyInAnyOrder(
                "tweetstream:tweets:0:kafka", "tweetstream:tweets:0:spark", "tweetstream:tweets:0:flink",
                "tweetstream:tweets:1:beam", "tweetstream:tweets:1:storm");
        // Each task handles every tweet its connection got: it writes it or leaves it to the other.
        await().atMost(DEADLINE).until(() -> {
            for (PolledTask task : started) {
                task.poll();
            }
            return simulator().connections().size() == 2 && started.stream().allMatch(task ->
                    task.written().size() + task.count(StreamCounter.LEFT_TO_OTHER_TASKS) == perConnection);
        });

        // X sends every tweet to every connection; the simulator too, from when a connection opens.
        Map<Long, List<SentTweet>> sendsById = simulator().sentTweets().stream()
                .collect(Collectors.groupingBy(SentTweet::id));
        Set<Long> first = Set.copyOf(keys(started.get(0).written()));
        Set<Long> second = Set.copyOf(keys(started.get(1).written()));
        assertThat(first).hasSize(started.get(0).written().size()).doesNotContainAnyElementsOf(second);
        assertThat(second).hasSize(started.get(1).written().size());
        List<Long> onBoth = sendsById.entrySet().stream().filter(e -> e.getValue().size() == 2).map(Map.Entry::getKey)
                .toList();
        assertThat(onBoth).hasSizeGreaterThan(perConnection / 2);
        for (long id : onBoth) {
            int owner = sendsById.get(id).get(0).matchingRules().stream()
                    .mapToInt(rule -> RuleTag.parse(rule.tag()).orElseThrow().task()).min().orElseThrow();
            assertThat(owner == 0 ? first : second).as("tweet %d, matched by task %d's rules", id, owner).contains(id);
        }
        // Task 0 has kafka, spark, flink; task 1 beam, storm, and writes only tweets none of task 0's matched.
        assertThat(started.get(0).written()).allSatisfy(r -> assertThat(keywords(r)).containsAnyOf("kafka", "spark", "flink"));
        assertThat(started.get(1).written()).allSatisfy(r -> assertThat(keywords(r)).isNotEmpty().isSubsetOf("beam", "storm"));
        assertThat(started).allSatisfy(task -> assertThat(task.count(StreamCounter.LEFT_TO_OTHER_TASKS)).isPositive());
    }

    @Test
    void theSampleStreamWritesEveryTweetWithoutKeywordsFromOneTask() {
        startSimulator(settings -> settings.seed(11).tweetsPerSecond(300).keepAliveInterval(Duration.ofMillis(200))
                .maxTweetsPerConnection(50));
        Map<String, String> props = config("");
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_SAMPLE);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        List<PolledTask> started = simulation.tasks().startConnector(props, 4);

        List<SourceRecord> records = started.get(0).pollUntilWritten(50);

        assertThat(started).hasSize(1);
        assertThat(keys(records)).containsExactlyInAnyOrderElementsOf(
                sentTweets(50).stream().map(SentTweet::id).toList());
        assertThat(records).allSatisfy(r -> assertThat(keywords(r)).isEmpty());
        assertThat(simulator().connections()).singleElement()
                .satisfies(c -> assertThat(c.endpoint()).isEqualTo(StreamEndpoint.V2_SAMPLE));
        assertThat(simulator().rules()).isEmpty();
    }
}
