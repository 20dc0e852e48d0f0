package io.tweetstream.dashboard.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tweetstream.dashboard.count.CountSeries;
import io.tweetstream.dashboard.count.WindowCount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of {@code GET /api/counts}:
 * <pre>{@code
 * {"since": 0,
 *  "newest_window_start_ms": 1795600802000,
 *  "latest": {"window_start_ms": 1795600802000, "count": 12, "lag_ms": 2300},
 *  "series": [{"keyword": "*", "points": [[1795600801000, 9], [1795600802000, 12]]},
 *             {"keyword": "kafka", "points": [[1795600801000, 4]]}]}
 * }</pre>
 * Points as pairs keep the answer small at one point per keyword and second. {@code latest} is the
 * newest total; it and {@code newest_window_start_ms} are {@code null} while nothing has arrived, and
 * {@code lag_ms} is {@code null} when the job did not say.
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
            json.writeFieldName("newest_window_start_ms");
            if (counts.newestWindowStartMs().isPresent()) {
                json.writeNumber(counts.newestWindowStartMs().getAsLong());
            } else {
                json.writeNull();
            }
            json.writeFieldName("latest");
            if (counts.latestTotal().isPresent()) {
                writeLatest(json, counts.latestTotal().get());
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

    private static void writeLatest(JsonGenerator json, WindowCount total) throws IOException {
        json.writeStartObject();
        json.writeNumberField("window_start_ms", total.windowStartMs());
        json.writeNumberField("count", total.count());
        json.writeFieldName("lag_ms");
        if (total.lagMs().isPresent()) {
            json.writeNumber(total.lagMs().getAsLong());
        } else {
            json.writeNull();
        }
        json.writeEndObject();
    }

    private static void writeSeries(JsonGenerator json, CountSeries.KeywordSeries series) throws IOException {
        json.writeStartObject();
        json.writeStringField("keyword", series.keyword());
        json.writeArrayFieldStart("points");
        for (CountSeries.Point point : series.points()) {
            json.writeStartArray();
            json.writeNumber(point.windowStartMs());
            json.writeNumber(point.count());
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
