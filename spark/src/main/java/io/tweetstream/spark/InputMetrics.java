package io.tweetstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * What each batch read from the topic, as named metrics observed on the stream
 * ({@link Dataset#observe}): the records read, how many were tombstones, how many were malformed
 * (skipped), how many were counted, and how many of those were read from their header and timestamp
 * without parsing the value. Spark computes them with the batch and reports them in the batch's
 * {@link StreamingQueryProgress#observedMetrics()} under {@value #NAME}, so they cost no second pass
 * over the data and cannot disagree with the counts.
 */
public record InputMetrics(long records, long tombstones, long malformed, long counted, long fromHeaders) {

    /** The name of the observation in the query progress. */
    public static final String NAME = "tweetstream_input";
    public static final String RECORDS = "records";
    public static final String TOMBSTONES = "tombstones";
    public static final String MALFORMED = "malformed";
    public static final String COUNTED = "counted";
    public static final String FROM_HEADERS = "from_headers";

    public static final InputMetrics NONE = new InputMetrics(0, 0, 0, 0, 0);

    /** Observes the rows of {@link TweetValues#parse}. */
    public static Dataset<Row> observe(Dataset<Row> values) {
        Column counted = not(col(TweetValues.TOMBSTONE)).and(not(col(TweetValues.MALFORMED)));
        return values.observe(NAME,
            count_if(lit(true)).as(RECORDS),
            count_if(col(TweetValues.TOMBSTONE)).as(TOMBSTONES),
            count_if(col(TweetValues.MALFORMED)).as(MALFORMED),
            count_if(counted).as(COUNTED),
            count_if(counted.and(col(TweetValues.FROM_HEADER))).as(FROM_HEADERS));
    }

    /** The metrics of one batch; {@link #NONE} for a batch that read nothing. */
    public static InputMetrics of(StreamingQueryProgress progress) {
        Row row = progress.observedMetrics().get(NAME);
        if (row == null) {
            return NONE;
        }
        return new InputMetrics(row.getAs(RECORDS), row.getAs(TOMBSTONES), row.getAs(MALFORMED), row.getAs(COUNTED),
            row.getAs(FROM_HEADERS));
    }

    public InputMetrics plus(InputMetrics other) {
        return new InputMetrics(records + other.records, tombstones + other.tombstones,
            malformed + other.malformed, counted + other.counted, fromHeaders + other.fromHeaders);
    }
}
