package io.tweetstream.connect.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.Fixtures;
import io.tweetstream.connect.v1.StatusMapper;
import io.tweetstream.connect.tweet.Tweet;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.SchemaProjector;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TweetConverterTest {

    @ParameterizedTest
    @ValueSource(strings = {"classic.json", "extended.json", "retweet-of-extended.json", "quote.json",
            "emoji-with-place.json", "reply-no-place.json", "retweet-with-entities.json", "html-escaped.json",
            "photo.json", "video.json", "edited.json", "withheld.json", "possibly-sensitive.json",
            "reply-with-parent.json"})
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

        Struct with = TweetConverter.toStruct(StatusMapper.toTweet(Fixtures.status("classic.json"), json, true), List.of());
        Struct without = TweetConverter.toStruct(Fixtures.tweet("classic.json"), List.of());

        assertThat(with.getString(TweetSchema.RAW_JSON)).isEqualTo(json);
        assertThat(without.getString(TweetSchema.RAW_JSON)).isNull();
    }

    @Test
    void versionTwoAddsOnlyOptionalFieldsAfterTheOldOnes() {
        List<String> versionOne = List.of("id", "created_at", "text", "lang", "user", "hashtags", "mentions", "urls",
                "in_reply_to_status_id", "retweeted_status_id", "quoted_status_id", "coordinates", "place",
                "matched_keywords", "raw_json");

        assertThat(TweetSchema.VALUE.version()).isEqualTo(2);
        assertThat(TweetSchema.VALUE.fields()).extracting(Field::name).startsWith(versionOne.toArray(new String[0]));
        assertThat(TweetSchema.VALUE.fields().subList(versionOne.size(), TweetSchema.VALUE.fields().size()))
                .allSatisfy(field -> assertThat(field.schema().isOptional()).as(field.name()).isTrue())
                .extracting(Field::name).containsExactly("edit_history_tweet_ids", "media", "possibly_sensitive",
                        "conversation_id", "withheld_countries", "retweeted_user_id", "retweeted_screen_name");
    }

    @Test
    void aVersionOneRecordReadsAsVersionTwoWithTheNewFieldsNull() {
        SchemaBuilder versionOne = SchemaBuilder.struct().name("io.tweetstream.Tweet").version(1);
        TweetSchema.VALUE.fields().stream().limit(15).forEach(f -> versionOne.field(f.name(), f.schema()));
        Schema oldSchema = versionOne.build();
        Struct current = TweetConverter.toStruct(Fixtures.tweet("photo.json"), List.of("kafka"));
        Struct old = new Struct(oldSchema);
        oldSchema.fields().forEach(f -> old.put(f.name(), current.get(f.name())));

        Struct projected = (Struct) SchemaProjector.project(oldSchema, old, TweetSchema.VALUE);

        assertThat(projected.get(TweetSchema.MEDIA)).isNull();
        assertThat(projected.getString(TweetSchema.TEXT)).isEqualTo(current.getString(TweetSchema.TEXT));
    }

    @Test
    void newFieldsCarryMediaEditsWithholdingAndTheRetweetedAuthor() {
        Struct photo = TweetConverter.toStruct(Fixtures.tweet("photo.json"), List.of());
        Struct retweet = TweetConverter.toStruct(Fixtures.tweet("retweet-with-entities.json"), List.of());
        Struct edited = TweetConverter.toStruct(Fixtures.tweet("edited.json"), List.of());
        Struct withheld = TweetConverter.toStruct(Fixtures.tweet("withheld.json"), List.of());

        List<Struct> media = photo.getArray(TweetSchema.MEDIA);
        assertThat(media).singleElement().satisfies(item -> {
            assertThat(item.getInt64(TweetSchema.MEDIA_ID)).isEqualTo(1861100000000000150L);
            assertThat(item.getString(TweetSchema.MEDIA_TYPE)).isEqualTo("photo");
            assertThat(item.getString(TweetSchema.MEDIA_URL)).isEqualTo("https://pbs.twimg.com/media/GdKafkaStage1.jpg");
            assertThat(item.getString(TweetSchema.MEDIA_ALT_TEXT)).startsWith("A packed hall");
        });
        assertThat(photo.getBoolean(TweetSchema.POSSIBLY_SENSITIVE)).isFalse();
        assertThat(photo.getInt64(TweetSchema.RETWEETED_USER_ID)).isNull();
        assertThat(retweet.getInt64(TweetSchema.RETWEETED_STATUS_ID)).isEqualTo(1861100000000000101L);
        assertThat(retweet.getInt64(TweetSchema.RETWEETED_USER_ID)).isEqualTo(2244994945L);
        assertThat(retweet.getString(TweetSchema.RETWEETED_SCREEN_NAME)).isEqualTo("XDevelopers");
        assertThat(retweet.getArray(TweetSchema.MEDIA)).isEmpty();
        assertThat(edited.getArray(TweetSchema.EDIT_HISTORY_TWEET_IDS))
                .containsExactly(1861100000000000171L, 1861100000000000172L);
        assertThat(withheld.getArray(TweetSchema.WITHHELD_COUNTRIES)).containsExactly("DE", "FR");
        assertThat(withheld.getInt64(TweetSchema.CONVERSATION_ID)).isNull();
    }
}
