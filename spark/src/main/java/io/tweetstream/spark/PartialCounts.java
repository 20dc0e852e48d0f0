package io.tweetstream.spark;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Counts a batch partition's tweets per second of {@code created_at} into {@link SecondPartial}s,
 * before the shuffle: the map side of the count, as Spark's own aggregations do it, which a
 * {@code flatMapGroupsWithState} does not. Input rows: {@code created_at} as epoch milliseconds
 * and the matched phrases.
 */
final class PartialCounts implements MapPartitionsFunction<Row, SecondPartial> {

    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<SecondPartial> call(Iterator<Row> tweets) {
        Map<Long, SecondPartial> seconds = new HashMap<>();
        while (tweets.hasNext()) {
            Row tweet = tweets.next();
            long createdAt = tweet.getLong(0);
            List<String> keywords = tweet.getList(1);
            seconds.computeIfAbsent(Math.floorDiv(createdAt, 1000L) * 1000L, SecondPartial::new).add(createdAt, keywords);
        }
        return seconds.values().iterator();
    }
}
