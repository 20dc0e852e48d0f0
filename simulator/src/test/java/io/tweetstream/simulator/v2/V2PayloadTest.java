package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.MatchedRule;
import io.tweetstream.simulator.generate.GeneratedTweet;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.generate.TweetGenerator;
import io.tweetstream.simulator.generate.TweetMix;
import io.tweetstream.simulator.generate.TweetRecipe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The v2 form of generated tweets: only the fields asked for, and the same tweet as v1.1 would carry. */
class V2PayloadTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123Z");
    private static final TweetFactory FACTORY = new TweetFactory(42L, new TweetMix(0.3, 0.2, 0.1));
    private static final String ALL_TWEET_FIELDS = "created_at,author_id,lang,entities,geo,in_reply_to_user_id,"
            + "referenced_tweets,conversation_id,public_metrics,possibly_sensitive,source";
    private static final String ALL_EXPANSIONS = "author_id,referenced_tweets.id,referenced_tweets.id.author_id,"
            + "in_reply_to_user_id,geo.place_id,entities.mentions.username";

    private final V2Payload payload = new V2Payload(FACTORY.users());

    @Test
    void byDefaultATweetHasOnlyIdTextAndEditHistory() {
        GeneratedTweet tweet = tweets(1).get(0);

        JsonNode message = payload.message(new StatusView(tweet.json()), FieldSelection.DEFAULT, List.of());

        assertThat(fieldNames(message)).containsExactly("data", "matching_rules");
        assertThat(fieldNames(message.path("data"))).containsExactlyInAnyOrder("id", "text", "edit_history_tweet_ids");
        assertThat(message.path("data").path("id").isTextual()).isTrue();
        assertThat(message.path("data").path("id").asText()).isEqualTo(Long.toString(tweet.id()));
        assertThat(message.path("data").path("edit_history_tweet_ids").get(0).asText()).isEqualTo(Long.toString(tweet.id()));
    }

    @Test
    void writesEveryRequestedFieldFromTheSameTweetV1WouldSend() throws Exception {
        FieldSelection fields = FieldSelection.parse(Map.of("tweet.fields", ALL_TWEET_FIELDS, "expansions", ALL_EXPANSIONS,
                "user.fields", "created_at,description,location,name,username,verified,public_metrics,protected",
                "place.fields", "id,full_name,name,country,country_code,place_type,geo"));
        for (GeneratedTweet tweet : tweets(400)) {
            JsonNode v1 = tweet.json();
            JsonNode message = payload.message(new StatusView(v1), fields, List.of(new MatchedRule("7", "tag")));
            JsonNode data = message.path("data");

            assertThat(data.path("author_id").asText()).isEqualTo(v1.path("user").path("id_str").asText());
            assertThat(data.path("created_at").asText()).as("whole seconds, as X sends it").isEqualTo("2026-11-25T12:00:00.000Z");
            assertThat(data.path("lang").asText()).isEqualTo(v1.path("lang").asText());
            assertThat(data.path("source").asText()).doesNotContain("<");
            assertThat(data.path("public_metrics").path("like_count").isInt()).isTrue();
            String text = data.path("text").asText();
            assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(280);
            if (v1.has("extended_tweet")) {
                assertThat(text).as("v2 text is never truncated").isEqualTo(v1.path("extended_tweet").path("full_text").asText());
            }
            data.path("entities").path("hashtags").forEach(tag -> assertThat(slice(text, tag)).isEqualTo("#" + tag.path("tag").asText()));
            data.path("entities").path("mentions").forEach(mention -> {
                assertThat(slice(text, mention)).isEqualTo("@" + mention.path("username").asText());
                assertThat(message.path("includes").path("users").findValuesAsText("id")).contains(mention.path("id").asText());
            });
            data.path("entities").path("urls").forEach(url -> assertThat(slice(text, url)).isEqualTo(url.path("url").asText()));
            assertThat(message.path("includes").path("users").get(0).path("id").asText()).isEqualTo(data.path("author_id").asText());
            assertThat(message.path("matching_rules")).hasSize(1);

            if (v1.has("retweeted_status")) {
                JsonNode original = v1.path("retweeted_status");
                assertThat(text).startsWith("RT @" + original.path("user").path("screen_name").asText() + ": ");
                assertThat(data.path("referenced_tweets").get(0).path("type").asText()).isEqualTo("retweeted");
                JsonNode included = message.path("includes").path("tweets").get(0);
                assertThat(included.path("id").asText()).isEqualTo(original.path("id_str").asText());
                assertThat(included.path("text").asText()).isEqualTo(original.has("extended_tweet")
                        ? original.path("extended_tweet").path("full_text").asText() : original.path("text").asText());
                assertThat(message.path("includes").path("users").findValuesAsText("id"))
                        .contains(original.path("user").path("id_str").asText());
            }
            if (v1.path("is_quote_status").asBoolean()) {
                assertThat(data.path("referenced_tweets").findValuesAsText("type")).contains("quoted");
                assertThat(message.path("includes").path("tweets").findValuesAsText("id"))
                        .contains(v1.path("quoted_status_id_str").asText());
            }
            if (v1.path("in_reply_to_status_id").isNumber()) {
                assertThat(data.path("in_reply_to_user_id").asText()).isEqualTo(v1.path("in_reply_to_user_id_str").asText());
                assertThat(data.path("referenced_tweets").findValuesAsText("type")).contains("replied_to");
                assertThat(message.path("errors").get(0).path("resource_id").asText())
                        .isEqualTo(v1.path("in_reply_to_status_id_str").asText());
            }
            if (v1.path("place").isObject()) {
                assertThat(data.path("geo").path("place_id").asText()).isEqualTo(v1.path("place").path("id").asText());
                JsonNode place = message.path("includes").path("places").get(0);
                assertThat(place.path("full_name").asText()).isEqualTo(v1.path("place").path("full_name").asText());
                assertThat(place.path("geo").path("bbox")).hasSize(4);
            } else {
                assertThat(message.path("includes").has("places")).isFalse();
            }
            if (v1.path("coordinates").isObject()) {
                assertThat(data.path("geo").path("coordinates").path("coordinates"))
                        .isEqualTo(v1.path("coordinates").path("coordinates"));
            } else {
                assertThat(data.path("geo").has("coordinates")).isFalse();
            }
            JsonNode author = message.path("includes").path("users").get(0);
            assertThat(fieldNames(author.path("public_metrics")))
                    .contains("followers_count", "following_count", "tweet_count", "listed_count");
            assertThat(author.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
    }

    @Test
    void coversEveryKindOfTweetInTheCheckAbove() {
        List<GeneratedTweet> tweets = tweets(400);
        List<Predicate<JsonNode>> kinds = List.of(v1 -> v1.has("retweeted_status"), v1 -> v1.path("is_quote_status").asBoolean(),
                v1 -> v1.path("in_reply_to_status_id").isNumber(), v1 -> v1.has("extended_tweet"),
                v1 -> v1.path("coordinates").isObject(), v1 -> v1.path("place").isObject());
        for (Predicate<JsonNode> kind : kinds) {
            assertThat(tweets).anyMatch(tweet -> kind.test(tweet.json()));
        }
    }

    @Test
    void includesOnlyWhatIsExpandedAndFieldsOfIncludedObjectsOnlyWhenAsked() throws Exception {
        FieldSelection fields = FieldSelection.parse(Map.of("tweet.fields", "lang", "expansions", "author_id"));
        JsonNode message = payload.message(new StatusView(tweets(1).get(0).json()), fields, null);

        assertThat(fieldNames(message)).containsExactly("data", "includes");
        assertThat(fieldNames(message.path("includes"))).containsExactly("users");
        assertThat(fieldNames(message.path("includes").path("users").get(0))).containsExactlyInAnyOrder("id", "name", "username");
        assertThat(fieldNames(message.path("data"))).containsExactlyInAnyOrder("id", "text", "edit_history_tweet_ids", "lang");
    }

    private static List<GeneratedTweet> tweets(int count) {
        TweetGenerator generator = FACTORY.forV2Stream(1);
        List<GeneratedTweet> tweets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tweets.add(generator.next(NOW, TweetRecipe.ANYTHING));
        }
        return tweets;
    }

    private static String slice(String text, JsonNode entity) {
        int start = text.offsetByCodePoints(0, entity.path("start").asInt());
        int end = text.offsetByCodePoints(0, entity.path("end").asInt());
        return text.substring(start, end);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
