package io.tweetstream.dashboard.count;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads a record value of the counts topic: a whole second, as the Spark job's Kafka sink writes it,
 * {@code {"window_start":"2026-11-25T10:00:01.000Z","window_end":"...","total":12,"keywords":{"kafka":5},"lag_ms":2300}},
 * or one count row of an earlier job or another writer,
 * {@code {"window_start":"2026-11-25T10:00:01.000Z","window_end":"...","keyword":"*","count":12,"lag_ms":2300}}.
 * Strict about what the chart needs (start, keyword, a whole non-negative count), lenient about the
 * rest: timestamps in several forms ({@link Timestamps}), a missing or odd {@code lag_ms} is only
 * unknown, and {@code window_end} and unknown fields are ignored (every window is one second).
 */
public final class CountParser {

    private static final String TOTAL_FIELD = "total";

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The counts of a record: a second's total and each of its keywords, or the one count of a row.
     *
     * @throws MalformedCountException saying what is wrong, for anything else; never another exception
     */
    public List<WindowCount> parseAll(String value) throws MalformedCountException {
        JsonNode json = object(value);
        if (!json.has(TOTAL_FIELD)) {
            return List.of(row(json));
        }
        long windowStart = windowStart(json.get("window_start"));
        OptionalLong lag = lag(json.get("lag_ms"));
        JsonNode keywords = json.get("keywords");
        if (keywords == null || !keywords.isObject()) {
            throw new MalformedCountException("a second without a keywords object");
        }
        List<WindowCount> counts = new ArrayList<>(keywords.size() + 1);
        counts.add(new WindowCount(windowStart, WindowCount.TOTAL, count(json.get(TOTAL_FIELD)), lag));
        for (Map.Entry<String, JsonNode> keyword : keywords.properties()) {
            if (keyword.getKey().isBlank()) {
                throw new MalformedCountException("a blank keyword");
            }
            counts.add(new WindowCount(windowStart, keyword.getKey(), count(keyword.getValue()), lag));
        }
        return counts;
    }

    /**
     * One count row.
     *
     * @throws MalformedCountException saying what is wrong, for anything else; never another exception
     */
    public WindowCount parse(String value) throws MalformedCountException {
        return row(object(value));
    }

    private JsonNode object(String value) throws MalformedCountException {
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
        return json;
    }

    private static WindowCount row(JsonNode json) throws MalformedCountException {
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
