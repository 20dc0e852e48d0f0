package io.tweetstream.connect;

import io.tweetstream.connect.core.StreamCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.LocationBox;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The task outside a worker, streaming over real HTTP from the simulator through Twitter4j, exactly
 * as it would from Twitter.
 */
class TwitterSourceTaskIT {

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

    /** A simulator with frequent keep-alives, so that a stopped task's reader thread ends soon. */
    private StreamSimulator simulator(SimulatorSettings.Builder settings) throws Exception {
        return simulator(settings, Duration.ofMillis(200));
    }

    private StreamSimulator simulator(SimulatorSettings.Builder settings, Duration keepAlive) throws Exception {
        settings.keepAliveInterval(keepAlive);
        simulator = StreamSimulator.start(settings.port(0).seed(7).tweetsPerSecond(500).build());
        return simulator;
    }

    private Map<String, String> config(String track) {
        Map<String, String> props = TestConfigs.valid();
        props.put(TwitterSourceConfig.STREAM_BASE_URL, simulator.v1BaseUrl());
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, track);
        props.put(TwitterSourceConfig.POLL_TIMEOUT_MS, "100");
        return props;
    }

    /** Twitter4j's threads, and the task's own helpers around them. */
    private static Set<Thread> streamThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("Twitter Stream consumer") || t.getName().startsWith("Twitter4J")
                || t.getName().startsWith("tweetstream-task-"))
            .collect(Collectors.toSet());
    }

    /** The text Twitter's apps show: the full text of extended tweets, and "RT @x: " + original for retweets. */
    private static String fullText(JsonNode status) {
        JsonNode retweeted = status.get("retweeted_status");
        if (retweeted != null && !retweeted.isNull()) {
            return "RT @" + retweeted.at("/user/screen_name").asText() + ": " + fullText(retweeted);
        }
        JsonNode extended = status.get("extended_tweet");
        return extended != null && !extended.isNull() ? extended.get("full_text").asText() : status.get("text").asText();
    }

    @Test
    void everySentTweetBecomesOneRecordWithItsFieldsKeyAndMatchedKeywords() throws Exception {
        int sent = 200;
        simulator(SimulatorSettings.builder().maxTweetsPerConnection(sent)
            .extendedRatio(0.3).retweetRatio(0.2).quoteRatio(0.1));
        TwitterSourceTask task = tasks.start(config("kafka,apache spark,flink"));

        List<SourceRecord> records = tasks.pollUntil(task, sent);

        Map<Long, SentTweet> sentById = simulator.sentTweets().stream()
            .collect(Collectors.toMap(SentTweet::id, Function.identity()));
        assertThat(records).hasSize(sent);
        assertThat(records).extracting(SourceRecord::key).containsExactlyInAnyOrderElementsOf(sentById.keySet());
        for (SourceRecord record : records) {
            SentTweet tweet = sentById.get((Long) record.key());
            JsonNode json = JSON.readTree(tweet.json());
            Struct value = (Struct) record.value();
            value.validate();
            assertThat(record.topic()).isEqualTo("tweets");
            assertThat(value.getInt64(TweetSchema.ID)).isEqualTo(tweet.id());
            assertThat(value.getString(TweetSchema.TEXT)).isEqualTo(fullText(json));
            assertThat(value.getString(TweetSchema.LANG)).isEqualTo(json.get("lang").asText());
            assertThat(value.getStruct(TweetSchema.USER).getInt64(TweetSchema.USER_ID)).isEqualTo(tweet.userId());
            assertThat(((Date) value.get(TweetSchema.CREATED_AT)).getTime() / 1000)
                .isEqualTo(tweet.sentAt().getEpochSecond());
            assertThat(record.timestamp()).isEqualTo(((Date) value.get(TweetSchema.CREATED_AT)).getTime());
            assertThat(value.<String>getArray(TweetSchema.MATCHED_KEYWORDS))
                .as("tweet %s: %s", tweet.id(), fullText(json))
                .containsAll(tweet.injectedKeywords());
        }
        assertThat(records).extracting(r -> ((Struct) r.value()).getString(TweetSchema.TEXT))
            .anyMatch(text -> text.length() > 140)
            .anyMatch(text -> text.startsWith("RT @"));
        assertThat(task.stats().get(StreamCounter.TWEETS_RECEIVED)).isEqualTo(sent);
    }

    @Test
    void stopReturnsPromptlyAndLeavesNoStreamThreadBehind() throws Exception {
        // An idle stream: the reader is blocked in a read that only the next keep-alive ends.
        simulator(SimulatorSettings.builder().maxTweetsPerConnection(5), Duration.ofMillis(2500));
        TwitterSourceTask task = tasks.start(config("kafka"));
        tasks.pollUntil(task, 5);
        assertThat(streamThreads()).isNotEmpty();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(task::stop);

        stopping.get(3, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> streamThreads().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.openConnectionCount() == 0);
        assertThat(simulator.connections()).singleElement().satisfies(c -> assertThat(c.open()).isFalse());
    }

    @Test
    void deleteNoticesBecomeTombstones() throws Exception {
        simulator(SimulatorSettings.builder().maxTweetsPerConnection(40).deleteEvery(10));
        TwitterSourceTask task = tasks.start(config("kafka"));

        List<SourceRecord> records = tasks.pollUntil(task, 44);

        List<Long> deleted = simulator.sentDeletes().stream().map(d -> d.statusId()).toList();
        List<SourceRecord> tombstones = records.stream().filter(r -> r.value() == null).toList();
        assertThat(deleted).hasSize(4);
        assertThat(tombstones).extracting(SourceRecord::key).containsExactlyInAnyOrderElementsOf(deleted);
        assertThat(tombstones).allSatisfy(t -> assertThat(t.valueSchema()).isNull());
    }

    @Test
    void deleteNoticesAreOnlyCountedWhenTombstonesAreOff() throws Exception {
        simulator(SimulatorSettings.builder().maxTweetsPerConnection(20).deleteEvery(5));
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.TOMBSTONES_ON_DELETE, "false");
        TwitterSourceTask task = tasks.start(props);

        List<SourceRecord> records = tasks.pollUntil(task, 20);
        await().atMost(DEADLINE).until(() -> task.stats().get(StreamCounter.DELETES) == 4);

        assertThat(records).allSatisfy(r -> assertThat(r.value()).isNotNull());
    }

    @Test
    void limitNoticesAreCounted() throws Exception {
        simulator(SimulatorSettings.builder().maxTweetsPerConnection(30).limitEvery(10));
        TwitterSourceTask task = tasks.start(config("kafka"));

        tasks.pollUntil(task, 30);

        await().atMost(DEADLINE).until(() -> simulator.sentLimitNotices().size() == 3);
        long reported = simulator.sentLimitNotices().get(2).undelivered();
        await().atMost(DEADLINE).until(() -> task.stats().get(StreamCounter.LIMIT_UNDELIVERED) == reported);
    }

    @Test
    void rawJsonIsCarriedWhenAskedFor() throws Exception {
        simulator(SimulatorSettings.builder().maxTweetsPerConnection(10));
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.INCLUDE_RAW_JSON, "true");
        TwitterSourceTask task = tasks.start(props);

        List<SourceRecord> records = tasks.pollUntil(task, 10);

        Map<Long, String> sentJson = simulator.sentTweets().stream()
            .collect(Collectors.toMap(SentTweet::id, SentTweet::json));
        assertThat(records).allSatisfy(r ->
            assertThat(((Struct) r.value()).getString(TweetSchema.RAW_JSON)).isEqualTo(sentJson.get((Long) r.key())));
    }

    @Test
    void followedUsersLocationsAndLanguagesReachTwitterAndSelectTheTweets() throws Exception {
        simulator(SimulatorSettings.builder().maxTweetsPerConnection(30));
        Map<String, String> props = config("");
        props.put(TwitterSourceConfig.FOLLOW_USER_IDS, "6253282,783214");
        props.put(TwitterSourceConfig.LOCATIONS, "-74.26,40.48,-73.7,40.92");
        props.put(TwitterSourceConfig.LANGUAGES, "en,es");
        TwitterSourceTask task = tasks.start(props);

        List<SourceRecord> records = tasks.pollUntil(task, 30);

        ConnectionInfo connection = simulator.connections().get(0);
        assertThat(connection.track()).isEmpty();
        assertThat(connection.follow()).containsExactly(6253282L, 783214L);
        assertThat(connection.locations()).containsExactly(new LocationBox(-74.26, 40.48, -73.7, 40.92));
        assertThat(connection.languages()).containsExactly("en", "es");
        assertThat(records).allSatisfy(record -> {
            Struct value = (Struct) record.value();
            long author = value.getStruct(TweetSchema.USER).getInt64(TweetSchema.USER_ID);
            Struct point = value.getStruct(TweetSchema.COORDINATES);
            boolean inBox = point != null
                && connection.locations().get(0).contains(point.getFloat64(TweetSchema.LONGITUDE), point.getFloat64(TweetSchema.LATITUDE));
            assertThat(author == 6253282L || author == 783214L || inBox).as("followed or located: %s", value).isTrue();
            assertThat(value.getString(TweetSchema.LANG)).isIn("en", "es");
            assertThat(value.<String>getArray(TweetSchema.MATCHED_KEYWORDS)).isEmpty();
        });
    }

    @Test
    void rejectedCredentialsFailTheTaskWithoutRevealingThem() throws Exception {
        simulator(SimulatorSettings.builder().acceptedConsumerKeys(Set.of("some-other-app")));
        TwitterSourceTask task = tasks.start(config("kafka"));

        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
            .isInstanceOf(ConnectException.class)
            .hasMessageContaining("HTTP 401")
            .hasMessageContaining("consumer key")
            .hasMessageNotContainingAny(TestConfigs.CONSUMER_KEY, TestConfigs.CONSUMER_SECRET,
                TestConfigs.ACCESS_TOKEN, TestConfigs.ACCESS_TOKEN_SECRET));

        task.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> streamThreads().isEmpty());
    }

    @Test
    void eachTaskStreamsItsShareOfKeywordsOnItsOwnConnection() throws Exception {
        simulator(SimulatorSettings.builder().maxTweetsPerConnection(20));
        Map<String, String> props = config("kafka,spark,flink,beam,storm");
        props.put(TwitterSourceConfig.ACCESS_TOKEN, "1-token-a,2-token-b");
        props.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, "secret-a,secret-b");
        TwitterSourceConnector connector = new TwitterSourceConnector();
        connector.start(props);
        List<TwitterSourceTask> started = connector.taskConfigs(2).stream().map(tasks::start).toList();

        List<SourceRecord> first = tasks.pollUntil(started.get(0), 20);
        List<SourceRecord> second = tasks.pollUntil(started.get(1), 20);

        assertThat(simulator.connections()).extracting(ConnectionInfo::track)
            .containsExactlyInAnyOrder(List.of("kafka", "spark", "flink"), List.of("beam", "storm"));
        assertThat(simulator.openConnectionCount()).isEqualTo(2);
        assertThat(first).allSatisfy(r -> assertThat(((Struct) r.value()).<String>getArray(TweetSchema.MATCHED_KEYWORDS))
            .isNotEmpty().isSubsetOf("kafka", "spark", "flink"));
        assertThat(second).allSatisfy(r -> assertThat(((Struct) r.value()).<String>getArray(TweetSchema.MATCHED_KEYWORDS))
            .isNotEmpty().isSubsetOf("beam", "storm"));
        assertThat(first.get(0).sourcePartition()).isNotEqualTo(second.get(0).sourcePartition());
    }
}
