package io.tweetstream.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that every entity's {@code indices} point, in code points, at the entity's text. */
public final class EntityIndices {

    private EntityIndices() {
    }

    public static void assertConsistent(String text, JsonNode entities) {
        entities.path("hashtags").forEach(hashtag ->
                assertThat(slice(text, hashtag)).as("hashtag in %s", text).isEqualTo("#" + hashtag.path("text").asText()));
        entities.path("user_mentions").forEach(mention ->
                assertThat(slice(text, mention)).as("mention in %s", text)
                        .isEqualTo("@" + mention.path("screen_name").asText()));
        entities.path("urls").forEach(url ->
                assertThat(slice(text, url)).as("url in %s", text).isEqualTo(url.path("url").asText()));
    }

    private static String slice(String text, JsonNode entity) {
        int start = entity.path("indices").get(0).asInt();
        int end = entity.path("indices").get(1).asInt();
        assertThat(end).as("entity end within %s", text).isLessThanOrEqualTo(text.codePointCount(0, text.length()));
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }
}
