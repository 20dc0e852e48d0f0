package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One generated post on both APIs: the same post, whatever its shape. */
class TweetRenderingsTest {

    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void bothRenderingsDescribeTheSamePost() {
        TweetRenderings renderings = TweetRenderings.of(SimulatorSettings.builder().seed(3).mediaRatio(0.5)
                .longPostRatio(0.2).htmlEntityRatio(0.3).unavailableReferenceRatio(0).build());

        for (int i = 0; i < 300; i++) {
            RenderedTweet tweet = renderings.next(AT.plusMillis(i));
            JsonNode v1 = Json.parse(tweet.v1Status());
            JsonNode message = Json.parse(tweet.v2Line());
            JsonNode data = message.path("data");

            assertThat(v1.path("id").asLong()).isEqualTo(tweet.id()).isEqualTo(data.path("id").asLong());
            assertThat(v1.path("user").path("id").asLong()).isEqualTo(tweet.authorId()).isEqualTo(data.path("author_id").asLong());
            // created_at has whole seconds on both APIs, as X sends it; timestamp_ms the milliseconds.
            assertThat(Instant.parse(data.path("created_at").asText()))
                    .isEqualTo(Instant.ofEpochMilli(v1.path("timestamp_ms").asLong()).truncatedTo(ChronoUnit.SECONDS));
            String v1Text = v1.has("extended_tweet") ? v1.at("/extended_tweet/full_text").asText() : v1.path("text").asText();
            String v2Text = data.has("note_tweet") ? data.at("/note_tweet/text").asText() : data.path("text").asText();
            assertThat(v2Text).isEqualTo(v1Text);
            JsonNode v1Entities = v1.has("extended_tweet") ? v1.at("/extended_tweet/entities") : v1.path("entities");
            JsonNode v2Entities = data.has("note_tweet") ? data.at("/note_tweet/entities") : data.path("entities");
            assertThat(values(v2Entities.path("hashtags"), "tag")).isEqualTo(values(v1Entities.path("hashtags"), "text"));
            assertThat(values(v2Entities.path("mentions"), "username"))
                    .isEqualTo(values(v1Entities.path("user_mentions"), "screen_name"));
            JsonNode v1Media = v1.has("extended_tweet") ? v1.at("/extended_tweet/extended_entities/media")
                    : v1.at("/extended_entities/media");
            assertThat(data.path("attachments").path("media_keys").size()).isEqualTo(v1Media.size());
            assertThat(message.path("includes").path("media").findValuesAsText("media_key"))
                    .containsAll(values(data.path("attachments").path("media_keys"), null));
            if (v1.has("retweeted_status")) {
                assertThat(message.at("/includes/tweets/0/id").asText()).isEqualTo(v1.at("/retweeted_status/id_str").asText());
            }
        }
    }

    @Test
    void theSameSettingsAndTimesGiveTheSamePosts() {
        SimulatorSettings settings = SimulatorSettings.builder().seed(11).build();
        TweetRenderings first = TweetRenderings.of(settings);
        TweetRenderings second = TweetRenderings.of(settings);

        for (int i = 0; i < 20; i++) {
            assertThat(second.next(AT.plusSeconds(i))).isEqualTo(first.next(AT.plusSeconds(i)));
        }
    }

    @Test
    void aQueryNarrowsTheV2FieldsAsAStreamRequestWould() {
        RenderedTweet tweet = TweetRenderings.of(SimulatorSettings.builder().build()).next(AT, "tweet.fields=lang");

        assertThat(fieldNames(Json.parse(tweet.v2Line()).path("data")))
                .containsExactlyInAnyOrder("id", "text", "edit_history_tweet_ids", "lang");
        assertThatThrownBy(() -> TweetRenderings.of(SimulatorSettings.builder().build()).next(AT, "tweet.fields=bogus"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bogus");
    }

    private static List<String> values(JsonNode entities, String field) {
        List<String> values = new ArrayList<>();
        entities.forEach(entity -> values.add(field == null ? entity.asText() : entity.path(field).asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
