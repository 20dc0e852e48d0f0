package io.tweetstream.spark;

import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per batch of the counting query: its {@link InputMetrics}, its
 * {@link OutputMetrics}, the watermark and how long the batch took. Malformed values
 * make the line a warning, since they mean a producer or converter other than the connector's.
 */
public final class ProgressLogger extends StreamingQueryListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressLogger.class);

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        log.info("Query {} started (id {}, run {})", event.name(), event.id(), event.runId());
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress progress = event.progress();
        InputMetrics input = InputMetrics.of(progress);
        OutputMetrics output = OutputMetrics.of(progress);
        String message = "Batch {}: {} records read, {} tombstones, {} malformed (skipped), {} tweets counted"
            + " ({} from headers); published {} provisional, {} final, {} late counts ({} late tweets); watermark {};"
            + " took {} ms ({} ms planning, {} ms writing)";
        Object[] arguments = {progress.batchId(), input.records(), input.tombstones(), input.malformed(),
            input.counted(), input.fromHeaders(), output.provisional(), output.finals(), output.late(),
            output.lateTweets(), progress.eventTime().get("watermark"), duration(progress, "triggerExecution"),
            duration(progress, "queryPlanning"), duration(progress, "addBatch")};
        if (input.malformed() > 0) {
            log.warn(message, arguments);
        } else {
            log.info(message, arguments);
        }
    }

    /** One of the batch's phase times ({@code durationMs}), or 0 when the batch had no such phase. */
    private static long duration(StreamingQueryProgress progress, String phase) {
        Long millis = progress.durationMs().get(phase);
        return millis == null ? 0 : millis;
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        if (event.exception().isDefined()) {
            log.error("Query {} failed: {}", event.id(), event.exception().get());
        } else {
            log.info("Query {} stopped", event.id());
        }
    }
}
