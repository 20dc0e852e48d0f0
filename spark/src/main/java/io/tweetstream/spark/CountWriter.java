package io.tweetstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.Map;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.OutputMode;

/**
 * Writes the rows of {@link TweetCounts#perSecond} to the sink of the options, in append mode
 * (each window once) with the options' checkpoint.
 *
 * <ul>
 *   <li>console: a table per batch that emitted counts, sorted by window and keyword, untruncated,
 *       on standard output; printed again after a restart that replays a batch.
 *   <li>kafka: one record per second ({@link SecondCounts}: the total and every keyword's count),
 *       oldest first. At least once, as any Kafka sink of Spark's: a batch replayed after a failure
 *       writes its seconds again, identical. The key, {@code window_start}, makes the copies land
 *       on one key, so a compacted topic or a consumer keeping the last value per key sees each
 *       second once.
 *   <li>parquet: exactly once: the file sink commits each batch's files in its own log
 *       ({@code _spark_metadata}), which Spark's readers of the directory follow.
 * </ul>
 */
public final class CountWriter {

    /** Timestamps in the Kafka sink's JSON and keys: ISO 8601 with milliseconds and offset. */
    static final String TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private CountWriter() {}

    public static DataStreamWriter<Row> writer(Dataset<Row> counts, TweetCountOptions options) {
        DataStreamWriter<Row> writer = switch (options.sink()) {
            case CONSOLE -> counts.writeStream().foreachBatch((VoidFunction2<Dataset<Row>, Long>) CountWriter::print);
            case KAFKA -> counts.writeStream().foreachBatch(kafkaSeconds(options.bootstrapServers(),
                options.outputTopic()));
            case PARQUET -> counts.writeStream().format("parquet")
                .option("path", options.outputPath().orElseThrow());
        };
        return writer
            .outputMode(OutputMode.Append())
            .option("checkpointLocation", options.checkpointDir());
    }

    /** Prints a batch's counts as Spark's console sink does, but in order and without empty batches. */
    private static void print(Dataset<Row> batch, Long batchId) {
        // Two actions on the batch: cached, it is computed once.
        batch.persist();
        try {
            if (!batch.isEmpty()) {
                System.out.println("Batch " + batchId + ":");
                batch.orderBy(TweetCounts.WINDOW_START, TweetCounts.KEYWORD).show(Integer.MAX_VALUE, false);
            }
        } finally {
            batch.unpersist();
        }
    }

    /** Writes each batch's seconds to the topic, as a batch query of Spark's Kafka sink. */
    private static VoidFunction2<Dataset<Row>, Long> kafkaSeconds(String bootstrapServers, String topic) {
        return (batch, batchId) -> kafkaRecords(SecondCounts.of(batch)).write().format("kafka")
            .option("kafka.bootstrap.servers", bootstrapServers)
            .option("topic", topic)
            .save();
    }

    /**
     * The seconds of {@link SecondCounts} as Kafka records: key {@code 2026-01-01T00:00:03.000Z},
     * value the row as JSON, e.g. {@code {"window_start":"2026-01-01T00:00:03.000Z",
     * "window_end":"2026-01-01T00:00:04.000Z","total":23,"keywords":{"kafka":12,"spark":5},
     * "lag_ms":5230}}.
     */
    static Dataset<Row> kafkaRecords(Dataset<Row> seconds) {
        Column key = date_format(col(TweetCounts.WINDOW_START), TIMESTAMP_FORMAT);
        Column value = to_json(struct(col("*")), Map.of("timestampFormat", TIMESTAMP_FORMAT));
        return seconds.select(key.as("key"), value.as("value"));
    }
}
