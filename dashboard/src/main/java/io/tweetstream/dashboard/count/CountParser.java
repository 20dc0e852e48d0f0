package io.tweetstream.dashboard.count;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads a record of the counts topic. Its value is one of:
 * <ul>
 *   <li>a whole second, provisional or final, as the Spark job's Kafka sink writes it:
 *       {@code {"window_start":"2026-01-01T00:00:03.000Z","window_end":"...","status":"provisional","total":23,
 *       "keywords":{"kafka":12},"lag_ms":-120}} ({@code "status":"final"} once final; without {@code status},
 *       as earlier jobs wrote it, final);</li>
 *   <li>a late correction, {@code {"window_start":"...","window_end":"...","status":"late","late":2,
 *       "late_keywords":{"kafka":1},"lag_ms":67000}}, identified by its record key;</li>
 *   <li>one count row of an earlier job, final,
 *       {@code {"window_start":"...","window_end":"...","keyword":"*","count":12,"lag_ms":2300}}.</li>
 * </ul>
 * Strict about what the chart needs (start, status, keywords, whole non-negative counts), lenient
 * about the rest: timestamps in several forms ({@link Timestamps}), a missing or odd {@code lag_ms}
 * is only unknown, and {@code window_end} and unknown fields are ignored (every window is one second).
 */
public final class CountParser {

    private static final String TOTAL_FIELD = "total";

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param key   the record key, possibly null: it identifies a late correction
     * @param value the record value
     * @throws MalformedCountException saying what is wrong, for anything but a count; never another exception
     */
    public CountRecord parse(String key, String value) throws MalformedCountException {
        JsonNode json = object(value);
        JsonNode status = json.get("status");
        if (status == null || status.isNull()) {
            return json.has(TOTAL_FIELD) ? second(json, true) : row(json);
        }
        String name = status.isTextual() ? status.textValue().strip().toLowerCase(Locale.ROOT) : status.toString();
        return switch (name) {
            case "provisional" -> second(json, false);
            case "final" -> second(json, true);
            case "late" -> late(json, key == null ? value : key);
            default -> throw new MalformedCountException("unknown status '" + Timestamps.abbreviate(name) + "'");
        };
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

    private static SecondCount second(JsonNode json, boolean isFinal) throws MalformedCountException {
        return new SecondCount(windowStart(json.get("window_start")), isFinal, count(json.get(TOTAL_FIELD)),
                keywordCounts(json, "keywords"), lag(json.get("lag_ms")));
    }

    private static LateCorrection late(JsonNode json, String id) throws MalformedCountException {
        return new LateCorrection(windowStart(json.get("window_start")), id, count(json.get("late")),
                keywordCounts(json, "late_keywords"), lag(json.get("lag_ms")));
    }

    private static WindowCount row(JsonNode json) throws MalformedCountException {
        return new WindowCount(windowStart(json.get("window_start")), keyword(json.get("keyword")),
                count(json.get("count")), lag(json.get("lag_ms")));
    }

    private static Map<String, Long> keywordCounts(JsonNode json, String field) throws MalformedCountException {
        JsonNode keywords = json.get(field);
        if (keywords == null || !keywords.isObject()) {
            throw new MalformedCountException("no " + field + " object");
        }
        Map<String, Long> counts = new HashMap<>();
        for (Map.Entry<String, JsonNode> keyword : keywords.properties()) {
            if (keyword.getKey().isBlank()) {
                throw new MalformedCountException("a blank keyword");
            }
            counts.put(keyword.getKey(), count(keyword.getValue()));
        }
        return counts;
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
