package io.tweetstream.dashboard.count;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the store holds from some time on, shaped for the chart: one series per keyword, the total
 * first.
 *
 * @param newestWindowStartMs the newest window of any keyword, empty when the store is empty
 * @param latest              the newest second that has ended and has a total: the figures shown as text
 */
public record CountSeries(List<KeywordSeries> series, OptionalLong newestWindowStartMs, Optional<Latest> latest) {

    public CountSeries {
        series = List.copyOf(series);
    }

    /** The counts of one keyword, oldest window first. */
    public record KeywordSeries(String keyword, List<Point> points) {

        public KeywordSeries {
            points = List.copyOf(points);
        }
    }

    /**
     * One second's count of a keyword.
     *
     * @param count   the full count: the provisional or final count plus the late tweets
     * @param isFinal whether the count is final (late tweets may still be added)
     * @param late    how many of {@code count} are late tweets, added after the final count
     */
    public record Point(long windowStartMs, long count, boolean isFinal, long late) {
    }

    /**
     * The newest second that has ended, for the text beside the chart.
     *
     * @param count            its full total, late tweets included
     * @param late             how many of them are late tweets
     * @param provisionalLagMs the lag of the first count of the second with a lag of 0 or more: how
     *                         long after the second ended its count was first on the topic
     * @param finalLagMs       the lag of its first final count: how long after its end it became final
     * @param lagMs            the lag of the latest record of the second
     */
    public record Latest(long windowStartMs, long count, long late, boolean isFinal, OptionalLong provisionalLagMs,
            OptionalLong finalLagMs, OptionalLong lagMs) {
    }
}
