package io.tweetstream.dashboard.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tweetstream.dashboard.count.CountSeries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * The JSON of {@code GET /api/counts}:
 * <pre>{@code
 * {"since": 0,
 *  "newest_window_start_ms": 1795600803000,
 *  "latest": {"window_start_ms": 1795600802000, "count": 14, "late": 0, "final": false,
 *             "provisional_lag_ms": 180, "final_lag_ms": null, "lag_ms": 430},
 *  "series": [{"keyword": "*", "points": [[1795600801000, 11, 1, 2], [1795600802000, 14, 0, 0], [1795600803000, 3, 0, 0]]},
 *             {"keyword": "kafka", "points": [[1795600801000, 4, 1, 0]]}]}
 * }</pre>
 * A point is {@code [window start ms, count, final ? 1 : 0, late]}: {@code count} is the second's
 * full count, the provisional or final count plus the {@code late} tweets added to it since it
 * became final; arrays rather than objects keep the answer small at one point per keyword and
 * second. The newest seconds may still be in progress (their count so far); {@code latest} is the
 * newest second that has ended (its latest record's {@code lag_ms} is 0 or more, or without a lag,
 * its end is past by the server's clock) and has a total. {@code provisional_lag_ms} is the lag of
 * the first count of that second with a lag of 0 or more: how long after the second ended its count
 * was first on the topic. {@code latest} and {@code newest_window_start_ms} are {@code null} while
 * there is none, and a lag is {@code null} when the job did not say.
 */
public final class CountsJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private CountsJson() {
    }

    public static byte[] render(CountSeries counts, long sinceMs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeNumberField("since", sinceMs);
            writeOptional(json, "newest_window_start_ms", counts.newestWindowStartMs());
            json.writeFieldName("latest");
            if (counts.latest().isPresent()) {
                writeLatest(json, counts.latest().get());
            } else {
                json.writeNull();
            }
            json.writeArrayFieldStart("series");
            for (CountSeries.KeywordSeries series : counts.series()) {
                writeSeries(json, series);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeLatest(JsonGenerator json, CountSeries.Latest latest) throws IOException {
        json.writeStartObject();
        json.writeNumberField("window_start_ms", latest.windowStartMs());
        json.writeNumberField("count", latest.count());
        json.writeNumberField("late", latest.late());
        json.writeBooleanField("final", latest.isFinal());
        writeOptional(json, "provisional_lag_ms", latest.provisionalLagMs());
        writeOptional(json, "final_lag_ms", latest.finalLagMs());
        writeOptional(json, "lag_ms", latest.lagMs());
        json.writeEndObject();
    }

    private static void writeOptional(JsonGenerator json, String field, OptionalLong value) throws IOException {
        json.writeFieldName(field);
        if (value.isPresent()) {
            json.writeNumber(value.getAsLong());
        } else {
            json.writeNull();
        }
    }

    private static void writeSeries(JsonGenerator json, CountSeries.KeywordSeries series) throws IOException {
        json.writeStartObject();
        json.writeStringField("keyword", series.keyword());
        json.writeArrayFieldStart("points");
        for (CountSeries.Point point : series.points()) {
            json.writeStartArray();
            json.writeNumber(point.windowStartMs());
            json.writeNumber(point.count());
            json.writeNumber(point.isFinal() ? 1 : 0);
            json.writeNumber(point.late());
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
