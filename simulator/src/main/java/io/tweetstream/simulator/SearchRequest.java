package io.tweetstream.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * A request to {@code GET /2/tweets/search/recent} and how it was answered.
 *
 * @param at          when it came
 * @param parameters  its query parameters, as sent (decoded)
 * @param httpStatus  200, or the error status it got (400, 401, 429)
 * @param resultCount the tweets on the page answered; 0 for an error
 */
public record SearchRequest(Instant at, Map<String, String> parameters, int httpStatus, int resultCount) {

    public SearchRequest {
        parameters = Map.copyOf(parameters);
    }
}
