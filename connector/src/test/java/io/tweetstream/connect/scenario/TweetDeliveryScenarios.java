package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.SentTweet;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * What the task writes from a healthy stream, over real HTTP from the simulator through the same
 * client code that talks to Twitter and X: one record per tweet with its fields, key, timestamp and
 * matched keywords; the raw JSON when asked; a prompt stop; credentials refused without a leak. Each
 * API runs it through a subclass, which says how its payloads read; behaviour of one API only is
 * tested in that subclass.
 */
abstract class TweetDeliveryScenarios extends ScenarioSuite {

    protected static final ObjectMapper JSON = new ObjectMapper();

    TweetDeliveryScenarios(StreamApi api) {
        super(api);
    }

    // How each API's payloads read.

    /**
     * {@code text} with the three entities Twitter and X escape in a tweet's text turned back into
     * characters: the record holds the text as its author wrote it.
     */
    protected static String unescaped(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The record's text for the line the simulator sent: the full text, a retweet's "RT @author: " and the original's. */
    protected abstract String expectedText(JsonNode line);

    protected abstract String expectedLang(JsonNode line);

    /** Asserts the keywords written for {@code sent}: what the API says (v2) or the task worked out (v1.1) it matched. */
    protected abstract void assertMatchedKeywords(List<String> matched, SentTweet sent);

    /** How long the idle stream of {@link #stopReturnsPromptlyAndLeavesNoStreamThreadBehind} is silent between keep-alives. */
    protected abstract Duration idleKeepAliveInterval();

    /**
     * Whether the thread reading the stream is gone when stop returns, or ends a moment after (at the
     * next keep-alive, when the client cannot interrupt its read).
     */
    protected abstract boolean readerEndsWithinStop();

    /** The config key a rejected-credentials message names, or words that say which credentials to check. */
    protected abstract String credentialsToCheck();

    /** Whether the connector itself asks the API about the credentials when it starts (X's rules API). */
    protected abstract boolean connectorChecksCredentialsOnStart();

    @Test
    void everySentTweetBecomesOneRecordWithItsFieldsKeyTimestampAndMatchedKeywords() throws Exception {
        int sent = 200;
        startSimulator(settings -> settings.seed(7).tweetsPerSecond(500).maxTweetsPerConnection(sent)
                .keepAliveInterval(Duration.ofMillis(200)).extendedRatio(0.3).retweetRatio(0.2).quoteRatio(0.1));
        PolledTask task = startTask(config("kafka,apache spark,flink"));

        List<SourceRecord> records = task.pollUntilWritten(sent);

        Map<Long, SentTweet> sentById = sentTweets(sent).stream()
                .collect(Collectors.toMap(SentTweet::id, Function.identity()));
        assertThat(records).hasSize(sent);
        assertThat(keys(records)).containsExactlyInAnyOrderElementsOf(sentById.keySet());
        for (SourceRecord record : records) {
            SentTweet tweet = sentById.get((Long) record.key());
            JsonNode line = JSON.readTree(tweet.json());
            Struct value = (Struct) record.value();
            value.validate();
            assertThat(record.topic()).isEqualTo("tweets");
            assertThat(value.getInt64(TweetSchema.ID)).isEqualTo(tweet.id());
            assertThat(value.getString(TweetSchema.TEXT)).as("text of %s", tweet.json()).isEqualTo(expectedText(line));
            assertThat(value.getString(TweetSchema.LANG)).isEqualTo(expectedLang(line));
            assertThat(value.getStruct(TweetSchema.USER).getInt64(TweetSchema.USER_ID)).isEqualTo(tweet.userId());
            Date createdAt = (Date) value.get(TweetSchema.CREATED_AT);
            assertThat(createdAt.getTime() / 1000).isEqualTo(tweet.sentAt().getEpochSecond());
            assertThat(record.timestamp()).isEqualTo(createdAt.getTime());
            assertMatchedKeywords(value.getArray(TweetSchema.MATCHED_KEYWORDS), tweet);
        }
        assertThat(records).extracting(r -> ((Struct) r.value()).getString(TweetSchema.TEXT))
                .anyMatch(text -> text.length() > 140)
                .anyMatch(text -> text.startsWith("RT @"));
        assertThat(simulator().connections()).singleElement()
                .satisfies(c -> assertThat(c.endpoint()).isEqualTo(api.endpoint()));
        assertThat(task.count(StreamCounter.TWEETS_RECEIVED)).isEqualTo(sent);
        assertThat(task.metric("tweets-written-total")).isEqualTo((double) sent);
        assertThat(task.metric("tweets-received-total")).isEqualTo((long) sent);
        assertThat(task.metric("connects-total")).isEqualTo(1L);
        assertThat(task.metric("queue-size")).isEqualTo(0);
    }

    @Test
    void rawJsonIsCarriedAsReceivedWhenAskedFor() {
        startSimulator(settings -> settings.seed(7).tweetsPerSecond(500).maxTweetsPerConnection(10)
                .keepAliveInterval(Duration.ofMillis(200)));
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.INCLUDE_RAW_JSON, "true");
        PolledTask task = startTask(props);

        List<SourceRecord> records = task.pollUntilWritten(10);

        Map<Long, String> sentJson = sentTweets(10).stream()
                .collect(Collectors.toMap(SentTweet::id, SentTweet::json));
        assertThat(records).hasSize(10).allSatisfy(r ->
                assertThat(((Struct) r.value()).getString(TweetSchema.RAW_JSON)).isEqualTo(sentJson.get((Long) r.key())));
    }

    @Test
    void stopReturnsPromptlyAndLeavesNoStreamThreadBehind() throws Exception {
        // An idle stream: the reader is blocked in a read that only the next keep-alive or the close ends.
        // (The simulator notices the closed connection when it next writes.)
        startSimulator(settings -> settings.seed(7).tweetsPerSecond(500).maxTweetsPerConnection(5)
                .keepAliveInterval(idleKeepAliveInterval()));
        PolledTask task = startTask(config("kafka"));
        task.pollUntilWritten(5);
        assertThat(api.streamThreads()).isNotEmpty();

        CompletableFuture.runAsync(task::stop).get(3, TimeUnit.SECONDS);

        if (readerEndsWithinStop()) {
            assertThat(api.streamThreads()).as("stream threads, the reader and its watchdog, once stop() returned")
                    .isEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.streamThreads().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator().openConnectionCount() == 0);
        assertThat(simulator().connections()).singleElement().satisfies(c -> assertThat(c.open()).isFalse());
    }

    @Test
    void rejectedCredentialsFailTheTaskSayingWhichToCheckWithoutRevealingThem() {
        startSimulator(settings -> api.rejectingTheCredentials(settings.seed(7).keepAliveInterval(Duration.ofMillis(200))));
        Map<String, String> props = config("kafka");
        String[] secrets = api.secrets().toArray(String[]::new);

        if (connectorChecksCredentialsOnStart()) {
            assertThatThrownBy(() -> simulation.tasks().startConnector(props, 1))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageNotContainingAny(secrets);
        }
        PolledTask task = simulation.tasks().start(props);

        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining(credentialsToCheck())
                .hasMessageNotContainingAny(secrets));
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(401);

        task.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> api.streamThreads().isEmpty());
    }
}
