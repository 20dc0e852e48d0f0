package io.tweetstream.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.window;

import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Tweets per second of {@code created_at}, in total and per matched keyword, in one stateful
 * aggregation: each tweet is exploded into one row for the total, whose keyword is {@value #ALL},
 * and one per keyword it matched, then the rows are counted per 1-second window and keyword. A
 * tweet that matched two keywords so counts once in the total and once in each keyword's count.
 *
 * <p>Meant for the append output mode: a window's counts are emitted once, when the watermark
 * (the newest {@code created_at} seen, less the allowed lateness) passes the window's end, and are
 * final. A tweet arriving before that is counted in its window; one arriving after is dropped.
 */
public final class TweetCounts {

    /** The keyword of the total row: every tweet, whatever it matched (no phrase can be "*"). */
    public static final String ALL = "*";

    public static final String WINDOW_START = "window_start";
    public static final String WINDOW_END = "window_end";
    public static final String KEYWORD = "keyword";
    public static final String COUNT = "count";
    /** Milliseconds from the window's end to the batch that emitted it (the batch's start time). */
    public static final String LAG_MS = "lag_ms";

    private static final String WINDOW_LENGTH = "1 second";

    private TweetCounts() {}

    /**
     * Counts the well-formed tweets of {@link TweetValues#parse} (tombstones and malformed values
     * filtered out) into rows of {@value #WINDOW_START}, {@value #WINDOW_END}, {@value #KEYWORD},
     * {@value #COUNT} and {@value #LAG_MS}.
     */
    public static Dataset<Row> perSecond(Dataset<Row> tweets, Duration lateness) {
        return tweets
            .withWatermark(TweetValues.CREATED_AT, lateness.toMillis() + " milliseconds")
            .select(col(TweetValues.CREATED_AT),
                explode(array_distinct(concat(array(lit(ALL)), col(TweetValues.MATCHED_KEYWORDS)))).as(KEYWORD))
            .groupBy(window(col(TweetValues.CREATED_AT), WINDOW_LENGTH).as("window"), col(KEYWORD))
            .agg(count(lit(1)).as(COUNT))
            .select(
                col("window.start").as(WINDOW_START),
                col("window.end").as(WINDOW_END),
                col(KEYWORD),
                col(COUNT),
                // current_timestamp() is the batch's start time in a streaming query.
                unix_millis(current_timestamp()).minus(unix_millis(col("window.end"))).as(LAG_MS));
    }
}
