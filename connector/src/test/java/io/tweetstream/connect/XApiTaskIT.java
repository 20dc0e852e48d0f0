package io.tweetstream.connect;

import io.tweetstream.connect.core.StreamCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.connect.v2.RuleTag;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.RuleChange;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.StreamRule;
import io.tweetstream.simulator.StreamSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector and its tasks on the X API v2, over real HTTP to the simulator's v2 endpoints through
 * the same client code that talks to api.x.com: rules, the filtered and sample streams, and every
 * way X refuses, drops or starves a connection.
 */
class XApiTaskIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskHarness tasks = new TaskHarness(DEADLINE);
    private StreamSimulator simulator;

    @AfterEach
    void stopEverything() {
        tasks.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    private StreamSimulator simulator(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.port(0).seed(11)
                .acceptedBearerTokens(Set.of(TestConfigs.BEARER_TOKEN)).build());
        return simulator;
    }

    private static SimulatorSettings.Builder settings() {
        return SimulatorSettings.builder().tweetsPerSecond(300).keepAliveInterval(Duration.ofMillis(200));
    }

    private Map<String, String> config(String track) {
        Map<String, String> props = TestConfigs.v2(simulator.v2BaseUrl());
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, track);
        props.put(TwitterSourceConfig.POLL_TIMEOUT_MS, "100");
        props.put(TwitterSourceConfig.STREAM_READ_TIMEOUT_MS, "5000");
        return props;
    }

    /** Starts the connector (which syncs the rules) and its tasks, as a worker would. */
    private List<TwitterSourceTask> startConnector(Map<String, String> props, int maxTasks) {
        TwitterSourceConnector connector = new TwitterSourceConnector();
        connector.start(props);
        return connector.taskConfigs(maxTasks).stream().map(tasks::start).toList();
    }



    private static List<String> keywords(SourceRecord record) {
        return ((Struct) record.value()).getArray(TweetSchema.MATCHED_KEYWORDS);
    }

    private List<ConnectionAttempt> attempts() {
        return simulator.connectionAttempts();
    }

    private static long gapMillis(ConnectionAttempt before, ConnectionAttempt after) {
        return Duration.between(before.at(), after.at()).toMillis();
    }

    /** A rule another user of the app made, through X's API as that user would. */
    private void addForeignRule(String value, String tag) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.v2BaseUrl() + "2/tweets/search/stream/rules"))
                .header("Authorization", "Bearer " + TestConfigs.BEARER_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"add\":[{\"value\":\"" + value + "\",\"tag\":\"" + tag + "\"}]}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The text the record should hold: a retweet's is "RT @author: " and the original's full text. */
    private static String expectedText(JsonNode line) {
        JsonNode data = line.get("data");
        for (JsonNode reference : data.path("referenced_tweets")) {
            if ("retweeted".equals(reference.get("type").asText())) {
                String id = reference.get("id").asText();
                for (JsonNode original : line.at("/includes/tweets")) {
                    if (id.equals(original.get("id").asText())) {
                        String author = original.get("author_id").asText();
                        for (JsonNode user : line.at("/includes/users")) {
                            if (author.equals(user.get("id").asText())) {
                                return "RT @" + user.get("username").asText() + ": " + original.get("text").asText();
                            }
                        }
                    }
                }
            }
        }
        return data.has("note_tweet") ? data.at("/note_tweet/text").asText() : data.get("text").asText();
    }

    @Test
    void everyMatchingTweetBecomesOneRecordWithTheKeywordsOfItsRules() throws Exception {
        int sent = 150;
        simulator(settings().maxTweetsPerConnection(sent).retweetRatio(0.2).quoteRatio(0.1).extendedRatio(0.3));
        TwitterSourceTask task = startConnector(config("kafka,apache spark,flink"), 1).get(0);

        List<SourceRecord> records = tasks.pollUntil(task, sent);

        Map<String, String> phraseByRuleId = simulator.rules().stream()
                .collect(Collectors.toMap(StreamRule::id, StreamRule::value));
        assertThat(phraseByRuleId.values()).containsExactlyInAnyOrder("kafka", "apache spark", "flink");
        Map<Long, SentTweet> sentById = simulator.sentTweets().stream()
                .collect(Collectors.toMap(SentTweet::id, Function.identity()));
        assertThat(records).hasSize(sent);
        assertThat(records).extracting(SourceRecord::key).containsExactlyInAnyOrderElementsOf(sentById.keySet());
        for (SourceRecord record : records) {
            SentTweet tweet = sentById.get((Long) record.key());
            JsonNode line = JSON.readTree(tweet.json());
            Struct value = (Struct) record.value();
            value.validate();
            assertThat(value.getString(TweetSchema.TEXT)).isEqualTo(expectedText(line));
            assertThat(value.getString(TweetSchema.LANG)).isEqualTo(line.at("/data/lang").asText());
            assertThat(value.getStruct(TweetSchema.USER).getInt64(TweetSchema.USER_ID)).isEqualTo(tweet.userId());
            assertThat(keywords(record)).containsExactlyInAnyOrderElementsOf(
                    tweet.matchingRules().stream().map(rule -> phraseByRuleId.get(rule.id())).toList());
            assertThat(record.timestamp()).isEqualTo(value.get(TweetSchema.CREATED_AT) instanceof java.util.Date d
                    ? d.getTime() : null);
        }
        assertThat(simulator.connections()).singleElement()
                .satisfies(c -> assertThat(c.endpoint()).isEqualTo(StreamEndpoint.V2_FILTERED));
        assertThat(tasks.metric("tweets-written-total", 0)).isEqualTo((double) sent);
        assertThat(tasks.metric("tweets-received-total", 0)).isEqualTo((long) sent);
        assertThat(tasks.metric("connects-total", 0)).isEqualTo(1L);
        assertThat(tasks.metric("queue-size", 0)).isEqualTo(0);
    }

    @Test
    void aFullBufferPushesBackOnTheStreamAndLosesNothing() throws InterruptedException {
        int sent = 600;
        simulator(settings().tweetsPerSecond(2_000).maxTweetsPerConnection(sent));
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.QUEUE_CAPACITY, "50");
        props.put(TwitterSourceConfig.MAX_BATCH_SIZE, "10");
        TwitterSourceTask task = startConnector(props, 1).get(0);

        // A worker that does not poll, as when the broker is slow: the buffer fills and stays full.
        await().atMost(DEADLINE).until(() -> Double.valueOf(1.0).equals(tasks.metric("queue-fill-ratio", 0)));
        Thread.sleep(500);
        assertThat(tasks.metric("queue-size", 0)).isEqualTo(50);

        List<SourceRecord> records = tasks.pollUntil(task, sent);

        assertThat(records).extracting(SourceRecord::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(simulator.sentTweets().stream().map(SentTweet::id).toList());
        assertThat(task.stats().get(StreamCounter.DISCARDED_ON_CLOSE)).isZero();
    }

    @Test
    void theConnectorChangesOnlyItsOwnRules() throws Exception {
        simulator(settings().maxTweetsPerConnection(0));
        addForeignRule("cats", "someone else's");
        addForeignRule("dogs", "tweetstream:another-connector:0:dogs");
        new TwitterSourceConnector().start(config("kafka,flink"));
        String kafkaRuleId = simulator.rules().stream().filter(r -> r.value().equals("kafka")).findFirst()
                .orElseThrow().id();
        int changesBefore = simulator.ruleChanges().size();

        new TwitterSourceConnector().start(config("kafka,spark"));

        assertThat(simulator.rules()).extracting(StreamRule::value, StreamRule::tag).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("cats", "someone else's"),
                org.assertj.core.groups.Tuple.tuple("dogs", "tweetstream:another-connector:0:dogs"),
                org.assertj.core.groups.Tuple.tuple("kafka", "tweetstream:tweets:0:kafka"),
                org.assertj.core.groups.Tuple.tuple("spark", "tweetstream:tweets:0:spark"));
        assertThat(simulator.rules()).filteredOn(r -> r.value().equals("kafka")).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(kafkaRuleId));
        assertThat(simulator.ruleChanges().subList(changesBefore, simulator.ruleChanges().size()))
                .extracting(RuleChange::kind, c -> c.rule().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RuleChange.Kind.DELETED, "flink"),
                        org.assertj.core.groups.Tuple.tuple(RuleChange.Kind.ADDED, "spark"));
    }

    @Test
    void aRuleAddedWhileStreamingReachesTheOpenConnection() {
        simulator(settings().tweetsPerSecond(100));
        TwitterSourceTask task = startConnector(config("kafka"), 1).get(0);
        assertThat(tasks.pollUntil(task, 20)).allSatisfy(r -> assertThat(keywords(r)).containsExactly("kafka"));

        new TwitterSourceConnector().start(config("kafka,flink"));

        List<SourceRecord> later = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                later.addAll(batch);
            }
            return later.stream().anyMatch(r -> keywords(r).contains("flink"));
        });
        assertThat(attempts()).singleElement().satisfies(a -> assertThat(a.httpStatus()).isEqualTo(200));
        assertThat(simulator.connections()).singleElement().satisfies(c -> assertThat(c.open()).isTrue());
    }

    @Test
    void tasksAreCappedAtTheTiersConnectionsAndEveryTweetIsWrittenByOneTask() {
        int perConnection = 100;
        simulator(settings().v2MaxConnections(2).maxTweetsPerConnection(perConnection));
        Map<String, String> props = config("kafka,spark,flink,beam,storm");
        props.put(TwitterSourceConfig.V2_MAX_CONNECTIONS, "2");
        // No tasks.max in the props: start() plans one task, so taskConfigs(3) must re-split the rules.
        List<TwitterSourceTask> started = startConnector(props, 3);

        assertThat(started).hasSize(2);
        assertThat(simulator.rules()).extracting(StreamRule::tag).containsExactlyInAnyOrder(
                "tweetstream:tweets:0:kafka", "tweetstream:tweets:0:spark", "tweetstream:tweets:0:flink",
                "tweetstream:tweets:1:beam", "tweetstream:tweets:1:storm");
        List<List<SourceRecord>> written = List.of(new ArrayList<>(), new ArrayList<>());
        await().atMost(DEADLINE).until(() -> {
            for (int task = 0; task < 2; task++) {
                List<SourceRecord> batch = started.get(task).poll();
                written.get(task).addAll(batch == null ? List.of() : batch);
            }
            // Each task handles every tweet its connection got: it writes it or leaves it to the other.
            return simulator.connections().size() == 2
                    && written.get(0).size() + started.get(0).stats().get(StreamCounter.LEFT_TO_OTHER_TASKS) == perConnection
                    && written.get(1).size() + started.get(1).stats().get(StreamCounter.LEFT_TO_OTHER_TASKS) == perConnection;
        });

        // X sends every tweet to every connection; the simulator too, from when a connection opens.
        Map<Long, List<SentTweet>> sendsById = simulator.sentTweets().stream()
                .collect(Collectors.groupingBy(SentTweet::id));
        Set<Long> first = written.get(0).stream().map(r -> (Long) r.key()).collect(Collectors.toSet());
        Set<Long> second = written.get(1).stream().map(r -> (Long) r.key()).collect(Collectors.toSet());
        assertThat(first).hasSize(written.get(0).size()).doesNotContainAnyElementsOf(second);
        assertThat(second).hasSize(written.get(1).size());
        List<Long> onBoth = sendsById.entrySet().stream().filter(e -> e.getValue().size() == 2).map(Map.Entry::getKey)
                .toList();
        assertThat(onBoth).hasSizeGreaterThan(perConnection / 2);
        for (long id : onBoth) {
            int owner = sendsById.get(id).get(0).matchingRules().stream()
                    .mapToInt(rule -> RuleTag.parse(rule.tag()).orElseThrow().task()).min().orElseThrow();
            assertThat(owner == 0 ? first : second).as("tweet %d, matched by task %d's rules", id, owner).contains(id);
        }
        // Task 0 has kafka, spark, flink; task 1 beam, storm, and writes only tweets none of task 0's matched.
        assertThat(written.get(0)).allSatisfy(r -> assertThat(keywords(r)).containsAnyOf("kafka", "spark", "flink"));
        assertThat(written.get(1)).allSatisfy(r -> assertThat(keywords(r)).isNotEmpty().isSubsetOf("beam", "storm"));
        assertThat(started).allSatisfy(task -> assertThat(task.stats().get(StreamCounter.LEFT_TO_OTHER_TASKS)).isPositive());
    }

    @Test
    void theSampleStreamWritesEveryTweetWithoutKeywords() {
        simulator(settings().maxTweetsPerConnection(50));
        Map<String, String> props = config("");
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_SAMPLE);
        List<TwitterSourceTask> started = startConnector(props, 4);

        List<SourceRecord> records = tasks.pollUntil(started.get(0), 50);

        assertThat(started).hasSize(1);
        assertThat(records).extracting(SourceRecord::key).containsExactlyInAnyOrderElementsOf(
                simulator.sentTweets().stream().map(SentTweet::id).toList());
        assertThat(records).allSatisfy(r -> assertThat(keywords(r)).isEmpty());
        assertThat(simulator.connections()).singleElement()
                .satisfies(c -> assertThat(c.endpoint()).isEqualTo(StreamEndpoint.V2_SAMPLE));
        assertThat(simulator.rules()).isEmpty();
    }

    @Test
    void aRejectedBearerTokenFailsTheConnectorAndTheTaskWithoutRevealingIt() {
        simulator = StreamSimulator.start(settings().port(0).acceptedBearerTokens(Set.of("another-token")).build());

        assertThatThrownBy(() -> new TwitterSourceConnector().start(config("kafka")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(TestConfigs.BEARER_TOKEN);
        TwitterSourceTask task = tasks.start(config("kafka"));
        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining(TwitterSourceConfig.V2_BEARER_TOKEN)
                .hasMessageNotContaining(TestConfigs.BEARER_TOKEN));
        assertThat(attempts()).singleElement().satisfies(a -> assertThat(a.httpStatus()).isEqualTo(401));
    }

    @Test
    void aWrongBaseUrlFailsClearlyInsteadOfRetrying() {
        simulator(settings());
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.V2_BASE_URL, simulator.v2BaseUrl() + "not-the-api/");

        assertThatThrownBy(() -> new TwitterSourceConnector().start(props))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 404");
        TwitterSourceTask task = tasks.start(props);
        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(TwitterSourceConfig.V2_BASE_URL));
    }

    @Test
    void forbiddenFailsTheTaskInsteadOfRetrying() {
        simulator(settings());
        TwitterSourceConnector connector = new TwitterSourceConnector();
        connector.start(config("kafka"));
        simulator.rejectNextV2Connections(1, 403, Duration.ZERO);
        TwitterSourceTask task = tasks.start(connector.taskConfigs(1).get(0));

        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 403"));
        assertThat(attempts()).singleElement().satisfies(a -> assertThat(a.httpStatus()).isEqualTo(403));
    }

    @Test
    void serverErrorsBackOffExponentially() {
        simulator(settings());
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.V2_HTTP_BACKOFF_MS, "200");
        TwitterSourceConnector connector = new TwitterSourceConnector();
        connector.start(props);
        simulator.rejectNextV2Connections(3, 503, Duration.ZERO);
        TwitterSourceTask task = tasks.start(connector.taskConfigs(1).get(0));

        tasks.pollUntil(task, 10);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactly(503, 503, 503, 200);
        assertThat(gapMillis(attempts.get(0), attempts.get(1))).isBetween(200L, 1_000L);
        assertThat(gapMillis(attempts.get(1), attempts.get(2))).isBetween(400L, 1_200L);
        assertThat(gapMillis(attempts.get(2), attempts.get(3))).isBetween(800L, 1_600L);
    }

    @Test
    void aRateLimitIsWaitedOutUntilItsReset() {
        simulator(settings());
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.V2_RATE_LIMIT_BACKOFF_MS, "100");
        TwitterSourceConnector connector = new TwitterSourceConnector();
        connector.start(props);
        simulator.rejectNextV2Connections(1, 429, Duration.ofSeconds(3));
        TwitterSourceTask task = tasks.start(connector.taskConfigs(1).get(0));

        tasks.pollUntil(task, 10);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactly(429, 200);
        // x-rate-limit-reset is in whole seconds: at least 2 s of the 3 remain when it is read.
        assertThat(gapMillis(attempts.get(0), attempts.get(1))).isBetween(2_000L, 4_500L);
    }

    @Test
    void anOperationalDisconnectIsCountedAndReconnectedAfterTheNetworkStep() {
        simulator(settings().tweetsPerSecond(50));
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.V2_NETWORK_BACKOFF_MS, "300");
        TwitterSourceTask task = startConnector(props, 1).get(0);
        tasks.pollUntil(task, 5);

        simulator.operationalDisconnectV2Streams();
        await().atMost(DEADLINE).until(() -> attempts().size() == 2);
        tasks.pollUntil(task, 5);

        assertThat(task.stats().get(StreamCounter.STREAM_ERRORS)).isEqualTo(1);
        assertThat(task.stats().get(StreamCounter.CONNECTS)).isEqualTo(2);
        assertThat(gapMillis(attempts().get(0), attempts().get(1))).isGreaterThanOrEqualTo(300L);
    }

    @Test
    void aStalledStreamIsDroppedAndReplaced() {
        // The server notices the dropped connection only when it next writes, after the stall; until
        // then it counts against the connection limit, as X's would.
        simulator(settings().tweetsPerSecond(50).v2MaxConnections(2));
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.STREAM_READ_TIMEOUT_MS, "1000");
        props.put(TwitterSourceConfig.V2_NETWORK_BACKOFF_MS, "100");
        TwitterSourceTask task = startConnector(props, 1).get(0);
        tasks.pollUntil(task, 5);

        simulator.stallV2Streams(Duration.ofSeconds(20));

        await().atMost(Duration.ofSeconds(10)).until(() -> attempts().size() == 2);
        assertThat(task.stats().get(StreamCounter.STALLS)).isEqualTo(1);
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 200);
        // The second connection delivers; the first stays stalled, as the server sees it.
        tasks.pollUntil(task, 5);
    }

    @Test
    void keepAlivesKeepAQuietStreamOpen() throws InterruptedException {
        simulator(settings().maxTweetsPerConnection(0));
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.STREAM_READ_TIMEOUT_MS, "1000");
        TwitterSourceTask task = startConnector(props, 1).get(0);
        await().atMost(DEADLINE).until(() -> task.stats().get(StreamCounter.CONNECTS) == 1);

        Thread.sleep(3_000);

        assertThat(task.poll()).isNull();
        assertThat(task.stats().get(StreamCounter.STALLS)).isZero();
        assertThat(attempts()).hasSize(1);
    }

    @Test
    void stopEndsTheReaderAtOnceEvenMidRead() {
        simulator(settings().maxTweetsPerConnection(0).keepAliveInterval(Duration.ofSeconds(20)));
        TwitterSourceTask task = startConnector(config("kafka"), 1).get(0);
        await().atMost(DEADLINE).until(() -> task.stats().get(StreamCounter.CONNECTS) == 1);

        task.stop();

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("tweetstream-task-"));
    }

    @Test
    void validationAsksXAboutTheRulesWithoutChangingThem() throws Exception {
        simulator(settings().v2MaxRuleLength(20));
        addForeignRule("flink", "someone else's");
        Map<String, String> props = config("kafka,flink,apache spark structured streaming");

        Map<String, List<String>> errors = new TwitterSourceConnector().validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.TRACK_KEYWORDS);
        assertThat(errors.get(TwitterSourceConfig.TRACK_KEYWORDS).get(0))
                .contains("the rule 'flink' already exists in this app with the tag 'someone else's'");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,apache spark structured streaming");
        List<String> dryRun = new TwitterSourceConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(TwitterSourceConfig.TRACK_KEYWORDS)).findFirst().orElseThrow().errorMessages();
        assertThat(dryRun).singleElement().asString()
                .contains("X would not create these rules", "apache spark structured streaming");
        assertThat(simulator.rules()).extracting(StreamRule::value).containsExactly("flink");

        props.put(TwitterSourceConfig.V2_BEARER_TOKEN, "wrong-token");
        List<String> badToken = new TwitterSourceConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(TwitterSourceConfig.V2_BEARER_TOKEN)).findFirst().orElseThrow().errorMessages();
        assertThat(badToken).singleElement().asString().contains("HTTP 401").doesNotContain("wrong-token");
    }
}
