package io.tweetstream.connect.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One page of a recent search as X answers it: tweets newest first in {@code data}, the objects they
 * refer to in {@code includes}, what X could not include in {@code errors}, and in {@code meta} the
 * token of the next page (x-api/posts/search/integrate/paginate.mdx).
 *
 * @param tweets each tweet of the page as the stream would have sent it: a message of its own with
 *     the includes and errors of the objects it refers to, so that it maps exactly as a streamed one
 * @param nextToken the next page's {@code next_token}; null on the last page
 */
record SearchPage(List<JsonNode> tweets, String nextToken, RateLimit rateLimit) {

    static SearchPage of(JsonNode body, RateLimit rateLimit) {
        List<JsonNode> tweets = new ArrayList<>();
        for (JsonNode tweet : body.path("data")) {
            tweets.add(message(tweet, body.path("includes"), body.path("errors")));
        }
        JsonNode next = body.path("meta").path("next_token");
        return new SearchPage(tweets, next.isTextual() ? next.asText() : null, rateLimit);
    }

    /**
     * The tweet with only its own includes: a page's includes serve its hundred tweets, and each
     * message carrying them all would be written and read a hundred times over.
     */
    private static ObjectNode message(JsonNode tweet, JsonNode includes, JsonNode errors) {
        Set<String> tweetIds = new HashSet<>();
        Set<String> userIds = new HashSet<>();
        Set<String> mediaKeys = new HashSet<>();
        Set<String> placeIds = new HashSet<>();
        refersTo(tweet, tweetIds, userIds, mediaKeys, placeIds);
        for (JsonNode referenced : includes.path("tweets")) {
            if (tweetIds.contains(referenced.path("id").asText())) {
                refersTo(referenced, new HashSet<>(), userIds, mediaKeys, placeIds);
            }
        }
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.set("data", tweet);
        ObjectNode own = message.putObject("includes");
        keep(includes.path("users"), "id", userIds, own, "users");
        keep(includes.path("tweets"), "id", tweetIds, own, "tweets");
        keep(includes.path("media"), "media_key", mediaKeys, own, "media");
        keep(includes.path("places"), "id", placeIds, own, "places");
        Set<String> referenced = new HashSet<>(tweetIds);
        referenced.addAll(userIds);
        keep(errors, "resource_id", referenced, message, "errors");
        return message;
    }

    private static void refersTo(JsonNode tweet, Set<String> tweetIds, Set<String> userIds, Set<String> mediaKeys,
            Set<String> placeIds) {
        userIds.add(tweet.path("author_id").asText());
        tweet.path("referenced_tweets").forEach(ref -> tweetIds.add(ref.path("id").asText()));
        tweet.path("attachments").path("media_keys").forEach(key -> mediaKeys.add(key.asText()));
        placeIds.add(tweet.path("geo").path("place_id").asText());
    }

    private static void keep(JsonNode objects, String idField, Set<String> ids, ObjectNode into, String name) {
        ArrayNode kept = null;
        for (JsonNode object : objects) {
            if (ids.contains(object.path(idField).asText())) {
                if (kept == null) {
                    kept = into.putArray(name);
                }
                kept.add(object);
            }
        }
    }
}
