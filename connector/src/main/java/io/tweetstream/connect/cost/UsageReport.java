package io.tweetstream.connect.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What {@code GET /2/usage/tweets} says of the project: the Posts read in the current cap period,
 * the monthly cap, the day of the month it resets, and the Posts read on X's current UTC day. X
 * sends the numbers as JSON strings (observed) or numbers (its docs): both are read.
 *
 * @param postsToday the Posts of {@code today} in {@code daily_project_usage}; -1 when X listed no such day
 */
public record UsageReport(long projectUsage, long projectCap, int capResetDay, LocalDate today, long postsToday) {

    /** @param today X's current UTC day, for which the daily usage is read */
    public static UsageReport of(JsonNode response, LocalDate today) {
        JsonNode data = response.path("data");
        long postsToday = -1;
        for (JsonNode day : data.path("daily_project_usage").path("usage")) {
            if (isDay(day.path("date").asText(""), today)) {
                postsToday = number(day.path("usage"));
            }
        }
        return new UsageReport(number(data.path("project_usage")), number(data.path("project_cap")),
                (int) number(data.path("cap_reset_day")), today, postsToday);
    }

    /** X's dates are "2026-12-02T00:00:00.000Z" or "2026-12-02". */
    private static boolean isDay(String date, LocalDate day) {
        try {
            return date.length() >= 10 && LocalDate.parse(date.substring(0, 10)).equals(day);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A number, or a string of one; -1 when absent or unreadable. */
    static long number(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
