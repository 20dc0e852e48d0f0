package io.tweetstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The streaming query, from the tweets topic to the sink: Kafka records → {@link TweetValues}
 * (observed as {@link InputMetrics}) → well-formed tweets → {@link TweetCounts} (observed as
 * {@link OutputMetrics}) → {@link CountWriter}.
 */
public final class TweetCountQuery {

    /** The query's name, in Spark's logs, UI and progress reports. */
    public static final String NAME = "tweet-counts";

    private TweetCountQuery() {}

    public static StreamingQuery start(SparkSession spark, TweetCountOptions options) {
        try {
            return CountWriter.writer(counts(records(spark, options), options), options)
                .queryName(NAME)
                .trigger(trigger(options))
                .start();
        } catch (TimeoutException e) {
            throw new IllegalStateException("The query did not start in time", e);
        }
    }

    /**
     * The tweets topic's records, as Spark's Kafka source gives them (key, value, headers, topic,
     * partition...).
     */
    public static Dataset<Row> records(SparkSession spark, TweetCountOptions options) {
        return spark.readStream().format("kafka")
            .option("kafka.bootstrap.servers", options.bootstrapServers())
            .option("subscribe", options.topic())
            .option("startingOffsets", options.startingOffsets())
            .option("includeHeaders", "true")
            .load();
    }

    /** The counts of the Kafka source's rows (columns {@code value} and whatever else it has). */
    public static Dataset<Row> counts(Dataset<Row> kafkaRecords, TweetCountOptions options) {
        return OutputMetrics.observe(TweetCounts.perSecond(tweets(kafkaRecords), options.watermark()));
    }

    /** The well-formed tweets of the Kafka source's rows (observed as {@link InputMetrics}), as {@link TweetValues} reads them. */
    static Dataset<Row> tweets(Dataset<Row> kafkaRecords) {
        Dataset<Row> values = InputMetrics.observe(TweetValues.parse(kafkaRecords));
        return values.where(not(col(TweetValues.TOMBSTONE)).and(not(col(TweetValues.MALFORMED))));
    }

    static Trigger trigger(TweetCountOptions options) {
        return options.triggerInterval()
            .map(interval -> Trigger.ProcessingTime(interval.toMillis()))
            .orElseGet(Trigger::AvailableNow);
    }
}
