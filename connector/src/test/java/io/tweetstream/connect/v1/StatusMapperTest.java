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
        assertThat(retweet.user().screenName()).isEqualTo("anasouza");
        assertThat(retweet.user().location()).isEqualTo("São Paulo");
    }

    @Test
    void retweetOfExtendedTweetHasTheEntitiesOfTheOriginalsExtendedTweet() {
        Tweet retweet = Fixtures.tweet("retweet-of-extended.json");

        // The retweet's own entities name only the retweeted author; the original's full text has these.
        assertThat(retweet.hashtags()).containsExactly("dataengineering");
        assertThat(retweet.mentions()).containsExactly("apachekafka");
        assertThat(retweet.links()).extracting(Tweet.Link::expandedUrl)
                .containsExactly("https://www.confluent.io/blog/streaming-pipelines");
        assertThat(retweet.retweet()).isEqualTo(new Tweet.Retweet(926155911127920640L, retweet.retweetedStatus(),
                2244994945L, "TwitterDev"));
    }

    @Test
    void retweetHasTheOriginalsEntitiesNotThoseTheTruncationLeft() {
        Tweet retweet = Fixtures.tweet("retweet-with-entities.json");

        assertThat(retweet.text()).isEqualTo("RT @XDevelopers: Kafka & Flink, exactly-once end to end with @ApacheFlink."
                + " Read the whole guide before Friday's meetup: https://t.co/gU1dE0kFa1 #Kafka #Flink");
        assertThat(retweet.hashtags()).containsExactly("Kafka", "Flink");
        assertThat(retweet.mentions()).containsExactly("ApacheFlink");
        assertThat(retweet.links()).extracting(Tweet.Link::expandedUrl)
                .containsExactly("https://kafka.apache.org/documentation/streams/");
        assertThat(retweet.retweet().authorId()).isEqualTo(2244994945L);
        assertThat(retweet.retweet().authorScreenName()).isEqualTo("XDevelopers");
    }

    @Test
    void htmlEscapedTextIsUnescapedOnce() {
        assertThat(Fixtures.tweet("html-escaped.json").text())
                .isEqualTo("Q&A tonight: is <exactly-once> worth it? Kafka && Flink >= batch. In HTML you write &lt; for < #Kafka");
    }

    @Test
    void photoIsMediaAndItsLinkIsNotAUrl() {
        Tweet tweet = Fixtures.tweet("photo.json");

        assertThat(tweet.media()).containsExactly(new Tweet.Media(1861100000000000150L, "photo",
                "https://pbs.twimg.com/media/GdKafkaStage1.jpg",
                "A packed hall facing a stage with the Kafka logo on a large screen"));
        assertThat(tweet.links()).extracting(Tweet.Link::expandedUrl)
                .containsExactly("https://www.confluent.io/kafka-summit/slides/");
    }

    @Test
    void videoOfAnExtendedTweetKeepsItsTypeWhichTwitter4jLoses() {
        Tweet tweet = Fixtures.tweet("video.json");

        // Twitter4j reads extended_tweet.entities.media, where the video shows as its preview photo.
        assertThat(Fixtures.status("video.json").getMediaEntities()).extracting(m -> m.getType()).containsExactly("photo");
        assertThat(tweet.media()).containsExactly(new Tweet.Media(1861100000000000160L, "video",
                "https://pbs.twimg.com/ext_tw_video_thumb/1861100000000000160/pu/img/KeynoteThumb.jpg", null));
        assertThat(tweet.links()).isEmpty();
        assertThat(tweet.text()).endsWith("not a single message lost along the way #Kafka https://t.co/ViDeOLnk01");
    }

    @Test
    void editedPostCarriesItsHistoryOldestFirst() {
        assertThat(Fixtures.tweet("edited.json").editHistoryTweetIds())
                .containsExactly(1861100000000000171L, 1861100000000000172L);
        // statuses/filter never carried edit metadata.
        assertThat(Fixtures.tweet("classic.json").editHistoryTweetIds()).isNull();
    }

    @Test
    void withheldCountriesAndSensitivityAreMapped() {
        assertThat(Fixtures.tweet("withheld.json").withheldCountries()).containsExactly("DE", "FR");
        assertThat(Fixtures.tweet("classic.json").withheldCountries()).isEmpty();
        assertThat(Fixtures.tweet("possibly-sensitive.json").possiblySensitive()).isTrue();
        assertThat(Fixtures.tweet("classic.json").possiblySensitive()).isFalse();
        // v1.1 sends the flag only with a link or media: none means not sensitive.
        assertThat(Fixtures.tweet("emoji-with-place.json").possiblySensitive()).isFalse();
        assertThat(Fixtures.tweet("classic.json").conversationId()).isNull();
    }

    @Test
    void replyKeepsItsParentsId() {
        Tweet reply = Fixtures.tweet("reply-with-parent.json");

        assertThat(reply.inReplyToStatusId()).isEqualTo(1861100000000000201L);
        assertThat(reply.mentions()).containsExactly("datadave");
        assertThat(reply.retweet()).isNull();
    }

    @Test
    void anEmptyLocationIsNoLocationAsOnV2() throws Exception {
        String json = Fixtures.json("classic.json").replace("\"location\":\"San Francisco, CA\"", "\"location\":\"\"");

        Tweet tweet = StatusMapper.toTweet(twitter4j.TwitterObjectFactory.createStatus(json), json, false);

        assertThat(tweet.user().location()).isNull();
    }

    @Test
    void withoutTheJsonTheFieldsOnlyTheJsonHasAreNull() {
        Tweet tweet = StatusMapper.toTweet(Fixtures.status("photo.json"), null);

        assertThat(tweet.media()).isNull();
        assertThat(tweet.rawJson()).isNull();
        assertThat(tweet.id()).isEqualTo(1861100000000000151L);
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

        Tweet tweet = StatusMapper.toTweet(Fixtures.status("classic.json"), json, true);

        assertThat(tweet.rawJson()).isEqualTo(json);
    }
}
