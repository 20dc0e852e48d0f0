package io.tweetstream.connect.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.Fixtures;
import io.tweetstream.connect.tweet.Tweet;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

    @Test
    void mapsClassicTweet() {
        Tweet tweet = Fixtures.tweet("classic.json");

        assertThat(tweet.id()).isEqualTo(1050118621198921728L);
        assertThat(tweet.createdAt()).isEqualTo(Instant.parse("2018-10-10T20:19:24Z"));
        assertThat(tweet.text()).startsWith("To make room for more expression").endsWith("https://t.co/MkGjXf9aXm");
        assertThat(tweet.lang()).isEqualTo("en");
        assertThat(tweet.user().id()).isEqualTo(6253282L);
        assertThat(tweet.user().screenName()).isEqualTo("TwitterAPI");
        assertThat(tweet.user().verified()).isTrue();
        assertThat(tweet.user().followersCount()).isEqualTo(6129794L);
        assertThat(tweet.hashtags()).containsExactly("Kafka");
        assertThat(tweet.links()).containsExactly(
                new Tweet.Link("https://kafka.apache.org/documentation/", "kafka.apache.org/documentation/"));
        assertThat(tweet.retweetedStatus()).isNull();
        assertThat(tweet.quotedStatusId()).isNull();
        assertThat(tweet.inReplyToStatusId()).isNull();
        assertThat(tweet.coordinates()).isNull();
        assertThat(tweet.place()).isNull();
    }

    @Test
    void extendedTweetCarriesFullTextAndItsEntities() {
        Tweet tweet = Fixtures.tweet("extended.json");

        assertThat(tweet.text())
                .hasSizeGreaterThan(140)
                .startsWith("Streaming pipelines are easier than ever")
                .contains("Apache Spark", "@apachekafka", "#dataengineering")
                .doesNotContain("\u2026");
        assertThat(tweet.hashtags()).containsExactly("dataengineering");
        assertThat(tweet.mentions()).containsExactly("apachekafka");
        assertThat(tweet.links()).extracting(Tweet.Link::expandedUrl)
                .containsExactly("https://www.confluent.io/blog/streaming-pipelines");
    }

    @Test
    void retweetOfExtendedTweetCarriesTheOriginalFullText() {
        Tweet retweet = Fixtures.tweet("retweet-of-extended.json");
        Tweet original = Fixtures.tweet("extended.json");

        assertThat(retweet.text()).isEqualTo("RT @TwitterDev: " + original.text());
        assertThat(retweet.retweetedStatus().id()).isEqualTo(original.id());
        assertThat(retweet.retweetedStatus().hashtags()).containsExactly("dataengineering");
        assertThat(retweet.mentions()).containsExactly("TwitterDev");
        assertThat(retweet.user().screenName()).isEqualTo("anasouza");
        assertThat(retweet.user().location()).isEqualTo("São Paulo");
    }

    @Test
    void quoteCarriesTheQuotedTweet() {
        Tweet quote = Fixtures.tweet("quote.json");

        assertThat(quote.quotedStatusId()).isEqualTo(1102401234567890123L);
        assertThat(quote.quotedStatus().text()).contains("nightly batch job");
        assertThat(quote.quotedStatus().user().screenName()).isEqualTo("opsolga");
        assertThat(quote.user().location()).isNull();
    }

    @Test
    void emojiTextAndPlaceSurviveIntact() {
        Tweet tweet = Fixtures.tweet("emoji-with-place.json");

        assertThat(tweet.text()).isEqualTo("¡Qué partidazo! 🔥⚽️🇲🇽 Vamos @miseleccionmx #CopaOro 👏🏽");
        assertThat(tweet.user().name()).isEqualTo("Lucía ✨");
        assertThat(tweet.coordinates()).isEqualTo(new Tweet.Coordinates(19.4326, -99.1332));
        assertThat(tweet.place()).isEqualTo(new Tweet.Place("25530ba03b7d90c6", "Ciudad de México",
                "Ciudad de México, Distrito Federal", "MX", "México", "city"));
        assertThat(tweet.mentions()).containsExactly("miseleccionmx");
        assertThat(tweet.hashtags()).containsExactly("CopaOro");
    }

    @Test
    void replyWithoutPlaceKeepsItsReplyTarget() {
        Tweet tweet = Fixtures.tweet("reply-no-place.json");

        assertThat(tweet.inReplyToStatusId()).isEqualTo(1219520000000000000L);
        assertThat(tweet.lang()).isEqualTo("ja");
        assertThat(tweet.text()).contains("Spark Structured Streaming");
        assertThat(tweet.place()).isNull();
        assertThat(tweet.coordinates()).isNull();
    }

    @Test
    void keepsRawJsonWhenGiven() {
        String json = Fixtures.json("classic.json");

        Tweet tweet = StatusMapper.toTweet(Fixtures.status("classic.json"), json);

        assertThat(tweet.rawJson()).isEqualTo(json);
    }
}
