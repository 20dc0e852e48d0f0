package io.tweetstream.simulator.v2;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code GET /2/usage/tweets} request as X reads it (openapi.json {@code getUsageTweets}): {@code days}, 1 to 90
 * (default 7), and {@code usage.fields}, a comma list of the report's fields. The project's cap, reset day, id and
 * usage are always sent; the two daily breakdowns only when named.
 */
public record UsageParameters(int days, Set<String> fields) {

    public static final String DAILY_PROJECT_USAGE = "daily_project_usage";
    public static final String DAILY_CLIENT_APP_USAGE = "daily_client_app_usage";
    static final Set<String> FIELDS = Set.of("cap_reset_day", DAILY_CLIENT_APP_USAGE, DAILY_PROJECT_USAGE,
            "project_cap", "project_id", "project_usage");
    private static final Set<String> KNOWN = Set.of("days", "usage.fields");
    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 90;

    /** @throws InvalidParametersException with X's messages, one per bad parameter */
    public static UsageParameters parse(Map<String, String> query) throws InvalidParametersException {
        List<InvalidParametersException.Problem> problems = FieldSelection.unknownParameters(query, KNOWN);
        int days = days(query.get("days"), problems);
        Set<String> fields = new LinkedHashSet<>();
        String named = query.get("usage.fields");
        if (named != null && !named.isEmpty()) {
            fields.addAll(Arrays.asList(named.split(",")));
            List<String> unknown = fields.stream().filter(field -> !FIELDS.contains(field)).toList();
            if (!unknown.isEmpty()) {
                problems.add(problem("usage.fields", unknown, "The `usage.fields` query parameter value ["
                        + String.join(",", unknown) + "] is not one of " + FieldSelection.listed(FIELDS)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return new UsageParameters(days, Set.copyOf(fields));
    }

    public boolean wants(String field) {
        return fields.contains(field);
    }

    private static int days(String value, List<InvalidParametersException.Problem> problems) {
        if (value == null) {
            return DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        problems.add(problem("days", List.of(value), "The `days` query parameter value [" + value
                + "] is not between 1 and " + MAX_DAYS));
        return DEFAULT_DAYS;
    }

    private static InvalidParametersException.Problem problem(String parameter, List<String> values, String message) {
        return new InvalidParametersException.Problem(parameter, values, message);
    }
}
