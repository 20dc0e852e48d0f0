package io.tweetstream.dashboard.count;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the store holds from some time on, shaped for the chart: one series per keyword, the total
 * first.
 *
 * @param newestWindowStartMs the newest window of any keyword, empty when the store is empty
 * @param latestTotal         the total of the newest window that has one: the figure and lag shown as text
 */
public record CountSeries(List<KeywordSeries> series, OptionalLong newestWindowStartMs, Optional<WindowCount> latestTotal) {

    public CountSeries {
        series = List.copyOf(series);
    }

    /** The counts of one keyword, oldest window first. */
    public record KeywordSeries(String keyword, List<Point> points) {

        public KeywordSeries {
            points = List.copyOf(points);
        }
    }

    /** One window's count. */
    public record Point(long windowStartMs, long count) {
    }
}
