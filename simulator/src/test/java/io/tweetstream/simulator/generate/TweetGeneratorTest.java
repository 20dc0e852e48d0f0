package io.tweetstream.simulator.generate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.LocationBox;
import io.tweetstream.simulator.filter.StreamFilter;
import io.tweetstream.simulator.testing.EntityIndices;
import io.tweetstream.simulator.testing.TwitterMatch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.tweetstream.simulator.testing.Json.codePoints;
import static org.assertj.core.api.Assertions.assertThat;

class TweetGeneratorTest {

    private static final Instant NOW = Instant.parse("2018-10-10T20:19:24.123Z");
    private static final TweetMix MIX = new TweetMix(0.3, 0.2, 0.1);
    private static final List<String> TRACK = List.of("kafka", "apache spark", "c++", "example.com", "東京", "#devops", "@jack");
    private static final LocationBox SAN_FRANCISCO = new LocationBox(-122.75, 36.8, -121.75, 37.8);
    private static final LocationBox MID_ATLANTIC = new LocationBox(-40.0, 10.0, -39.5, 10.5);

    private final TweetFactory factory = new TweetFactory(42L, MIX);

    @Test
    void everyStatusOfATrackStreamCarriesAnInjectedPhraseThatMatches() {
        List<GeneratedTweet> tweets = generate(filter(TRACK, List.of(), List.of(), List.of()), 1_500);

        for (GeneratedTweet tweet : tweets) {
            assertThat(tweet.injectedKeywords()).isNotEmpty().isSubsetOf(TRACK).doesNotHaveDuplicates();
            for (String phrase : tweet.injectedKeywords()) {
                assertThat(TwitterMatch.matchesTrack(tweet.json(), phrase)).as("%s in %s", phrase, tweet.json()).isTrue();
            }
        }
        assertThat(tweets.stream().flatMap(tweet -> tweet.injectedKeywords().stream()).distinct()).hasSameSizeAs(TRACK);
        assertThat(tweets).anyMatch(tweet -> tweet.injectedKeywords().size() == 2);
    }

    @Test
    void oneWordPhrasesAppearAsWordsHashtagsMentionsAndLinksInVaryingCase() {
        List<JsonNode> withKafka = generate(filter(List.of("kafka"), List.of(), List.of(), List.of()), 600).stream()
                .map(TweetGeneratorTest::json).toList();

        assertThat(withKafka).anyMatch(status -> allEntities(status, "hashtags").stream()
                .anyMatch(hashtag -> hashtag.path("text").asText().equalsIgnoreCase("kafka")));
        assertThat(withKafka).anyMatch(status -> allEntities(status, "user_mentions").stream()
                .anyMatch(mention -> mention.path("screen_name").asText().equalsIgnoreCase("kafka")));
        assertThat(withKafka).anyMatch(status -> allEntities(status, "urls").stream()
                .anyMatch(url -> url.path("expanded_url").asText().startsWith("https://www.kafka.com/")
                        && url.path("display_url").asText().startsWith("kafka.com/")));
        assertThat(withKafka).anyMatch(status -> allTexts(status).stream().anyMatch(text -> text.matches("(?s).*(^| )kafka[ !.,?:].*")));
        assertThat(withKafka).anyMatch(status -> allTexts(status).stream().anyMatch(text -> text.contains("KAFKA")));
        assertThat(withKafka).anyMatch(status -> allTexts(status).stream().anyMatch(text -> text.contains("Kafka")));
    }

    @Test
    void multiWordPhrasesAppearAsAllTheirWordsInAnyOrder() {
        List<JsonNode> statuses = generate(filter(List.of("apache spark"), List.of(), List.of(), List.of()), 300).stream()
                .map(TweetGeneratorTest::json).toList();

        Predicate<JsonNode> adjacent = status -> allTexts(status).stream()
                .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains("apache spark"));
        assertThat(statuses).allMatch(status -> TwitterMatch.matchesTrack(status, "apache spark"));
        assertThat(statuses).anyMatch(adjacent);
        assertThat(statuses).anyMatch(adjacent.negate());
    }

    @Test
    void statusesOfAFollowStreamAreWrittenByTheFollowedAccounts() {
        List<Long> follow = List.of(12L, 783_214L, 1_234_567_890_123L);
        List<GeneratedTweet> tweets = generate(filter(List.of(), follow, List.of(), List.of()), 300);

        Map<Long, Set<String>> screenNamesById = new HashMap<>();
        for (GeneratedTweet tweet : tweets) {
            assertThat(TwitterMatch.matchesFollow(tweet.json(), follow)).isTrue();
            assertThat(tweet.userId()).isEqualTo(tweet.json().path("user").path("id").asLong());
            assertThat(tweet.injectedKeywords()).isEmpty();
            screenNamesById.computeIfAbsent(tweet.userId(), id -> new HashSet<>())
                    .add(tweet.json().path("user").path("screen_name").asText());
        }
        assertThat(screenNamesById).containsOnlyKeys(follow);
        assertThat(screenNamesById.values()).allSatisfy(names -> assertThat(names).hasSize(1));
    }

    @Test
    void statusesOfALocationStreamHaveCoordinatesInsideABoxAndAPlace() {
        List<LocationBox> boxes = List.of(SAN_FRANCISCO, MID_ATLANTIC);
        List<JsonNode> statuses = generate(filter(List.of(), List.of(), boxes, List.of()), 300).stream()
                .map(TweetGeneratorTest::json).toList();

        for (JsonNode status : statuses) {
            assertThat(TwitterMatch.matchesLocations(status, boxes)).as("%s", status.path("coordinates")).isTrue();
            assertThat(status.path("place").path("full_name").asText()).isNotEmpty();
            JsonNode geo = status.path("geo").path("coordinates");
            JsonNode coordinates = status.path("coordinates").path("coordinates");
            assertThat(geo.get(0).asDouble()).as("geo is latitude first").isEqualTo(coordinates.get(1).asDouble());
            assertThat(status.has("retweeted_status")).as("retweets have no coordinates of their own").isFalse();
        }
        assertThat(statuses).anyMatch(status -> TwitterMatch.matchesLocations(status, List.of(SAN_FRANCISCO)));
        assertThat(statuses).anyMatch(status -> TwitterMatch.matchesLocations(status, List.of(MID_ATLANTIC)));
    }

    @Test
    void languagesAreAndedWithTheOtherPredicates() {
        List<JsonNode> statuses = generate(filter(List.of("kafka"), List.of(), List.of(), List.of("ja", "xx")), 300).stream()
                .map(TweetGeneratorTest::json).toList();

        assertThat(statuses).allMatch(status -> Set.of("ja", "xx").contains(status.path("lang").asText()));
        assertThat(statuses).allMatch(status -> TwitterMatch.matchesTrack(status, "kafka"));
        assertThat(statuses).anyMatch(status -> status.path("lang").asText().equals("xx"));
        assertThat(statuses).anyMatch(status -> status.path("text").asText().matches("(?s).*\\p{IsHiragana}.*"));
    }

    @Test
    void eachStatusOfAMixedFilterMatchesAtLeastOnePredicate() {
        List<Long> follow = List.of(2_244_994_945L);
        List<LocationBox> boxes = List.of(SAN_FRANCISCO);
        List<GeneratedTweet> tweets = generate(filter(List.of("kafka", "apache spark"), follow, boxes, List.of()), 600);

        for (GeneratedTweet tweet : tweets) {
            boolean byTrack = !tweet.injectedKeywords().isEmpty()
                    && tweet.injectedKeywords().stream().allMatch(phrase -> TwitterMatch.matchesTrack(tweet.json(), phrase));
            boolean byFollow = TwitterMatch.matchesFollow(tweet.json(), follow);
            boolean byLocation = TwitterMatch.matchesLocations(tweet.json(), boxes);
            assertThat(byTrack || byFollow || byLocation).as("%s", tweet.json()).isTrue();
        }
        assertThat(tweets).anyMatch(tweet -> !tweet.injectedKeywords().isEmpty());
        assertThat(tweets).anyMatch(tweet -> TwitterMatch.matchesFollow(tweet.json(), follow));
        assertThat(tweets).anyMatch(tweet -> tweet.injectedKeywords().isEmpty()
                && TwitterMatch.matchesLocations(tweet.json(), boxes));
    }

    @Test
    void extendedTweetsTruncateTextAndKeepTheWholeTextInExtendedTweet() {
        List<JsonNode> extended = unfiltered(1_000).stream().filter(status -> status.path("truncated").asBoolean()).toList();

        assertThat(extended).hasSizeGreaterThan(100);
        for (JsonNode status : extended) {
            String text = status.path("text").asText();
            String fullText = status.path("extended_tweet").path("full_text").asText();
            assertThat(codePoints(text)).isLessThanOrEqualTo(140);
            assertThat(text).matches("(?s).*… https://t\\.co/[A-Za-z0-9]{10}");
            assertThat(codePoints(fullText)).isGreaterThan(140).isLessThanOrEqualTo(280);
            assertThat(fullText).startsWith(text.substring(0, text.indexOf("… https://t.co/")));
            JsonNode range = status.path("extended_tweet").path("display_text_range");
            assertThat(range.get(1).asInt()).isEqualTo(codePoints(fullText));
            JsonNode selfLink = lastOf(status.path("entities").path("urls"));
            assertThat(selfLink.path("expanded_url").asText())
                    .isEqualTo("https://twitter.com/i/web/status/" + status.path("id_str").asText());
        }
    }

    @Test
    void someKeywordsLieBeyondWhatTheTruncatedTextShows() {
        List<GeneratedTweet> tweets = generate(filter(List.of("kafka"), List.of(), List.of(), List.of()), 600);

        assertThat(tweets).anyMatch(tweet -> tweet.json().path("truncated").asBoolean()
                && !TwitterMatch.matchesTopLevelOnly(tweet.json(), "kafka"));
    }

    @Test
    void retweetsStartWithRtAndEmbedTheOlderOriginal() {
        List<JsonNode> retweets = unfiltered(1_000).stream().filter(status -> status.has("retweeted_status")).toList();

        assertThat(retweets).hasSizeGreaterThan(100);
        for (JsonNode retweet : retweets) {
            JsonNode original = retweet.get("retweeted_status");
            String author = original.path("user").path("screen_name").asText();
            assertThat(retweet.path("text").asText()).startsWith("RT @" + author + ": ");
            assertThat(codePoints(retweet.path("text").asText())).isLessThanOrEqualTo(140);
            JsonNode firstMention = retweet.path("entities").path("user_mentions").get(0);
            assertThat(firstMention.path("screen_name").asText()).isEqualTo(author);
            assertThat(firstMention.path("indices").get(0).asInt()).isEqualTo(3);
            assertThat(original.path("id").asLong()).isLessThan(retweet.path("id").asLong());
            assertThat(original.path("lang").asText()).isEqualTo(retweet.path("lang").asText());
            assertThat(original.has("timestamp_ms")).isFalse();
        }
        assertThat(retweets).anyMatch(retweet -> retweet.get("retweeted_status").path("truncated").asBoolean());
        assertThat(retweets).anyMatch(retweet -> retweet.path("text").asText().endsWith("…"));
    }

    @Test
    void quotesCarryTheQuotedStatus() {
        List<JsonNode> quotes = unfiltered(1_000).stream().filter(status -> status.path("is_quote_status").asBoolean()).toList();

        assertThat(quotes).hasSizeGreaterThan(50);
        for (JsonNode quote : quotes) {
            JsonNode quoted = quote.get("quoted_status");
            assertThat(quoted.path("id").asLong()).isEqualTo(quote.path("quoted_status_id").asLong());
            assertThat(quoted.path("id_str").asText()).isEqualTo(quote.path("quoted_status_id_str").asText());
            assertThat(quote.path("quoted_status_permalink").path("expanded").asText())
                    .endsWith("/status/" + quoted.path("id_str").asText());
            assertThat(quote.has("retweeted_status")).isFalse();
        }
    }

    @Test
    void statusesHaveTheFieldsOfTwitterV1JsonWithTimesOfSending() {
        DateTimeFormatter twitterFormat = DateTimeFormatter.ofPattern(TwitterTime.PATTERN, Locale.US);
        List<GeneratedTweet> tweets = generate(filter(List.of("kafka"), List.of(), List.of(), List.of()), 200);

        for (int i = 0; i < tweets.size(); i++) {
            JsonNode status = tweets.get(i).json();
            Instant sentAt = NOW.plusMillis(i * 10L);
            assertThat(ZonedDateTime.parse(status.path("created_at").asText(), twitterFormat).toInstant())
                    .isEqualTo(sentAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(status.path("timestamp_ms").asText()).isEqualTo(Long.toString(sentAt.toEpochMilli()));
            assertThat(status.path("id").asLong()).isEqualTo(tweets.get(i).id());
            assertStatusShape(status);
            for (String embedded : List.of("retweeted_status", "quoted_status")) {
                if (status.has(embedded)) {
                    assertStatusShape(status.get(embedded));
                    ZonedDateTime.parse(status.get(embedded).path("created_at").asText(), twitterFormat);
                }
            }
        }
        assertThat(tweets.get(0).json().path("created_at").asText()).isEqualTo("Wed Oct 10 20:19:24 +0000 2018");
    }

    @Test
    void entityIndicesCountCodePoints() {
        for (JsonNode status : unfiltered(1_000)) {
            for (JsonNode each : withEmbedded(status)) {
                EntityIndices.assertConsistent(each.path("text").asText(), each.path("entities"));
                if (each.has("extended_tweet")) {
                    EntityIndices.assertConsistent(each.path("extended_tweet").path("full_text").asText(),
                            each.path("extended_tweet").path("entities"));
                }
            }
        }
    }

    @Test
    void unfilteredStatusesSpeakManyLanguagesWithEmoji() {
        List<JsonNode> statuses = unfiltered(1_000);

        assertThat(statuses.stream().map(status -> status.path("lang").asText()).collect(Collectors.toSet()))
                .contains("en", "es", "fr", "de", "pt", "ja", "ar", "hi");
        List<String> texts = statuses.stream().map(status -> status.path("text").asText()).toList();
        assertThat(texts).anyMatch(text -> text.codePoints().anyMatch(Character::isSupplementaryCodePoint));
        assertThat(texts).anyMatch(text -> text.matches("(?s).*\\p{IsArabic}.*"));
        assertThat(texts).anyMatch(text -> text.matches("(?s).*\\p{IsDevanagari}.*"));
        assertThat(texts).anyMatch(text -> text.matches("(?s).*\\p{IsHan}.*"));
    }

    @Test
    void repliesNameTheAccountRepliedToFirst() {
        List<JsonNode> replies = unfiltered(1_000).stream()
                .filter(status -> !status.path("in_reply_to_status_id").isNull()).toList();

        assertThat(replies).isNotEmpty();
        for (JsonNode reply : replies) {
            String fullText = reply.has("extended_tweet")
                    ? reply.path("extended_tweet").path("full_text").asText() : reply.path("text").asText();
            assertThat(fullText).startsWith("@" + reply.path("in_reply_to_screen_name").asText() + " ");
            assertThat(reply.path("in_reply_to_status_id_str").asText())
                    .isEqualTo(reply.path("in_reply_to_status_id").asText());
        }
    }

    @Test
    void fewStatusesHavePlacesAndFewerCoordinates() {
        List<JsonNode> statuses = unfiltered(1_000);

        long withPlace = statuses.stream().filter(status -> status.path("place").isObject()).count();
        long withCoordinates = statuses.stream().filter(status -> status.path("coordinates").isObject()).count();
        assertThat(withCoordinates).isPositive().isLessThan(withPlace);
        assertThat(withPlace).isLessThan(statuses.size() / 3);
    }

    @Test
    void theMixOfRetweetsQuotesAndExtendedTweetsFollowsTheRatios() {
        List<GeneratedTweet> tweets = new ArrayList<>();
        TweetGenerator generator = new TweetFactory(7L, new TweetMix(0.0, 0.5, 0.0))
                .forStream(1, filter(List.of(), List.of(), List.of(), List.of()));
        for (int i = 0; i < 1_000; i++) {
            tweets.add(generator.next(NOW));
        }

        long retweets = tweets.stream().filter(tweet -> tweet.json().has("retweeted_status")).count();
        assertThat(retweets).isBetween(430L, 570L);
        assertThat(tweets).noneMatch(tweet -> tweet.json().path("is_quote_status").asBoolean());
        assertThat(tweets).noneMatch(tweet -> tweet.json().path("truncated").asBoolean());
    }

    @Test
    void theSameSeedMakesTheSameTweetsOnTheSameStream() {
        StreamFilter filter = filter(TRACK, List.of(99L), List.of(SAN_FRANCISCO), List.of());

        List<String> first = jsonOf(new TweetFactory(42L, MIX).forStream(3, filter), 200);
        List<String> again = jsonOf(new TweetFactory(42L, MIX).forStream(3, filter), 200);
        List<String> otherSeed = jsonOf(new TweetFactory(43L, MIX).forStream(3, filter), 200);
        List<String> otherStream = jsonOf(new TweetFactory(42L, MIX).forStream(4, filter), 200);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).doesNotContainAnyElementsOf(first);
        assertThat(otherStream).doesNotContainAnyElementsOf(first);
    }

    @Test
    void idsIncreaseEvenWithinTheSameMillisecond() {
        TweetGenerator generator = factory.forStream(1, filter(List.of("kafka"), List.of(), List.of(), List.of()));
        long previous = 0;
        for (int i = 0; i < 500; i++) {
            long id = generator.next(NOW).id();
            assertThat(id).isGreaterThan(previous);
            assertThat(SnowflakeIds.createdAt(id)).isEqualTo(NOW);
            previous = id;
        }
    }

    private static void assertStatusShape(JsonNode status) {
        assertThat(status.path("id_str").asText()).isEqualTo(status.path("id").asText());
        assertThat(status.path("text").isTextual()).isTrue();
        assertThat(status.path("source").asText()).startsWith("<a href=\"");
        assertThat(status.path("truncated").isBoolean()).isTrue();
        assertThat(status.path("is_quote_status").isBoolean()).isTrue();
        assertThat(status.path("favorited").isBoolean()).isTrue();
        assertThat(status.path("retweeted").isBoolean()).isTrue();
        assertThat(status.path("filter_level").asText()).isEqualTo("low");
        assertThat(status.path("lang").asText()).isNotEmpty();
        for (String field : List.of("quote_count", "reply_count", "retweet_count", "favorite_count")) {
            assertThat(status.path(field).isInt()).as(field).isTrue();
        }
        for (String field : List.of("in_reply_to_status_id", "in_reply_to_user_id", "in_reply_to_screen_name",
                "geo", "coordinates", "place", "contributors")) {
            assertThat(status.has(field)).as(field).isTrue();
        }
        for (String field : List.of("hashtags", "urls", "user_mentions", "symbols")) {
            assertThat(status.path("entities").path(field).isArray()).as(field).isTrue();
        }
        JsonNode user = status.path("user");
        assertThat(user.path("id_str").asText()).isEqualTo(user.path("id").asText());
        assertThat(user.path("screen_name").asText()).matches("[A-Za-z0-9_]{1,15}");
        assertThat(user.path("name").asText()).isNotBlank();
        assertThat(user.path("profile_image_url_https").asText()).startsWith("https://pbs.twimg.com/profile_images/");
        for (String field : List.of("location", "description", "verified", "followers_count", "friends_count",
                "statuses_count", "created_at")) {
            assertThat(user.has(field)).as("user." + field).isTrue();
        }
        ZonedDateTime.parse(user.path("created_at").asText(), DateTimeFormatter.ofPattern(TwitterTime.PATTERN, Locale.US));
    }

    private List<GeneratedTweet> generate(StreamFilter filter, int count) {
        TweetGenerator generator = factory.forStream(1, filter);
        List<GeneratedTweet> tweets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tweets.add(generator.next(NOW.plusMillis(i * 10L)));
        }
        return tweets;
    }

    private List<JsonNode> unfiltered(int count) {
        return generate(filter(List.of(), List.of(), List.of(), List.of()), count).stream().map(TweetGeneratorTest::json).toList();
    }

    private static List<String> jsonOf(TweetGenerator generator, int count) {
        List<String> json = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            json.add(generator.next(NOW.plusSeconds(i)).json().toString());
        }
        return json;
    }

    private static StreamFilter filter(List<String> track, List<Long> follow, List<LocationBox> locations, List<String> languages) {
        return new StreamFilter(track, follow, locations, languages, null, false);
    }

    private static List<JsonNode> withEmbedded(JsonNode status) {
        List<JsonNode> all = new ArrayList<>(List.of(status));
        for (String embedded : List.of("retweeted_status", "quoted_status")) {
            if (status.has(embedded)) {
                all.add(status.get(embedded));
            }
        }
        return all;
    }

    private static List<JsonNode> allEntities(JsonNode status, String kind) {
        List<JsonNode> entities = new ArrayList<>();
        for (JsonNode each : withEmbedded(status)) {
            each.path("entities").path(kind).forEach(entities::add);
            each.path("extended_tweet").path("entities").path(kind).forEach(entities::add);
        }
        return entities;
    }

    private static List<String> allTexts(JsonNode status) {
        List<String> texts = new ArrayList<>();
        for (JsonNode each : withEmbedded(status)) {
            texts.add(each.path("text").asText());
            texts.add(each.path("extended_tweet").path("full_text").asText());
        }
        return texts;
    }

    private static JsonNode json(GeneratedTweet tweet) {
        return tweet.json();
    }

    private static JsonNode lastOf(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
