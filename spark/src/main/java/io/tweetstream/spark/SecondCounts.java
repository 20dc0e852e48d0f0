package io.tweetstream.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Folds the rows of {@link TweetCounts#perSecond} that one micro-batch emitted into one row per
 * second: its total and every keyword's count together, so a reader never has to guess whether a
 * second is complete. That holds because in append mode a window's rows (the total and each
 * keyword) are emitted together, by the one batch whose watermark passed the window's end; each
 * batch is folded on its own (from {@code foreachBatch}).
 */
public final class SecondCounts {

    /** Tweets created in the second, whatever they matched: the {@link TweetCounts#ALL} row's count. */
    public static final String TOTAL = "total";
    /** Keyword to count, for every keyword that matched a tweet of the second, sorted by keyword. */
    public static final String KEYWORDS = "keywords";

    private SecondCounts() {}

    /**
     * Rows of {@value TweetCounts#WINDOW_START}, {@value TweetCounts#WINDOW_END}, {@value #TOTAL},
     * {@value #KEYWORDS} and {@value TweetCounts#LAG_MS}, in one partition, oldest second first.
     */
    public static Dataset<Row> of(Dataset<Row> batchOfCountRows) {
        return batchOfCountRows
            .groupBy(col(TweetCounts.WINDOW_START), col(TweetCounts.WINDOW_END))
            .agg(
                coalesce(max(when(col(TweetCounts.KEYWORD).equalTo(TweetCounts.ALL), col(TweetCounts.COUNT))), lit(0L))
                    .as(TOTAL),
                // collect_list skips the nulls of the total row; sorting the (keyword, count) pairs
                // sorts by keyword, as keywords are unique within a second.
                map_from_entries(array_sort(collect_list(when(col(TweetCounts.KEYWORD).notEqual(TweetCounts.ALL),
                    struct(col(TweetCounts.KEYWORD), col(TweetCounts.COUNT))))))
                    .as(KEYWORDS),
                max(col(TweetCounts.LAG_MS)).as(TweetCounts.LAG_MS))
            // One writer task, oldest first: the records of a batch reach the topic in order.
            .coalesce(1)
            .sortWithinPartitions(TweetCounts.WINDOW_START);
    }
}
