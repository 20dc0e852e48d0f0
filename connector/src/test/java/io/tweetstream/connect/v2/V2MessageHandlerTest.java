package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.tweet.Tweet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** X API v2 stream lines, as X documents them, through the handler and the mapper. */
class V2MessageHandlerTest {

    private final StreamStats stats = new StreamStats();
    private final EventBuffer buffer = new EventBuffer(10, stats);
    private final V2MessageHandler handler = new V2MessageHandler(buffer, stats, new TaskShare("tweets", 0, 2), false,
            V2Fixtures.unlimitedBudget());

    private static byte[] fixture(String name) {
        try (InputStream in = V2MessageHandlerTest.class.getResourceAsStream("/v2/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TweetReceived handOver(byte[] line) throws InterruptedException {
        assertThat(handler.handle(line)).isEqualTo(V2MessageHandler.Outcome.CONTINUE);
        List<StreamEvent> events = buffer.drain(10, 10);
        assertThat(events).hasSize(1);
        return (TweetReceived) events.get(0);
    }

    @Test
    void aTweetGetsEveryFieldOfTheRecordAndItsKeyword() throws InterruptedException {
        TweetReceived received = handOver(fixture("tweet.json"));
        Tweet tweet = received.tweet();

        assertThat(received.matchedKeywords()).containsExactly("kafka");
        assertThat(tweet.id()).isEqualTo(1861000000000000001L);
        assertThat(tweet.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
        assertThat(tweet.text()).isEqualTo("@confluentinc streams all the things #Kafka https://t.co/abc123XYZ");
        assertThat(tweet.lang()).isEqualTo("en");
        assertThat(tweet.user().id()).isEqualTo(2244994945L);
        assertThat(tweet.user().screenName()).isEqualTo("XDevelopers");
        assertThat(tweet.user().name()).isEqualTo("Developers");
        assertThat(tweet.user().location()).isEqualTo("Internet");
        assertThat(tweet.user().verified()).isTrue();
        assertThat(tweet.user().followersCount()).isEqualTo(583423);
        assertThat(tweet.user().friendsCount()).isEqualTo(2048);
        assertThat(tweet.hashtags()).containsExactly("Kafka");
        assertThat(tweet.mentions()).containsExactly("confluentinc");
        assertThat(tweet.links()).containsExactly(
                new Tweet.Link("https://kafka.apache.org/documentation/", "kafka.apache.org/documentation/"));
        assertThat(tweet.retweetedStatus()).isNull();
        assertThat(tweet.quotedStatusId()).isNull();
        assertThat(tweet.inReplyToStatusId()).isNull();
        assertThat(tweet.coordinates()).isNull();
        assertThat(tweet.place()).isNull();
        assertThat(tweet.rawJson()).isNull();
        assertThat(stats.get(StreamCounter.TWEETS_RECEIVED)).isEqualTo(1);
    }

    @Test
    void aRetweetCarriesTheOriginalsFullTextLikeTheV1Path() throws InterruptedException {
        Tweet tweet = handOver(fixture("retweet.json")).tweet();

        assertThat(tweet.text()).isEqualTo("RT @XDevelopers: A long original about Apache Kafka and stream processing"
                + " that X truncates in the retweet's own text because the retweet prefix takes room #Kafka");
        assertThat(tweet.user().screenName()).isEqualTo("retweeter");
        assertThat(tweet.retweetedStatus().id()).isEqualTo(1861000000000000002L);
        assertThat(tweet.retweetedStatus().user().screenName()).isEqualTo("XDevelopers");
        assertThat(tweet.retweetedStatus().hashtags()).containsExactly("Kafka");
    }

    @Test
    void aLongPostHasTheWholeNoteTextAndAllItsKeywords() throws InterruptedException {
        TweetReceived received = handOver(fixture("long-post.json"));

        assertThat(received.tweet().text()).endsWith("sends the whole post in note_tweet. #Kafka #Release");
        assertThat(received.tweet().hashtags()).containsExactly("Kafka", "Release");
        assertThat(received.matchedKeywords()).containsExactly("kafka", "apache kafka");
    }

    @Test
    void placeCoordinatesQuoteAndReplyAreMapped() throws InterruptedException {
        Tweet tweet = handOver(fixture("place-quote-reply.json")).tweet();

        assertThat(tweet.coordinates()).isEqualTo(new Tweet.Coordinates(40.73, -73.99));
        assertThat(tweet.place()).isEqualTo(new Tweet.Place("01a9a39529b27f36", "Manhattan", "Manhattan, NY", "US",
                "United States", "city"));
        assertThat(tweet.inReplyToStatusId()).isEqualTo(1861000000000000005L);
        assertThat(tweet.quotedStatusId()).isEqualTo(1861000000000000001L);
        assertThat(tweet.quotedStatus().text()).isEqualTo("quoted original");
    }

    @Test
    void rawJsonIsTheLineAsReceivedWhenKept() throws InterruptedException {
        V2MessageHandler keeping = new V2MessageHandler(buffer, stats, new TaskShare("tweets", 0, 1), true,
                V2Fixtures.unlimitedBudget());
        byte[] line = fixture("tweet.json");

        keeping.handle(line);

        assertThat(((TweetReceived) buffer.drain(1, 10).get(0)).tweet().rawJson())
                .isEqualTo(new String(line, StandardCharsets.UTF_8));
    }

    @Test
    void theSampleStreamWritesEveryTweetWithoutKeywords() throws InterruptedException {
        V2MessageHandler sample = new V2MessageHandler(buffer, stats, null, false, V2Fixtures.unlimitedBudget());

        sample.handle(fixture("tweet.json"));

        assertThat(((TweetReceived) buffer.drain(1, 10).get(0)).matchedKeywords()).isEmpty();
    }

    @Test
    void tweetsOfAnotherTaskOrAnotherUsersRulesAreCountedNotWritten() throws InterruptedException {
        String tweet = new String(fixture("tweet.json"), StandardCharsets.UTF_8);

        handler.handle(tweet.replace("tweetstream:tweets:0:kafka", "tweetstream:tweets:1:kafka").getBytes(StandardCharsets.UTF_8));
        handler.handle(tweet.replace("tweetstream:tweets:0:kafka", "cats with media").getBytes(StandardCharsets.UTF_8));

        assertThat(buffer.drain(10, 10)).isEmpty();
        assertThat(stats.get(StreamCounter.LEFT_TO_OTHER_TASKS)).isEqualTo(1);
        assertThat(stats.get(StreamCounter.UNMATCHED)).isEqualTo(1);
        assertThat(stats.get(StreamCounter.TWEETS_RECEIVED)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":{\"id\":\"1\",\"text\":\"x\"",
        "not json at all",
        "[1,2,3]",
        "{}",
        "{\"data\":{\"id\":\"1\",\"text\":\"no author\",\"created_at\":\"2026-11-25T10:15:30.000Z\",\"author_id\":\"9\"},"
                + "\"matching_rules\":[{\"id\":\"1\",\"tag\":\"tweetstream:tweets:0:kafka\"}]}",
        "{\"data\":{\"id\":\"x1\",\"text\":\"bad id\",\"created_at\":\"2026-11-25T10:15:30.000Z\",\"author_id\":\"9\"},"
                + "\"includes\":{\"users\":[{\"id\":\"9\",\"username\":\"u\"}]},"
                + "\"matching_rules\":[{\"id\":\"1\",\"tag\":\"tweetstream:tweets:0:kafka\"}]}",
        "{\"data\":{\"id\":\"1\",\"text\":\"bad date\",\"created_at\":\"yesterday\",\"author_id\":\"9\"},"
                + "\"includes\":{\"users\":[{\"id\":\"9\",\"username\":\"u\"}]},"
                + "\"matching_rules\":[{\"id\":\"1\",\"tag\":\"tweetstream:tweets:0:kafka\"}]}",
    })
    void unreadableOrIncompleteMessagesAreSkippedAndCounted(String line) throws InterruptedException {
        assertThat(handler.handle(line.getBytes(StandardCharsets.UTF_8))).isEqualTo(V2MessageHandler.Outcome.CONTINUE);

        assertThat(buffer.drain(10, 10)).isEmpty();
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(1);
    }

    @Test
    void invalidUtf8IsSkippedAndCounted() throws InterruptedException {
        byte[] line = {'{', '"', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        handler.handle(line);

        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(1);
    }

    @Test
    void anOperationalDisconnectIsCountedAndEndsTheConnection() throws InterruptedException {
        String line = "{\"errors\":[{\"title\":\"operational-disconnect\",\"disconnect_type\":\"UpstreamOperationalDisconnect\","
                + "\"detail\":\"This stream has been disconnected upstream for operational reasons.\","
                + "\"type\":\"https://api.twitter.com/2/problems/operational-disconnect\"}]}";

        assertThat(handler.handle(line.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(V2MessageHandler.Outcome.DISCONNECTED_BY_X);
        assertThat(stats.get(StreamCounter.STREAM_ERRORS)).isEqualTo(1);
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isZero();
    }

    @Test
    void otherStreamErrorsAreCountedAndReadingGoesOn() throws InterruptedException {
        String line = "{\"errors\":[{\"title\":\"ConnectionException\",\"detail\":\"Something upstream\","
                + "\"type\":\"https://api.twitter.com/2/problems/streaming-connection\"}]}";

        assertThat(handler.handle(line.getBytes(StandardCharsets.UTF_8))).isEqualTo(V2MessageHandler.Outcome.CONTINUE);
        assertThat(stats.get(StreamCounter.STREAM_ERRORS)).isEqualTo(1);
    }

    @Test
    void partialErrorsBesideATweetDoNotStopIt() throws InterruptedException {
        String tweet = new String(fixture("tweet.json"), StandardCharsets.UTF_8);
        String withErrors = tweet.substring(0, tweet.length() - 1)
                + ",\"errors\":[{\"title\":\"Not Found Error\",\"resource_type\":\"tweet\",\"value\":\"5\"}]}";

        assertThat(handOver(withErrors.getBytes(StandardCharsets.UTF_8)).tweet().id()).isEqualTo(1861000000000000001L);
        assertThat(stats.get(StreamCounter.STREAM_ERRORS)).isZero();
    }
}
