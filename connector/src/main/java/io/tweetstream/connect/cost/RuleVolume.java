package io.tweetstream.connect.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How many Posts a rule matched over the window {@code GET /2/tweets/counts/recent} counted (the
 * last 7 days by default), and so how many a day it would bring.
 */
public record RuleVolume(String rule, long posts, Instant from, Instant to) {

    public static RuleVolume of(String rule, JsonNode response) {
        JsonNode buckets = response.path("data");
        long total = UsageReport.number(response.path("meta").path("total_tweet_count"));
        Instant from = null;
        Instant to = null;
        long summed = 0;
        for (JsonNode bucket : buckets) {
            Instant start = instant(bucket.path("start").asText(null));
            Instant end = instant(bucket.path("end").asText(null));
            if (start != null && (from == null || start.isBefore(from))) {
                from = start;
            }
            if (end != null && (to == null || end.isAfter(to))) {
                to = end;
            }
            summed += Math.max(0, UsageReport.number(bucket.path("tweet_count")));
        }
        return new RuleVolume(rule, total >= 0 ? total : summed, from, to);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The Posts a day at the window's rate; 0 when X counted no window. */
    public double postsPerDay() {
        if (from == null || to == null || !to.isAfter(from)) {
            return 0;
        }
        return posts * (double) Duration.ofDays(1).toMillis() / Duration.between(from, to).toMillis();
    }
}
