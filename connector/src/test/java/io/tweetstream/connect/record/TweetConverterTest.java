package io.tweetstream.connect.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.Fixtures;
import io.tweetstream.connect.v1.StatusMapper;
import io.tweetstream.connect.tweet.Tweet;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TweetConverterTest {

    @ParameterizedTest
    @ValueSource(strings = {"classic.json", "extended.json", "retweet-of-extended.json", "quote.json",
            "emoji-with-place.json", "reply-no-place.json"})
    void everyFixtureConvertsToAValidStruct(String fixture) {
        Tweet tweet = Fixtures.tweet(fixture);

        Struct struct = TweetConverter.toStruct(tweet, List.of("kafka"));

        struct.validate();
        assertThat(struct.getInt64(TweetSchema.ID)).isEqualTo(tweet.id());
        assertThat(struct.get(TweetSchema.CREATED_AT)).isEqualTo(Date.from(tweet.createdAt()));
        assertThat(struct.getString(TweetSchema.TEXT)).isEqualTo(tweet.text());
        assertThat(struct.getStruct(TweetSchema.USER).getString(TweetSchema.USER_SCREEN_NAME))
                .isEqualTo(tweet.user().screenName());
    }

    @Test
    void extendedTweetStructHasFullTextAndExpandedUrls() {
        Struct struct = TweetConverter.toStruct(Fixtures.tweet("extended.json"), List.of("apache spark"));

        assertThat(struct.getString(TweetSchema.TEXT)).hasSizeGreaterThan(140).contains("6,000 tweets a second");
        assertThat(struct.getArray(TweetSchema.HASHTAGS)).containsExactly("dataengineering");
        assertThat(struct.getArray(TweetSchema.MENTIONS)).containsExactly("apachekafka");
        assertThat(struct.getArray(TweetSchema.URLS)).containsExactly("https://www.confluent.io/blog/streaming-pipelines");
        assertThat(struct.getArray(TweetSchema.MATCHED_KEYWORDS)).containsExactly("apache spark");
        assertThat(struct.getString(TweetSchema.LANG)).isEqualTo("en");
    }

    @Test
    void retweetAndQuoteCarryTheIdsTheyPointTo() {
        Struct retweet = TweetConverter.toStruct(Fixtures.tweet("retweet-of-extended.json"), List.of());
        Struct quote = TweetConverter.toStruct(Fixtures.tweet("quote.json"), List.of());

        assertThat(retweet.getInt64(TweetSchema.RETWEETED_STATUS_ID)).isEqualTo(926155911127920640L);
        assertThat(retweet.getInt64(TweetSchema.QUOTED_STATUS_ID)).isNull();
        assertThat(quote.getInt64(TweetSchema.QUOTED_STATUS_ID)).isEqualTo(1102401234567890123L);
        assertThat(quote.getInt64(TweetSchema.RETWEETED_STATUS_ID)).isNull();
    }

    @Test
    void placeAndCoordinatesArePresentOnlyWhenTheTweetHasThem() {
        Struct located = TweetConverter.toStruct(Fixtures.tweet("emoji-with-place.json"), List.of());
        Struct unlocated = TweetConverter.toStruct(Fixtures.tweet("reply-no-place.json"), List.of());

        assertThat(located.getStruct(TweetSchema.COORDINATES).getFloat64(TweetSchema.LATITUDE)).isEqualTo(19.4326);
        assertThat(located.getStruct(TweetSchema.COORDINATES).getFloat64(TweetSchema.LONGITUDE)).isEqualTo(-99.1332);
        assertThat(located.getStruct(TweetSchema.PLACE).getString(TweetSchema.PLACE_COUNTRY_CODE)).isEqualTo("MX");
        assertThat(unlocated.getStruct(TweetSchema.COORDINATES)).isNull();
        assertThat(unlocated.getStruct(TweetSchema.PLACE)).isNull();
        assertThat(unlocated.getInt64(TweetSchema.IN_REPLY_TO_STATUS_ID)).isEqualTo(1219520000000000000L);
    }

    @Test
    void rawJsonIsCarriedOnlyWhenKept() {
        String json = Fixtures.json("classic.json");

        Struct with = TweetConverter.toStruct(StatusMapper.toTweet(Fixtures.status("classic.json"), json), List.of());
        Struct without = TweetConverter.toStruct(Fixtures.tweet("classic.json"), List.of());

        assertThat(with.getString(TweetSchema.RAW_JSON)).isEqualTo(json);
        assertThat(without.getString(TweetSchema.RAW_JSON)).isNull();
    }
}
