package io.tweetstream.connect.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tweetstream.connect.Fixtures;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent.GeoScrubbed;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamEvent.TweetWithheld;
import io.tweetstream.connect.core.StreamEvent.UserWithheld;
import io.tweetstream.connect.core.StreamFailure;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.match.KeywordMatcher;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import twitter4j.JSONException;
import twitter4j.TwitterException;

class StatusEventListenerTest {

    private final StreamStats stats = new StreamStats();
    private final EventBuffer buffer = new EventBuffer(10, stats);
    private final StatusEventListener listener =
        new StatusEventListener(buffer, stats, false, new KeywordMatcher(List.of("kafka", "streaming")),
            "http://127.0.0.1:1/1.1/statuses/filter.json");

    private static TwitterException httpError(int status) {
        return new TwitterException("{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}", null, status);
    }

    @Test
    void statusIsHandedOverAsTweet() throws InterruptedException {
        listener.onStatus(Fixtures.status("classic.json"));

        assertThat(buffer.drain(10, 10)).singleElement()
            .isInstanceOfSatisfying(TweetReceived.class, e -> {
                assertThat(e.tweet().id()).isEqualTo(1050118621198921728L);
                assertThat(e.matchedKeywords()).containsExactly("kafka");
            });
        assertThat(stats.get(StreamCounter.TWEETS_RECEIVED)).isEqualTo(1);
    }

    @Test
    void unauthorizedFailsTheStreamWithAClearMessage() {
        listener.onException(httpError(401));

        assertThatThrownBy(() -> buffer.drain(1, 1))
            .isInstanceOf(StreamFailure.class)
            .hasMessageContaining("HTTP 401")
            .hasMessageContaining("access token");
    }

    @Test
    void forbiddenAndNotAcceptableFailTheStream() {
        StatusEventListener other = new StatusEventListener(buffer, stats, false, new KeywordMatcher(List.of()), "x");
        other.onException(httpError(406));

        assertThatThrownBy(() -> buffer.drain(1, 1)).hasMessageContaining("HTTP 406").hasMessageContaining("track keywords");
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedNotFatal() throws InterruptedException {
        listener.onException(httpError(420));
        listener.onException(httpError(429));
        listener.onException(httpError(503));

        assertThat(buffer.drain(1, 1)).isEmpty();
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isZero();
    }

    @Test
    void networkErrorsAreRetriedNotCountedAsSkips() throws InterruptedException {
        listener.onException(new TwitterException("Stream closed.", new IOException("Connection reset")));

        assertThat(buffer.drain(1, 1)).isEmpty();
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isZero();
    }

    @Test
    void unparseableMessageIsSkippedAndCounted() throws InterruptedException {
        listener.onException(new JSONException("Unterminated string at 57 [character 58 line 1]"));
        listener.onException(new TwitterException(new JSONException("JSONObject[\"id\"] not found.")));

        assertThat(buffer.drain(1, 1)).isEmpty();
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(2);
    }

    @Test
    void limitNoticesAreAddedUp() {
        listener.onConnect();
        listener.onTrackLimitationNotice(12);
        listener.onTrackLimitationNotice(30);

        assertThat(stats.get(StreamCounter.LIMIT_UNDELIVERED)).isEqualTo(30);
        assertThat(stats.get(StreamCounter.CONNECTS)).isEqualTo(1);
    }

    @Test
    void statusWithheldNoticeBecomesAnEventAndIsCounted() throws InterruptedException {
        listener.onMessage(Fixtures.json("status-withheld.json"));

        assertThat(buffer.drain(10, 10)).singleElement().isInstanceOfSatisfying(TweetWithheld.class, e -> {
            assertThat(e.tweetId()).isEqualTo(1861100000000000181L);
            assertThat(e.userId()).isEqualTo(55555555L);
            assertThat(e.countries()).containsExactly("DE", "FR");
        });
        assertThat(stats.get(StreamCounter.WITHHELD)).isEqualTo(1);
    }

    @Test
    void userWithheldNoticeBecomesAnEventAndIsCounted() throws InterruptedException {
        listener.onMessage(Fixtures.json("user-withheld.json"));

        assertThat(buffer.drain(10, 10)).singleElement().isInstanceOfSatisfying(UserWithheld.class, e -> {
            assertThat(e.userId()).isEqualTo(3333333333L);
            assertThat(e.countries()).containsExactly("TR");
        });
        assertThat(stats.get(StreamCounter.WITHHELD)).isEqualTo(1);
    }

    @Test
    void scrubGeoNoticeBecomesAnEventAndIsCounted() throws InterruptedException {
        // Twitter4j parses scrub_geo itself and calls back with its two ids.
        listener.onMessage(Fixtures.json("scrub-geo.json"));
        listener.onScrubGeo(98765432L, 1861100000000000202L);

        assertThat(buffer.drain(10, 10)).singleElement().isInstanceOfSatisfying(GeoScrubbed.class, e -> {
            assertThat(e.userId()).isEqualTo(98765432L);
            assertThat(e.upToTweetId()).isEqualTo(1861100000000000202L);
        });
        assertThat(stats.get(StreamCounter.SCRUB_GEO)).isEqualTo(1);
        assertThat(stats.get(StreamCounter.WITHHELD)).isZero();
    }

    @Test
    void aStatusOrAnotherNoticeIsNoWithheldNotice() throws InterruptedException {
        listener.onMessage(Fixtures.json("withheld.json"));
        listener.onMessage("{\"delete\":{\"status\":{\"id\":1,\"user_id\":2}}}");

        assertThat(buffer.drain(10, 10)).isEmpty();
        assertThat(stats.get(StreamCounter.WITHHELD)).isZero();
    }

    @Test
    void aStatusIsMappedWithTheLineItCameIn() throws InterruptedException {
        listener.onMessage(Fixtures.json("photo.json"));
        listener.onStatus(Fixtures.status("photo.json"));

        TweetReceived received = (TweetReceived) buffer.drain(10, 10).get(0);
        assertThat(received.tweet().media()).extracting(m -> m.type()).containsExactly("photo");
        assertThat(received.tweet().rawJson()).isNull();
    }

    @Test
    void aConnectionErrorReportedToBothListenerRolesIsHandledOnce() throws InterruptedException {
        JSONException unreadable = new JSONException("Unterminated string");

        // Twitter4j tells its status listeners, then its raw listeners: this listener is both.
        listener.onException(unreadable);
        listener.onException(unreadable);

        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(1);
    }

    @Test
    void aMessageTwitter4jMakesNoCallbackOfIsCountedAsSkippedWhenTheNextOneComes() throws InterruptedException {
        String status = Fixtures.json("classic.json");
        listener.onMessage(status);
        listener.onStatus(Fixtures.status("classic.json"));
        listener.onMessage("{\"brand_new_notice\":{\"id\":1}}");

        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isZero();

        listener.onMessage(status);
        listener.onStatus(Fixtures.status("classic.json"));

        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(1);
        assertThat(buffer.drain(10, 10)).hasSize(2);
        listener.onMessage("{\"another_new_notice\":{}}");
        listener.onDisconnect();
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).as("counted when the connection ends").isEqualTo(2);
    }

    @Test
    void aDisconnectMessageIsCountedAsAStreamErrorNotAsSkipped() {
        listener.onMessage("{\"disconnect\":{\"code\":7,\"stream_name\":\"tweetstream-statuses\","
            + "\"reason\":\"admin logout\"}}");
        listener.onDisconnect();

        assertThat(stats.get(StreamCounter.STREAM_ERRORS)).isEqualTo(1);
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isZero();
    }
}
