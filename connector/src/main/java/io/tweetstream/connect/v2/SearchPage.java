package io.tweetstream.connect.v2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a recent search as X answers it: tweets newest first in {@code data}, the objects they
 * refer to in {@code includes}, what X could not include in {@code errors}, and in {@code meta} the
 * token of the next page (x-api/posts/search/integrate/paginate.mdx).
 *
 * @param tweets each tweet of the page as a stream message of its own, with the page's includes
 *     and errors, so that it maps exactly as a streamed one
 * @param nextToken the next page's {@code next_token}; null on the last page
 */
record SearchPage(List<JsonNode> tweets, String nextToken, RateLimit rateLimit) {

    static SearchPage of(JsonNode body, RateLimit rateLimit) {
        List<JsonNode> tweets = new ArrayList<>();
        JsonNode data = body.path("data");
        for (JsonNode tweet : data) {
            var message = Json.MAPPER.createObjectNode();
            message.set("data", tweet);
            if (body.has("includes")) {
                message.set("includes", body.get("includes"));
            }
            if (body.has("errors")) {
                message.set("errors", body.get("errors"));
            }
            tweets.add(message);
        }
        JsonNode next = body.path("meta").path("next_token");
        return new SearchPage(tweets, next.isTextual() ? next.asText() : null, rateLimit);
    }
}
