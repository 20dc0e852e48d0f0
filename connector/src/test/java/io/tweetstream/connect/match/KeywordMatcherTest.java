package io.tweetstream.connect.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.tweet.Tweet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Cases from Twitter's documentation of the track parameter, and the entity fields it names. */
class KeywordMatcherTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "Twitter | TWITTER",
            "Twitter | twitter",
            "Twitter | \"Twitter\"",
            "Twitter | twitter.",
            "Twitter | #twitter",
            "Twitter | @twitter",
            "Twitter's | I like Twitter's new design",
            "twitter api | The Twitter API is awesome",
            "twitter streaming | The twitter streaming service is fast",
            "twitter api | Twitter has a streaming API",
            "example.com | Someday I will visit example.com",
            "🔥 | so good 🔥",
            "#kafka | we love kafka",
            "café | Un café, s'il vous plaît"
    })
    void matchesText(String phrase, String text) {
        assertThat(new KeywordMatcher(List.of(phrase)).matches(TestTweets.text(text))).containsExactly(phrase);
    }

    @ParameterizedTest(name = "''{0}'' does not match ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "Twitter | TwitterTracker",
            "Twitter | #newtwitter",
            "Twitter's | Someday I'd like to visit @Twitter's office",
            "twitter api | I'm new to Twitter",
            "example.com | There is no example.com/foobarbaz",
            "東京 | 東京に行きます"
    })
    void doesNotMatchText(String phrase, String text) {
        assertThat(new KeywordMatcher(List.of(phrase)).matches(TestTweets.text(text))).isEmpty();
    }

    @Test
    void matchesHashtagsMentionsAndUrlEntities() {
        KeywordMatcher matcher = new KeywordMatcher(List.of("spark", "apachekafka", "confluent", "kafka.apache.org/documentation"));

        Tweet tweet = TestTweets.tweet("see https://t.co/x and https://t.co/y", List.of("Spark"), List.of("ApacheKafka"),
                List.of(new Tweet.Link("https://www.confluent.io/blog/", "confluent.io/blog/"),
                        new Tweet.Link("https://kafka.apache.org/documentation/", "kafka.apache.org/documentation/")));

        assertThat(matcher.matches(tweet))
                .containsExactly("spark", "apachekafka", "confluent", "kafka.apache.org/documentation");
    }

    @Test
    void urlMatchesWithOrWithoutWww() {
        Tweet tweet = TestTweets.tweet("link https://t.co/z", List.of(), List.of(),
                List.of(new Tweet.Link("http://www.example.com/foobarbaz", "example.com/foobarbaz")));

        assertThat(new KeywordMatcher(List.of("example.com/foobarbaz", "www.example.com/foobarbaz", "example"))
                .matches(tweet)).containsExactly("example.com/foobarbaz", "www.example.com/foobarbaz", "example");
    }

    @Test
    void retweetMatchesOnTheOriginal() {
        Tweet original = TestTweets.tweet("Spark 4 is out", List.of("bigdata"), List.of(), List.of());

        assertThat(new KeywordMatcher(List.of("spark", "bigdata", "flink")).matches(TestTweets.retweetOf(original)))
                .containsExactly("spark", "bigdata");
    }

    @Test
    void quoteMatchesOnTheQuotedTweet() {
        Tweet quoted = TestTweets.text("Kafka Connect made our ingestion boring, in a good way");

        assertThat(new KeywordMatcher(List.of("kafka connect")).matches(TestTweets.quoteOf(quoted, "so true")))
                .containsExactly("kafka connect");
    }

    @Test
    void reportsEveryMatchedPhraseInConfigurationOrder() {
        KeywordMatcher matcher = new KeywordMatcher(List.of("spark", "java", "apache kafka", "flink"));

        assertThat(matcher.matches(TestTweets.text("Kafka by Apache, with Spark and Java")))
                .containsExactly("spark", "java", "apache kafka");
    }

    @Test
    void noPhrasesMatchNothing() {
        assertThat(new KeywordMatcher(List.of()).matches(TestTweets.text("anything"))).isEmpty();
    }
}
