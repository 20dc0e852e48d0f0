package io.tweetstream.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * What each batch published, observed on the rows of {@link TweetCounts#perSecond} as
 * {@link InputMetrics} is on the input: provisional counts, final counts, late corrections, and the
 * late tweets those counted. Reported under {@value #NAME} in the batch's progress.
 */
public record OutputMetrics(long provisional, long finals, long late, long lateTweets) {

    public static final String NAME = "tweetstream_output";
    public static final String PROVISIONAL = "provisional";
    public static final String FINAL = "final";
    public static final String LATE = "late";
    public static final String LATE_TWEETS = "late_tweets";

    public static final OutputMetrics NONE = new OutputMetrics(0, 0, 0, 0);

    public static Dataset<Row> observe(Dataset<Row> counts) {
        Column late = col(TweetCounts.STATUS).equalTo(CountStatus.LATE.value());
        return counts.observe(NAME,
            count_if(col(TweetCounts.STATUS).equalTo(CountStatus.PROVISIONAL.value())).as(PROVISIONAL),
            count_if(col(TweetCounts.STATUS).equalTo(CountStatus.FINAL.value())).as(FINAL),
            count_if(late).as(LATE),
            coalesce(sum(when(late, col(TweetCounts.TOTAL))), lit(0L)).as(LATE_TWEETS));
    }

    /** The metrics of one batch; {@link #NONE} for a batch that published nothing. */
    public static OutputMetrics of(StreamingQueryProgress progress) {
        Row row = progress.observedMetrics().get(NAME);
        if (row == null) {
            return NONE;
        }
        return new OutputMetrics(row.getAs(PROVISIONAL), row.getAs(FINAL), row.getAs(LATE), row.getAs(LATE_TWEETS));
    }

    public OutputMetrics plus(OutputMetrics other) {
        return new OutputMetrics(provisional + other.provisional, finals + other.finals, late + other.late,
            lateTweets + other.lateTweets);
    }
}
