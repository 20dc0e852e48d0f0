package io.tweetstream.connect.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tweetstream.connect.tweet.Tweet;
import java.util.ArrayList;
import java.util.List;

/**
 * What a v1.1 status's JSON holds that Twitter4j 4.0.7 does not give: the edit history (Twitter4j
 * predates edits) and the media of an extended tweet (Twitter4j reads them from
 * {@code extended_tweet.entities}, where a video appears as its preview photo, and ignores
 * {@code extended_tweet.extended_entities}, which has the real types and every item).
 */
final class StatusJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusJson() {}

    /** The status's JSON tree, or a missing node when there is no JSON or it does not parse. */
    static JsonNode parse(String json) {
        if (json == null) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Twitter4j parsed the same line, so this cannot happen for a status it delivered.
            return MissingNode.getInstance();
        }
    }

    /**
     * Every version's id, oldest first: {@code edit_history.edit_tweet_ids} (the enterprise native
     * format) or {@code ext_edit_control}'s (the REST API's); null when the status has neither, as
     * statuses/filter never has (X did not add edit metadata to the v1.1 streams).
     */
    static List<Long> editHistoryTweetIds(JsonNode status) {
        JsonNode control = status.path("ext_edit_control");
        for (JsonNode ids : List.of(status.path("edit_history").path("edit_tweet_ids"),
                control.path("initial").path("edit_tweet_ids"),
                control.path("edit").path("edit_control_initial").path("edit_tweet_ids"))) {
            if (ids.isArray()) {
                List<Long> result = new ArrayList<>(ids.size());
                ids.forEach(id -> result.add(id.asLong()));
                return result;
            }
        }
        return null;
    }

    /**
     * The attached media, from the fullest list the status has; empty when it has none, null when
     * there is no JSON to read.
     */
    static List<Tweet.Media> media(JsonNode status) {
        if (status.isMissingNode()) {
            return null;
        }
        JsonNode extended = status.path("extended_tweet");
        for (JsonNode items : List.of(extended.path("extended_entities").path("media"),
                status.path("extended_entities").path("media"),
                extended.path("entities").path("media"),
                status.path("entities").path("media"))) {
            if (items.isArray() && !items.isEmpty()) {
                List<Tweet.Media> media = new ArrayList<>(items.size());
                for (JsonNode item : items) {
                    String url = item.hasNonNull("media_url_https") ? item.get("media_url_https").asText()
                            : item.path("media_url").asText(null);
                    long id = item.hasNonNull("id_str") ? Long.parseLong(item.get("id_str").asText())
                            : item.path("id").asLong();
                    media.add(new Tweet.Media(id, item.path("type").asText(null), url,
                            item.path("ext_alt_text").asText(null)));
                }
                return media;
            }
        }
        return List.of();
    }
}
