package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.LocationBox;
import io.tweetstream.simulator.SentDelete;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * Tweet delivery on Twitter's v1.1 stream through Twitter4j, and what only v1.1 has: delete and
 * limit notices, the filter sent to Twitter as is, and a credential set per task.
 */
class V1TweetDeliveryIT extends TweetDeliveryScenarios {

    V1TweetDeliveryIT() {
        super(StreamApi.V1_1);
    }

    /** The text Twitter's apps show: the full text of extended tweets, and "RT @x: " + original for retweets. */
    @Override
    protected String expectedText(JsonNode status) {
        JsonNode retweeted = status.get("retweeted_status");
        if (retweeted != null && !retweeted.isNull()) {
            return "RT @" + retweeted.at("/user/screen_name").asText() + ": " + expectedText(retweeted);
        }
        JsonNode extended = status.get("extended_tweet");
        return unescaped(extended != null && !extended.isNull()
                ? extended.get("full_text").asText() : status.get("text").asText());
    }

    @Override
    protected String expectedLang(JsonNode status) {
        return status.get("lang").asText();
    }

    /** The stream does not say what a tweet matched: the task finds at least the phrases put in it, maybe more. */
    @Override
    protected void assertMatchedKeywords(List<String> matched, SentTweet sent) {
        assertThat(matched).as("tweet %s", sent.json()).containsAll(sent.injectedKeywords());
    }

    /** Longer than stop may wait for Twitter4j's threads, so that stop cannot be waiting for the keep-alive. */
    @Override
    protected Duration idleKeepAliveInterval() {
        return Duration.ofMillis(2_500);
    }

    /** Twitter4j's reader cannot be interrupted: it ends at the next keep-alive, after stop returns. */
    @Override
    protected boolean readerEndsWithinStop() {
        return false;
    }

    @Override
    protected String credentialsToCheck() {
        return "consumer key";
    }

    @Override
    protected boolean connectorChecksCredentialsOnStart() {
        return false;
    }

    private void startSimulatorWith(UnaryOperator<SimulatorSettings.Builder> settings) {
        startSimulator(s -> settings.apply(s.seed(7).tweetsPerSecond(500).keepAliveInterval(Duration.ofMillis(200))));
    }

    @Test
    void deleteNoticesBecomeTombstones() {
        startSimulatorWith(settings -> settings.maxTweetsPerConnection(40).deleteEvery(10));
        PolledTask task = startTask(config("kafka"));

        List<SourceRecord> records = task.pollUntilWritten(44);

        await().atMost(DEADLINE).until(() -> simulator().sentDeletes().size() == 4);
        List<Long> deleted = simulator().sentDeletes().stream().map(SentDelete::statusId).toList();
        List<SourceRecord> tombstones = records.stream().filter(r -> r.value() == null).toList();
        assertThat(deleted).hasSize(4);
        assertThat(tombstones).extracting(SourceRecord::key).containsExactlyInAnyOrderElementsOf(deleted);
        assertThat(tombstones).allSatisfy(t -> assertThat(t.valueSchema()).isNull());
        assertThat(task.count(StreamCounter.DELETES)).isEqualTo(4);
    }

    @Test
    void deleteNoticesAreOnlyCountedWhenTombstonesAreOff() {
        startSimulatorWith(settings -> settings.maxTweetsPerConnection(20).deleteEvery(5));
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.TOMBSTONES_ON_DELETE, "false");
        PolledTask task = startTask(props);

        List<SourceRecord> records = task.pollUntilWritten(20);
        await().atMost(DEADLINE).until(() -> task.count(StreamCounter.DELETES) == 4);

        assertThat(records).allSatisfy(r -> assertThat(r.value()).isNotNull());
        assertThat(task.count(StreamCounter.TOMBSTONES)).isZero();
    }

    @Test
    void limitNoticesAreAddedUpAndCounted() {
        startSimulatorWith(settings -> settings.maxTweetsPerConnection(30).limitEvery(10));
        PolledTask task = startTask(config("kafka"));

        task.pollUntilWritten(30);

        await().atMost(DEADLINE).until(() -> simulator().sentLimitNotices().size() == 3);
        long reported = simulator().sentLimitNotices().get(2).undelivered();
        await().atMost(DEADLINE).until(() -> task.count(StreamCounter.LIMIT_UNDELIVERED) == reported);
    }

    @Test
    void followedUsersLocationsAndLanguagesReachTwitterAndSelectTheTweets() {
        startSimulatorWith(settings -> settings.maxTweetsPerConnection(30));
        Map<String, String> props = config("");
        props.put(TwitterSourceConfig.FOLLOW_USER_IDS, "6253282,783214");
        props.put(TwitterSourceConfig.LOCATIONS, "-74.26,40.48,-73.7,40.92");
        props.put(TwitterSourceConfig.LANGUAGES, "en,es");
        PolledTask task = startTask(props);

        List<SourceRecord> records = task.pollUntilWritten(30);

        ConnectionInfo connection = simulator().connections().get(0);
        assertThat(connection.track()).isEmpty();
        assertThat(connection.follow()).containsExactly(6253282L, 783214L);
        assertThat(connection.locations()).containsExactly(new LocationBox(-74.26, 40.48, -73.7, 40.92));
        assertThat(connection.languages()).containsExactly("en", "es");
        assertThat(records).allSatisfy(record -> {
            Struct value = (Struct) record.value();
            long author = value.getStruct(TweetSchema.USER).getInt64(TweetSchema.USER_ID);
            Struct point = value.getStruct(TweetSchema.COORDINATES);
            boolean inBox = point != null && connection.locations().get(0)
                    .contains(point.getFloat64(TweetSchema.LONGITUDE), point.getFloat64(TweetSchema.LATITUDE));
            assertThat(author == 6253282L || author == 783214L || inBox).as("followed or located: %s", value).isTrue();
            assertThat(value.getString(TweetSchema.LANG)).isIn("en", "es");
            assertThat(value.<String>getArray(TweetSchema.MATCHED_KEYWORDS)).isEmpty();
        });
    }

    @Test
    void eachTaskStreamsItsShareOfKeywordsOnItsOwnConnection() {
        startSimulatorWith(settings -> settings.maxTweetsPerConnection(20));
        Map<String, String> props = config("kafka,spark,flink,beam,storm");
        props.put(TwitterSourceConfig.ACCESS_TOKEN, "1-token-a,2-token-b");
        props.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, "secret-a,secret-b");
        List<PolledTask> started = simulation.tasks().startConnector(props, 2);

        List<SourceRecord> first = started.get(0).pollUntilWritten(20);
        List<SourceRecord> second = started.get(1).pollUntilWritten(20);

        assertThat(simulator().connections()).extracting(ConnectionInfo::track)
                .containsExactlyInAnyOrder(List.of("kafka", "spark", "flink"), List.of("beam", "storm"));
        assertThat(simulator().openConnectionCount()).isEqualTo(2);
        assertThat(first).allSatisfy(r -> assertThat(((Struct) r.value()).<String>getArray(TweetSchema.MATCHED_KEYWORDS))
                .isNotEmpty().isSubsetOf("kafka", "spark", "flink"));
        assertThat(second).allSatisfy(r -> assertThat(((Struct) r.value()).<String>getArray(TweetSchema.MATCHED_KEYWORDS))
                .isNotEmpty().isSubsetOf("beam", "storm"));
        assertThat(first.get(0).sourcePartition()).isNotEqualTo(second.get(0).sourcePartition());
    }
}
