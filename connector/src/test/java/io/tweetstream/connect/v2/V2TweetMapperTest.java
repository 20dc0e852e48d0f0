package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.tweet.Tweet;
import org.junit.jupiter.api.Test;

/** Real-shaped v2 stream lines through the handler and the mapper, one case each. */
class V2TweetMapperTest {

    @Test
    void retweetHasTheOriginalsTextAndEntitiesUnescaped() {
        Tweet retweet = V2Fixtures.tweet("retweet-with-entities.json");

        assertThat(retweet.text()).isEqualTo("RT @XDevelopers: Kafka & Flink, exactly-once end to end with @ApacheFlink."
                + " Read the whole guide before Friday's meetup: https://t.co/gU1dE0kFa1 #Kafka #Flink");
        assertThat(retweet.hashtags()).containsExactly("Kafka", "Flink");
        assertThat(retweet.mentions()).containsExactly("ApacheFlink");
        assertThat(retweet.links()).extracting(Tweet.Link::expandedUrl)
                .containsExactly("https://kafka.apache.org/documentation/streams/");
        assertThat(retweet.retweet().originalId()).isEqualTo(1861100000000000101L);
        assertThat(retweet.retweet().authorId()).isEqualTo(2244994945L);
        assertThat(retweet.retweet().authorScreenName()).isEqualTo("XDevelopers");
        assertThat(retweet.user().screenName()).isEqualTo("anasouza");
        assertThat(retweet.lacksReferencedContent()).isFalse();
    }

    @Test
    void retweetOfALongPostHasTheNoteTextAndTheNotesEntities() {
        Tweet retweet = V2Fixtures.tweet("retweet-of-long-post.json");

        assertThat(retweet.text()).startsWith("RT @XDevelopers: Everything new in Kafka 4.4")
                .contains("Streams & Connect fixes <for> everyone")
                .endsWith("Release notes: https://t.co/ReLNoTe444 #Kafka #Release");
        assertThat(retweet.hashtags()).containsExactly("Kafka", "Release");
        assertThat(retweet.mentions()).containsExactly("confluentinc");
        assertThat(retweet.links()).extracting(Tweet.Link::expandedUrl)
                .containsExactly("https://kafka.apache.org/blog#apache_kafka_440_release_announcement");
    }

    @Test
    void retweetOfAnUnavailableOriginalStaysARetweetWithXsText() {
        Tweet retweet = V2Fixtures.tweet("retweet-original-unavailable.json");

        assertThat(retweet.retweet().originalId()).isEqualTo(1861100000000000121L);
        assertThat(retweet.retweetedStatus()).isNull();
        // X's own truncated text, unescaped: the best there is, and recognisably a retweet.
        assertThat(retweet.text()).isEqualTo("RT @ghost_writer: Deleted thoughts on Kafka & consensus protocols, which"
                + " nobody can read any more once this post is gone from X for good #K…");
        assertThat(retweet.retweet().authorScreenName()).isEqualTo("ghost_writer");
        assertThat(retweet.retweet().authorId()).isNull();
        assertThat(retweet.mentions()).containsExactly("ghost_writer");
        assertThat(retweet.hashtags()).isEmpty();
        assertThat(retweet.lacksReferencedContent()).isTrue();
    }

    @Test
    void retweetWhoseOriginalsAuthorIsMissingTakesTheNameFromItsOwnText() {
        Tweet retweet = V2Fixtures.tweet("retweet-author-missing.json");

        assertThat(retweet.text()).isEqualTo(V2Fixtures.tweet("retweet-with-entities.json").text());
        assertThat(retweet.hashtags()).containsExactly("Kafka", "Flink");
        assertThat(retweet.retweet().authorScreenName()).isEqualTo("XDevelopers");
        assertThat(retweet.retweet().authorId()).isNull();
        assertThat(retweet.lacksReferencedContent()).isTrue();
    }

    @Test
    void quoteWhoseQuotedAuthorIsMissingIsWrittenAndCounted() throws InterruptedException {
        StreamStats stats = new StreamStats();
        EventBuffer buffer = new EventBuffer(1, stats);

        new V2MessageHandler(buffer, stats, null, false, V2Fixtures.unlimitedBudget())
                .handle(V2Fixtures.line("quote-author-missing.json"));

        Tweet quote = ((TweetReceived) buffer.drain(1, 1).get(0)).tweet();
        assertThat(quote.quotedStatusId()).isEqualTo(1861100000000000131L);
        assertThat(quote.quotedStatus().text()).startsWith("Our nightly batch job failed again");
        assertThat(quote.quotedStatus().user()).isNull();
        assertThat(quote.user().screenName()).isEqualTo("datadave");
        assertThat(stats.get(StreamCounter.INCOMPLETE_REFERENCES)).isEqualTo(1);
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isZero();
        assertThat(stats.get(StreamCounter.TWEETS_RECEIVED)).isEqualTo(1);
    }

    @Test
    void textIsUnescapedAsTwitter4jUnescapesIt() {
        assertThat(V2Fixtures.tweet("html-escaped.json").text())
                .isEqualTo("Q&A tonight: is <exactly-once> worth it? Kafka && Flink >= batch. In HTML you write &lt; for < #Kafka");
    }

    @Test
    void photoIsMediaWithTheNumericIdAndItsLinkIsNotAUrl() {
        Tweet tweet = V2Fixtures.tweet("photo.json");

        assertThat(tweet.media()).containsExactly(new Tweet.Media(1861100000000000150L, "photo",
                "https://pbs.twimg.com/media/GdKafkaStage1.jpg",
                "A packed hall facing a stage with the Kafka logo on a large screen"));
        assertThat(tweet.links()).extracting(Tweet.Link::expandedUrl)
                .containsExactly("https://www.confluent.io/kafka-summit/slides/");
    }

    @Test
    void videoHasItsPreviewImage() {
        Tweet tweet = V2Fixtures.tweet("video.json");

        assertThat(tweet.media()).containsExactly(new Tweet.Media(1861100000000000160L, "video",
                "https://pbs.twimg.com/ext_tw_video_thumb/1861100000000000160/pu/img/KeynoteThumb.jpg", null));
        assertThat(tweet.links()).isEmpty();
    }

    @Test
    void editHistoryWithheldSensitivityAndConversationAreMapped() {
        assertThat(V2Fixtures.tweet("edited.json").editHistoryTweetIds())
                .containsExactly(1861100000000000171L, 1861100000000000172L);
        assertThat(V2Fixtures.tweet("withheld.json").withheldCountries()).containsExactly("DE", "FR");
        assertThat(V2Fixtures.tweet("tweet.json").withheldCountries()).isEmpty();
        assertThat(V2Fixtures.tweet("possibly-sensitive.json").possiblySensitive()).isTrue();
        assertThat(V2Fixtures.tweet("reply-with-parent.json").conversationId()).isEqualTo(1861100000000000201L);
    }

    @Test
    void replyKeepsItsParentsId() {
        Tweet reply = V2Fixtures.tweet("reply-with-parent.json");

        assertThat(reply.inReplyToStatusId()).isEqualTo(1861100000000000201L);
        assertThat(reply.lacksReferencedContent()).isFalse();
    }

    @Test
    void mediaKeyGivesTheNumericMediaId() {
        assertThat(V2TweetMapper.mediaId("3_1861100000000000150")).isEqualTo(1861100000000000150L);
        assertThat(V2TweetMapper.mediaId("16_42")).isEqualTo(42L);
    }
}
