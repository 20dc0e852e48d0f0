package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.generate.GeneratedTweet;
import io.tweetstream.simulator.generate.PayloadShapes;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.generate.TweetGenerator;
import io.tweetstream.simulator.generate.TweetMix;
import io.tweetstream.simulator.generate.TweetRecipe;
import io.tweetstream.simulator.rules.RuleSubject;
import io.tweetstream.simulator.testing.EntityIndices;
import io.tweetstream.simulator.testing.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tweetstream.simulator.testing.Json.codePoints;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each payload shape beyond plain text, forced on, rendered on v1.1 and v2 with the field names and structure X
 * documents, and the same post on both.
 */
class PayloadShapesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123Z");
    private static final TweetMix MIX = new TweetMix(0.3, 0.2, 0.1);
    private static final FieldSelection ALL = FieldSelection.everything();

    @Test
    void longPostsCutTheV2TextAndCarryTheWholeInNoteTweetAndInV1ExtendedTweet() {
        List<GeneratedTweet> posts = originals(shapes(1, 0, 0, 0, 0, 0, 0, 0, 0, 0), 100);

        for (GeneratedTweet post : posts) {
            String whole = post.json().path("extended_tweet").path("full_text").asText();
            assertThat(codePoints(whole)).isGreaterThan(280);
            JsonNode data = v2(post).path("data");
            String text = data.path("text").asText();
            assertThat(codePoints(text)).isLessThanOrEqualTo(280);
            assertThat(text).endsWith("…");
            assertThat(whole).startsWith(text.substring(0, text.length() - 1));
            assertThat(data.path("note_tweet").path("text").asText()).isEqualTo(whole);
            assertV2Indices(text, data.path("entities"));
            assertV2Indices(whole, data.path("note_tweet").path("entities"));
            EntityIndices.assertConsistent(whole, post.json().path("extended_tweet").path("entities"));
        }
        assertThat(posts).anyMatch(post -> v2(post).path("data").path("note_tweet").has("entities"));
    }

    @Test
    void ampersandsAndAngleBracketsAreEscapedWithIndicesCountedOnTheEscapedText() {
        List<GeneratedTweet> posts = originals(shapes(0, 1, 0, 0, 0, 0, 0, 0, 0, 0), 200);

        for (GeneratedTweet post : posts) {
            String v1Text = new StatusView(post.json()).text();
            assertThat(v1Text).containsPattern("&(amp|lt|gt);").doesNotContainPattern("&(?!amp;|lt;|gt;)|[<>]");
            EntityIndices.assertConsistent(post.json().path("text").asText(), post.json().path("entities"));
            JsonNode data = v2(post).path("data");
            assertThat(data.path("text").asText()).isEqualTo(v1Text);
            assertV2Indices(data.path("text").asText(), data.path("entities"));
            // Rules see the text as written: "&amp;" is no word "amp".
            RuleSubject subject = RuleSubjects.of(new StatusView(post.json()));
            assertThat(subject.tokens()).doesNotContain("amp", "lt", "gt");
        }
        assertThat(posts).anyMatch(post -> post.json().path("entities").path("hashtags").size()
                + post.json().path("entities").path("user_mentions").size() > 0
                && post.json().path("text").asText().contains("&"));
    }

    @Test
    void mediaIsAnAttachmentWithIncludesOnV2AndEntitiesMediaOnV1NeverInV1Urls() {
        List<GeneratedTweet> posts = originals(shapes(0, 0, 1, 0, 0, 0, 0, 0, 0, 0), 200);

        for (GeneratedTweet post : posts) {
            StatusView status = new StatusView(post.json());
            JsonNode v1Entities = status.entities();
            JsonNode items = status.media();
            assertThat(items.size()).isBetween(1, 4);
            assertThat(v1Entities.path("media")).hasSize(1);
            assertThat(v1Entities.path("media").get(0).path("type").asText()).isEqualTo("photo");
            String link = items.get(0).path("url").asText();
            assertThat(v1Entities.path("urls").findValuesAsText("url")).doesNotContain(link);
            assertThat(status.text()).endsWith(" " + link);

            JsonNode message = v2(post);
            JsonNode data = message.path("data");
            List<String> keys = new ArrayList<>();
            data.path("attachments").path("media_keys").forEach(key -> keys.add(key.asText()));
            assertThat(keys).hasSize(items.size()).allMatch(key -> key.matches("(3|7|16)_\\d+"));
            JsonNode media = message.path("includes").path("media");
            assertThat(media.findValuesAsText("media_key")).containsExactlyElementsOf(keys);
            for (JsonNode item : media) {
                String type = item.path("type").asText();
                assertThat(type).isIn("photo", "video", "animated_gif");
                assertThat(item.has(type.equals("photo") ? "url" : "preview_image_url")).isTrue();
                assertThat(item.path("width").asInt()).isPositive();
                assertThat(item.path("height").asInt()).isPositive();
            }
            JsonNode urls = data.path("entities").path("urls");
            List<String> linked = new ArrayList<>();
            urls.forEach(url -> {
                if (url.has("media_key")) {
                    assertThat(url.path("url").asText()).isEqualTo(link);
                    assertThat(url.path("display_url").asText()).startsWith("pic.x.com/");
                    linked.add(url.path("media_key").asText());
                }
            });
            assertThat(linked).containsExactlyElementsOf(keys);
            assertV2Indices(data.path("text").asText(), data.path("entities"));
        }
        assertThat(posts).anyMatch(post -> v2(post).at("/includes/media/0/type").asText().equals("video"));
        assertThat(posts).anyMatch(post -> v2(post).at("/includes/media/0").has("alt_text"));
    }

    @Test
    void pollsAreAttachmentsWithIncludesOnV2() {
        List<GeneratedTweet> posts = originals(shapes(0, 0, 0, 1, 0, 0, 0, 0, 0, 0), 100);

        for (GeneratedTweet post : posts) {
            JsonNode message = v2(post);
            String pollId = message.at("/data/attachments/poll_ids/0").asText();
            assertThat(pollId).matches("\\d+");
            JsonNode poll = message.at("/includes/polls/0");
            assertThat(poll.path("id").asText()).isEqualTo(pollId);
            assertThat(poll.path("options").size()).isBetween(2, 4);
            assertThat(poll.at("/options/0/position").asInt()).isEqualTo(1);
            assertThat(poll.at("/options/0/label").asText()).isNotEmpty();
            assertThat(poll.path("voting_status").asText()).isEqualTo("open");
            assertThat(poll.path("duration_minutes").asInt()).isPositive();
            assertThat(message.at("/data/edit_controls/is_edit_eligible").asBoolean()).as("polls cannot be edited").isFalse();
            assertThat(new StatusView(post.json()).polls().at("/0/options").size()).isEqualTo(poll.path("options").size());
        }
    }

    @Test
    void anEditedPostHasANewIdAndItsEarlierIdsOldestFirst() {
        List<GeneratedTweet> posts = originals(shapes(0, 0, 0, 0, 1, 0, 0, 0, 0, 0), 200);

        List<GeneratedTweet> edited = posts.stream().filter(post -> !post.json().path("in_reply_to_status_id").isNumber()).toList();
        assertThat(edited).hasSizeGreaterThan(100);
        for (GeneratedTweet post : edited) {
            JsonNode data = v2(post).path("data");
            List<Long> history = new ArrayList<>();
            data.path("edit_history_tweet_ids").forEach(id -> history.add(id.asLong()));
            assertThat(history.size()).isBetween(2, 6);
            assertThat(history).isSorted().doesNotHaveDuplicates().last().isEqualTo(post.id());
            JsonNode controls = data.path("edit_controls");
            assertThat(controls.path("edits_remaining").asInt()).isEqualTo(5 - (history.size() - 1));
            Instant until = Instant.parse(controls.path("editable_until").asText());
            assertThat(until).isAfter(NOW).isBefore(NOW.plusSeconds(30 * 60));
            assertThat(post.json().at("/edit_history/initial_tweet_id").asLong()).isEqualTo(history.get(0));
            assertThat(post.json().at("/edit_history/edit_tweet_ids")).hasSize(history.size());
        }
    }

    @Test
    void sensitiveAndWithheldPostsSayItOnBothApis() {
        List<GeneratedTweet> posts = originals(shapes(0, 0, 1, 0, 0, 1, 1, 0, 0, 0), 50);

        for (GeneratedTweet post : posts) {
            JsonNode data = v2(post).path("data");
            assertThat(data.path("possibly_sensitive").asBoolean()).isTrue();
            assertThat(post.json().path("possibly_sensitive").asBoolean()).isTrue();
            JsonNode withheld = data.path("withheld");
            assertThat(withheld.path("copyright").isBoolean()).isTrue();
            assertThat(withheld.path("country_codes").size()).isBetween(1, 3);
            assertThat(withheld.path("country_codes").get(0).asText()).matches("[A-Z]{2}");
            assertThat(post.json().path("withheld_in_countries")).isEqualTo(withheld.path("country_codes"));
        }
    }

    @Test
    void aRetweetWhoseOriginalIsUnavailableNamesItAndReportsItInErrors() {
        List<GeneratedTweet> retweets = generate(shapes(0, 0, 0, 0, 0, 0, 0, 1, 0, 0), TweetRecipe.Shape.RETWEET, 30);

        for (GeneratedTweet retweet : retweets) {
            JsonNode message = v2(retweet);
            String originalId = message.at("/data/referenced_tweets/0/id").asText();
            assertThat(message.at("/data/referenced_tweets/0/type").asText()).isEqualTo("retweeted");
            assertThat(message.at("/data/text").asText()).startsWith("RT @");
            assertThat(message.path("includes").path("tweets").findValuesAsText("id")).doesNotContain(originalId);
            assertThat(message.path("errors")).containsExactly(Json.parse("{\"value\":\"" + originalId + "\","
                    + "\"detail\":\"Could not find tweet with referenced_tweets.id: [" + originalId + "].\","
                    + "\"title\":\"Not Found Error\",\"resource_type\":\"tweet\",\"parameter\":\"referenced_tweets.id\","
                    + "\"resource_id\":\"" + originalId + "\","
                    + "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}"));
        }
    }

    @Test
    void aQuoteWhoseAuthorIsMissingIsIncludedWithoutItAndTheErrorSaysSo() {
        List<GeneratedTweet> quotes = generate(shapes(0, 0, 0, 0, 0, 0, 0, 0, 1, 0), TweetRecipe.Shape.QUOTE, 30);

        for (GeneratedTweet quote : quotes) {
            JsonNode message = v2(quote);
            JsonNode quoted = message.at("/includes/tweets/0");
            String authorId = quoted.path("author_id").asText();
            if (authorId.equals(message.at("/data/author_id").asText())) {
                continue; // a self-quote: the author is included as the quote's own
            }
            assertThat(quoted.path("id").asText()).isEqualTo(message.at("/data/referenced_tweets/0/id").asText());
            assertThat(message.path("includes").path("users").findValuesAsText("id")).doesNotContain(authorId)
                    .contains(message.at("/data/author_id").asText());
            JsonNode error = message.at("/errors/0");
            assertThat(error.path("parameter").asText()).isEqualTo("referenced_tweets.id.author_id");
            assertThat(error.path("resource_type").asText()).isEqualTo("user");
            assertThat(error.path("value").asText()).isEqualTo(authorId);
            assertThat(error.path("resource_id").asText()).isEqualTo(authorId);
            assertThat(error.path("title").asText()).isEqualTo("Not Found Error");
        }
    }

    @Test
    void aReplyWhoseParentIsIncludedHasItInIncludesAndItsThreadAsConversation() {
        List<GeneratedTweet> replies = generate(shapes(0, 0, 0, 0, 0, 0, 0, 0, 0, 1), TweetRecipe.Shape.REPLY, 50);

        for (GeneratedTweet reply : replies) {
            JsonNode message = v2(reply);
            JsonNode data = message.path("data");
            String parentId = reply.json().path("in_reply_to_status_id_str").asText();
            assertThat(data.at("/referenced_tweets/0")).isEqualTo(Json.parse("{\"type\":\"replied_to\",\"id\":\"" + parentId + "\"}"));
            assertThat(data.path("in_reply_to_user_id").asText()).isEqualTo(reply.json().path("in_reply_to_user_id_str").asText());
            JsonNode parent = message.at("/includes/tweets/0");
            assertThat(parent.path("id").asText()).isEqualTo(parentId);
            assertThat(parent.path("author_id").asText()).isEqualTo(data.path("in_reply_to_user_id").asText());
            assertThat(message.path("errors").isMissingNode()).isTrue();
            assertThat(data.path("conversation_id").asLong()).isLessThanOrEqualTo(Long.parseLong(parentId));
        }
        assertThat(replies).anyMatch(reply -> !v2(reply).at("/data/conversation_id").asText()
                .equals(reply.json().path("in_reply_to_status_id_str").asText()));
    }

    private static PayloadShapes shapes(double longPost, double html, double media, double poll, double edited,
                                        double sensitive, double withheld, double unavailable, double missingAuthor,
                                        double parentIncluded) {
        return new PayloadShapes(longPost, html, media, poll, edited, sensitive, withheld, unavailable, missingAuthor,
                parentIncluded);
    }

    /** Posts of the sample stream's mix that are neither retweets nor quotes: the shapes apply to them whole. */
    private static List<GeneratedTweet> originals(PayloadShapes shapes, int count) {
        TweetGenerator generator = new TweetFactory(7L, new TweetMix(0.3, 0, 0), shapes).forV2Stream(1);
        List<GeneratedTweet> posts = new ArrayList<>();
        while (posts.size() < count) {
            posts.add(generator.next(NOW, TweetRecipe.ANYTHING));
        }
        return posts;
    }

    private static List<GeneratedTweet> generate(PayloadShapes shapes, TweetRecipe.Shape shape, int count) {
        TweetGenerator generator = new TweetFactory(7L, MIX, shapes).forV2Stream(1);
        TweetRecipe recipe = new TweetRecipe(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null,
                shape, false, false, false);
        List<GeneratedTweet> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            posts.add(generator.next(NOW, recipe));
        }
        return posts;
    }

    private static JsonNode v2(GeneratedTweet post) {
        V2Payload payload = new V2Payload(new TweetFactory(7L, MIX).users());
        return payload.message(new StatusView(post.json()), post.v2(), ALL, null);
    }

    private static void assertV2Indices(String text, JsonNode entities) {
        entities.path("hashtags").forEach(tag -> assertThat(slice(text, tag)).isEqualTo("#" + tag.path("tag").asText()));
        entities.path("mentions").forEach(m -> assertThat(slice(text, m)).isEqualTo("@" + m.path("username").asText()));
        entities.path("urls").forEach(url -> assertThat(slice(text, url)).isEqualTo(url.path("url").asText()));
    }

    private static String slice(String text, JsonNode entity) {
        return text.substring(text.offsetByCodePoints(0, entity.path("start").asInt()),
                text.offsetByCodePoints(0, entity.path("end").asInt()));
    }
}
