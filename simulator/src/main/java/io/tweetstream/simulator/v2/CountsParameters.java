package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.generate.SnowflakeIds;
import io.tweetstream.simulator.rules.RuleExpression;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A {@code GET /2/tweets/counts/recent} request as X reads it (openapi.json {@code tweetCountsRecentSearch}):
 * {@code query} as recent search takes it, {@code start_time} (within the last 7 days; default {@code end_time} minus 7
 * days), {@code end_time} (at least 10 s before the request, 30 s before it when absent), {@code granularity}
 * {@code minute}, {@code hour} (default) or {@code day}, {@code since_id} and {@code until_id} (which narrow the period
 * to the times their Snowflake ids hold), {@code search_count.fields} (every field is sent anyway). Every bucket fits
 * in one answer, so the simulator never sends a {@code next_token} and refuses any it is given.
 *
 * @param start counts from here (inclusive)
 * @param end   to here (exclusive); not after {@code start} when the ids leave nothing to count
 */
public record CountsParameters(RuleExpression query, Instant start, Instant end, Granularity granularity) {

    private static final Set<String> KNOWN = Set.of("query", "start_time", "end_time", "granularity", "since_id",
            "until_id", "next_token", "pagination_token", "search_count.fields");

    /** @throws InvalidParametersException with X's messages */
    public static CountsParameters parse(Map<String, String> query, Instant now, int maxQueryLength)
            throws InvalidParametersException {
        FieldSelection.parse(query, KNOWN);
        RuleExpression expression = SearchParameters.query(query.get("query"), maxQueryLength);
        Instant earliest = now.minus(SearchParameters.REACH);
        Instant start = TimeParameter.parse(query, TimeParameter.START);
        Instant end = TimeParameter.parse(query, TimeParameter.END);
        if (start != null && start.isBefore(earliest)) {
            throw TimeParameter.tooEarly(query, TimeParameter.START, earliest);
        }
        if (end != null && end.isAfter(now.minus(SearchParameters.MIN_END_AGE))) {
            String value = query.get(TimeParameter.END);
            throw TimeParameter.invalid(TimeParameter.END, value, "Invalid '" + TimeParameter.END + "':'" + value
                    + "'. '" + TimeParameter.END + "' must be a minimum of 10 seconds prior to the request time.");
        }
        Instant until = end != null ? end : now.minus(SearchParameters.DEFAULT_END_AGE);
        if (start != null && !until.isAfter(start)) {
            throw TimeParameter.notAfterStart(query);
        }
        Instant from = start != null ? start : until.minus(SearchParameters.REACH);
        long sinceId = SearchParameters.id(query, "since_id", 0);
        long untilId = SearchParameters.id(query, "until_id", Long.MAX_VALUE);
        if (sinceId != 0) {
            from = latest(from, SnowflakeIds.createdAt(sinceId).plusMillis(1));
        }
        if (untilId != Long.MAX_VALUE) {
            until = earliest(until, SnowflakeIds.createdAt(untilId));
        }
        for (String token : new String[] {"next_token", "pagination_token"}) {
            if (query.containsKey(token)) {
                throw TimeParameter.invalid(token, query.get(token), "The `" + token + "` query parameter value ["
                        + query.get(token) + "] is not valid");
            }
        }
        return new CountsParameters(expression, from, until, granularity(query.get("granularity")));
    }

    /** The length counted. */
    public Duration length() {
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }

    private static Granularity granularity(String value) throws InvalidParametersException {
        if (value == null) {
            return Granularity.HOUR;
        }
        for (Granularity granularity : Granularity.values()) {
            if (granularity.parameterValue().equals(value)) {
                return granularity;
            }
        }
        throw TimeParameter.invalid("granularity", value, "The `granularity` query parameter value [" + value
                + "] is not one of [day,hour,minute]");
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
