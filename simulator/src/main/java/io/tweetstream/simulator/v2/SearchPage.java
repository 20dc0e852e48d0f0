package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.stream.V2Tweet;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page of recent search as X answers it: {@code data} (newest first, each tweet rendered exactly as the stream
 * renders it for the same fields, without {@code matching_rules}), {@code includes} merged over the page (each user,
 * tweet, place, medium or poll once), {@code errors}, and {@code meta {newest_id, oldest_id, result_count,
 * next_token}}; no {@code data} and {@code result_count: 0} when nothing matched.
 */
public final class SearchPage {

    private final V2Payload payload;
    private final ObjectMapper mapper;

    public SearchPage(V2Payload payload, ObjectMapper mapper) {
        this.payload = payload;
        this.mapper = mapper;
    }

    /** @param nextToken the token of the next page; {@code null} on the last one */
    public ObjectNode render(List<V2Tweet> tweets, FieldSelection fields, String nextToken) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode data = mapper.createArrayNode();
        ObjectNode includes = mapper.createObjectNode();
        ArrayNode errors = mapper.createArrayNode();
        Set<String> included = new HashSet<>();
        for (V2Tweet tweet : tweets) {
            ObjectNode message = tweet.recorded() != null ? Replayed.withRules(tweet.recorded(), null)
                    : payload.message(new StatusView(tweet.status()), tweet.context(), fields, null);
            data.add(message.path("data"));
            Iterator<Map.Entry<String, JsonNode>> kinds = message.path("includes").fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                ArrayNode merged = includes.has(kind.getKey()) ? (ArrayNode) includes.get(kind.getKey())
                        : includes.putArray(kind.getKey());
                for (JsonNode item : kind.getValue()) {
                    if (included.add(kind.getKey() + ":" + key(item))) {
                        merged.add(item);
                    }
                }
            }
            message.path("errors").forEach(errors::add);
        }
        if (!tweets.isEmpty()) {
            body.set("data", data);
        }
        if (!includes.isEmpty()) {
            body.set("includes", includes);
        }
        if (!errors.isEmpty()) {
            body.set("errors", errors);
        }
        ObjectNode meta = body.putObject("meta");
        if (!tweets.isEmpty()) {
            meta.put("newest_id", Long.toString(tweets.get(0).id()));
            meta.put("oldest_id", Long.toString(tweets.get(tweets.size() - 1).id()));
        }
        meta.put("result_count", tweets.size());
        if (nextToken != null) {
            meta.put("next_token", nextToken);
        }
        return body;
    }

    private static String key(JsonNode item) {
        return item.has("media_key") ? item.path("media_key").asText() : item.path("id").asText();
    }
}
