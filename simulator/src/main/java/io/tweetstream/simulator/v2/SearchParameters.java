package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.rules.InvalidRuleException;
import io.tweetstream.simulator.rules.RuleExpression;
import io.tweetstream.simulator.rules.RuleParser;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code GET /2/tweets/search/recent} request as X reads it (openapi.json {@code tweetsRecentSearch};
 * x-api/posts/search/integrate/paginate.mdx): {@code query} in the rule language (without {@code sample:},
 * {@code bio:}, {@code bio_name:}, {@code bio_location:}, which search lacks), {@code since_id} and {@code until_id}
 * (exclusive; {@code since_id} wins over {@code start_time}), {@code start_time} (inclusive, within the last 7 days),
 * {@code end_time} (exclusive, at least 10 s before the request, 30 s before it when absent), {@code max_results} 10 to
 * 100 (10), {@code next_token}, and the field parameters of the streams.
 *
 * @param belowId the page continues with tweets of lower ids than this ({@code next_token}, else {@code until_id},
 *                else {@link Long#MAX_VALUE})
 * @param sinceId tweets must have higher ids than this; 0 for no bound
 * @param start   tweets must be created at or after this (the 7-day bound when not given)
 * @param end     tweets must be created before this
 */
public record SearchParameters(RuleExpression query, long sinceId, long belowId, Instant start, Instant end,
                               int maxResults, FieldSelection fields) {

    /** How far back recent search reaches. */
    public static final Duration REACH = Duration.ofDays(7);
    /** The newest {@code end_time} X takes, before the request. */
    static final Duration MIN_END_AGE = Duration.ofSeconds(10);
    /** {@code end_time} when absent, before the request. */
    static final Duration DEFAULT_END_AGE = Duration.ofSeconds(30);
    static final int MIN_RESULTS = 10;
    static final int MAX_RESULTS = 100;

    private static final Set<String> SEARCH_ONLY = Set.of("query", "since_id", "until_id", "start_time", "end_time",
            "max_results", "next_token", "pagination_token", "sort_order");
    /** X's search lacks the operators on the author's profile and sampling (X-API-FACTS: recovery ladder). */
    private static final Set<String> NOT_SEARCH_OPERATORS = Set.of("sample", "bio", "bio_name", "bio_location");
    private static final Pattern OPERATOR = Pattern.compile("(?<![\\p{L}\\p{N}_])([a-z_]+):");
    private static final Pattern QUOTED = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final String TOKEN_PREFIX = "b26v89c19zqg8o3f";

    /**
     * @param maxQueryLength 512 on pay-per-use, 4,096 on Enterprise
     * @throws InvalidParametersException with X's messages
     */
    public static SearchParameters parse(Map<String, String> query, Instant now, int maxQueryLength)
            throws InvalidParametersException {
        Set<String> known = new HashSet<>(SEARCH_ONLY);
        known.addAll(FieldSelection.FIELD_PARAMETERS);
        FieldSelection fields = FieldSelection.parse(query, known);
        RuleExpression expression = query(query.get("query"), maxQueryLength);
        long sinceId = id(query, "since_id", 0);
        long untilId = id(query, "until_id", Long.MAX_VALUE);
        Instant earliest = now.minus(REACH);
        Instant start = TimeParameter.parse(query, TimeParameter.START);
        Instant end = TimeParameter.parse(query, TimeParameter.END);
        if (start != null && start.isBefore(earliest)) {
            throw TimeParameter.tooEarly(query, TimeParameter.START, earliest);
        }
        if (end != null && end.isAfter(now.minus(MIN_END_AGE))) {
            String value = query.get(TimeParameter.END);
            throw TimeParameter.invalid(TimeParameter.END, value, "Invalid '" + TimeParameter.END + "':'" + value
                    + "'. '" + TimeParameter.END + "' must be a minimum of 10 seconds prior to the request time.");
        }
        Instant until = end != null ? end : now.minus(DEFAULT_END_AGE);
        if (start != null && !until.isAfter(start)) {
            throw TimeParameter.notAfterStart(query);
        }
        // since_id wins over start_time (openapi.json); the 7-day reach holds whatever the client asks.
        Instant from = start != null && sinceId == 0 ? start : earliest;
        int maxResults = maxResults(query.get("max_results"));
        String token = query.containsKey("next_token") ? query.get("next_token") : query.get("pagination_token");
        long below = token == null ? untilId : tokenId(token, query.containsKey("next_token") ? "next_token"
                : "pagination_token");
        return new SearchParameters(expression, sinceId, Math.min(below, untilId), from, until, maxResults, fields);
    }

    /** The token of the page after one whose oldest tweet is {@code oldestId}. */
    public static String nextToken(long oldestId) {
        return TOKEN_PREFIX + Long.toString(oldestId, 36);
    }

    static RuleExpression query(String value, int maxLength) throws InvalidParametersException {
        if (value == null || value.isBlank()) {
            throw TimeParameter.invalid("query", value, "The `query` query parameter can not be empty");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw TimeParameter.invalid("query", value, "There were errors processing your request: Query is too "
                    + "long (" + value.codePointCount(0, value.length()) + " characters, at most " + maxLength + ")");
        }
        Matcher operator = OPERATOR.matcher(blankQuoted(value));
        while (operator.find()) {
            String name = operator.group(1).toLowerCase(Locale.ROOT);
            if (NOT_SEARCH_OPERATORS.contains(name)) {
                throw TimeParameter.invalid("query", value, "There were errors processing your request: Reference to "
                        + "invalid operator '" + name + "'. Operator is not available in current product or product "
                        + "packaging. Please refer to complete available operator list at "
                        + "https://developer.twitter.com/en/docs/twitter-api/tweets/search/integrate/build-a-query#list. "
                        + "(at position " + (operator.start(1) + 1) + ")");
            }
        }
        try {
            return RuleParser.parse(value, maxLength);
        } catch (InvalidRuleException e) {
            throw TimeParameter.invalid("query", value, "There were errors processing your request: " + e.getMessage());
        }
    }

    /** The query with its quoted phrases blanked out, so that a phrase holding {@code bio:} is no operator. */
    private static String blankQuoted(String value) {
        Matcher quoted = QUOTED.matcher(value);
        StringBuilder blanked = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(blanked, " ".repeat(quoted.group().length()));
        }
        return quoted.appendTail(blanked).toString();
    }

    static long id(Map<String, String> query, String name, long absent) throws InvalidParametersException {
        String value = query.get(name);
        if (value == null) {
            return absent;
        }
        if (ID.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException tooLarge) {
                // answered below
            }
        }
        throw TimeParameter.invalid(name, value, "The `" + name + "` query parameter value [" + value
                + "] does not match ^[0-9]{1,19}$");
    }

    private static int maxResults(String value) throws InvalidParametersException {
        if (value == null) {
            return MIN_RESULTS;
        }
        try {
            int results = Integer.parseInt(value);
            if (results >= MIN_RESULTS && results <= MAX_RESULTS) {
                return results;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw TimeParameter.invalid("max_results", value, "The `max_results` query parameter value [" + value
                + "] is not between " + MIN_RESULTS + " and " + MAX_RESULTS);
    }

    private static long tokenId(String token, String name) throws InvalidParametersException {
        if (token.startsWith(TOKEN_PREFIX)) {
            try {
                return Long.parseLong(token.substring(TOKEN_PREFIX.length()), 36);
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw TimeParameter.invalid(name, token, "The `" + name + "` query parameter value [" + token
                + "] is not valid");
    }
}
