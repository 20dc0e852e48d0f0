package io.tweetstream.dashboard.count;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalLong;

/**
 * Reads a record value of the counts topic, e.g.
 * {@code {"window_start":"2026-11-25T10:00:01.000Z","window_end":"...","keyword":"*","count":12,"lag_ms":2300}}.
 * Strict about what the chart needs (start, keyword, a whole non-negative count), lenient about the
 * rest: timestamps in several forms ({@link Timestamps}), a missing or odd {@code lag_ms} is only
 * unknown, and {@code window_end} and unknown fields are ignored (every window is one second).
 */
public final class CountParser {

    private final ObjectMapper mapper = new ObjectMapper();

    /** @throws MalformedCountException saying what is wrong, for anything else; never another exception */
    public WindowCount parse(String value) throws MalformedCountException {
        if (value == null || value.isBlank()) {
            throw new MalformedCountException("empty value");
        }
        JsonNode json;
        try {
            json = mapper.readTree(value);
        } catch (JacksonException e) {
            throw new MalformedCountException("not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new MalformedCountException("not a JSON object: '" + Timestamps.abbreviate(value) + "'");
        }
        return new WindowCount(windowStart(json.get("window_start")), keyword(json.get("keyword")),
                count(json.get("count")), lag(json.get("lag_ms")));
    }

    private static long windowStart(JsonNode node) throws MalformedCountException {
        if (node != null && node.isTextual()) {
            return Timestamps.toEpochMillis(node.textValue());
        }
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        throw new MalformedCountException("no window_start timestamp");
    }

    private static String keyword(JsonNode node) throws MalformedCountException {
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw new MalformedCountException("no keyword");
        }
        return node.textValue();
    }

    private static long count(JsonNode node) throws MalformedCountException {
        if (node == null || !node.isNumber() || !wholeLong(node)) {
            throw new MalformedCountException("no whole count");
        }
        long count = node.longValue();
        if (count < 0) {
            throw new MalformedCountException("negative count " + count);
        }
        return count;
    }

    private static OptionalLong lag(JsonNode node) {
        return node != null && node.isNumber() && node.canConvertToLong() ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
    }

    /** 12 and 12.0 (Spark may write a count as a double after an aggregation), not 12.5 or 1e30. */
    private static boolean wholeLong(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong();
        }
        double value = node.doubleValue();
        return value == Math.rint(value) && Math.abs(value) < 0x1p53;
    }
}
