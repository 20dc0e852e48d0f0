package io.tweetstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
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
 *   <li>kafka: at least once, as any Kafka sink of Spark's: a batch replayed after a failure writes
 *       its rows again. The key, {@code window_start|keyword}, makes the copies land on one key, so
 *       a compacted topic or a consumer keeping the last value per key sees each count once.
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
            case KAFKA -> kafkaRecords(counts).writeStream().format("kafka")
                .option("kafka.bootstrap.servers", options.bootstrapServers())
                .option("topic", options.outputTopic());
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

    /**
     * The counts as Kafka records: key {@code 2026-01-01T00:00:03.000Z|kafka}, value the row as JSON,
     * e.g. {@code {"window_start":"2026-01-01T00:00:03.000Z","window_end":"2026-01-01T00:00:04.000Z",
     * "keyword":"kafka","count":12,"lag_ms":5230}}.
     */
    static Dataset<Row> kafkaRecords(Dataset<Row> counts) {
        Column key = concat(date_format(col(TweetCounts.WINDOW_START), TIMESTAMP_FORMAT), lit("|"),
            col(TweetCounts.KEYWORD));
        Column value = to_json(struct(col("*")), Map.of("timestampFormat", TIMESTAMP_FORMAT));
        return counts.select(key.as("key"), value.as("value"));
    }
}
