package io.tweetstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.unix_millis;

import java.time.Duration;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.TimeMode;

/**
 * Tweets per second of {@code created_at}, in total and per matched phrase, published as the
 * second goes: provisional counts every batch while it is open, its final count once the watermark
 * (the newest {@code created_at} seen less the allowed lateness) has passed its end, and late
 * corrections for tweets that arrive after that ({@link SecondTimeline}). A tweet that matched two
 * phrases counts once in the total and once for each phrase.
 *
 * <p>The plan: each input partition counts its tweets per second ({@link PartialCounts}), the
 * watermark is taken on those counts' newest {@code created_at}, and the counts are shuffled by
 * second to {@code flatMapGroupsWithState} in append mode, whose every output row is a record to
 * publish.
 */
public final class TweetCounts {

    public static final String WINDOW_START = "window_start";
    public static final String WINDOW_END = "window_end";
    /** {@link CountStatus#value()}: provisional, final or late. */
    public static final String STATUS = "status";
    /** Tweets created in the second: so far, in the final count, or arrived late in one batch. */
    public static final String TOTAL = "total";
    /** Phrase to count, for every phrase that matched a tweet of {@value #TOTAL}, sorted by phrase. */
    public static final String KEYWORDS = "keywords";
    /** Milliseconds from the window's end to the batch that published the row: negative while it is open. */
    public static final String LAG_MS = "lag_ms";
    /** The start of the batch that published the row. */
    public static final String PUBLISHED_AT = "published_at";

    private static final long SECOND_MS = 1000;
    private static final String EVENT_TIME = "event_time";

    private TweetCounts() {}

    /**
     * Counts the well-formed tweets of {@link TweetValues#parse} (tombstones and malformed values
     * filtered out) into rows of {@value #WINDOW_START}, {@value #WINDOW_END}, {@value #STATUS},
     * {@value #TOTAL}, {@value #KEYWORDS}, {@value #LAG_MS} and {@value #PUBLISHED_AT}.
     */
    public static Dataset<Row> perSecond(Dataset<Row> tweets, Duration lateness) {
        Dataset<SecondPartial> partials = partials(tweets)
            .withColumn(EVENT_TIME, timestamp_millis(col(SecondPartial.LATEST_CREATED_AT)))
            .withWatermark(EVENT_TIME, lateness.toMillis() + " milliseconds")
            // In event time, transformWithState drops the input rows older than the watermark if its
            // input has the watermark's column: without it, the late tweets reach SecondTimeline,
            // which publishes them as corrections.
            .drop(EVENT_TIME)
            .as(Encoders.bean(SecondPartial.class));
        Dataset<SecondCount> counts = partials
            .groupByKey((MapFunction<SecondPartial, Long>) SecondPartial::getSecond, Encoders.LONG())
            .transformWithState(new SecondTimeline(), TimeMode.EventTime(), OutputMode.Append(),
                Encoders.bean(SecondCount.class));
        return counts.select(
            timestamp_millis(col("second")).as(WINDOW_START),
            timestamp_millis(col("second").plus(SECOND_MS)).as(WINDOW_END),
            col("status").as(STATUS),
            col("total").as(TOTAL),
            col("keywords").as(KEYWORDS),
            col("publishedAt").minus(col("second").plus(SECOND_MS)).as(LAG_MS),
            timestamp_millis(col("publishedAt")).as(PUBLISHED_AT));
    }

    /** Each input partition's counts per second ({@link PartialCounts}): all of the count's work per tweet. */
    static Dataset<SecondPartial> partials(Dataset<Row> tweets) {
        return tweets
            .select(unix_millis(col(TweetValues.CREATED_AT)), col(TweetValues.MATCHED_KEYWORDS))
            .mapPartitions(new PartialCounts(), Encoders.bean(SecondPartial.class));
    }
}
