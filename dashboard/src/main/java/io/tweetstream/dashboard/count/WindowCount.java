package io.tweetstream.dashboard.count;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One record of the counts topic: how many tweets matched {@code keyword} in the one-second window
 * starting at {@code windowStartMs}. The keyword {@value #TOTAL} is the total of all tweets.
 *
 * @param lagMs how far behind the tweets the Spark job wrote this count, when it says
 */
public record WindowCount(long windowStartMs, String keyword, long count, OptionalLong lagMs) {

    /** The keyword under which the Spark job writes the total of all tweets of a second. */
    public static final String TOTAL = "*";

    public WindowCount {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(lagMs, "lagMs");
    }

    public boolean isTotal() {
        return TOTAL.equals(keyword);
    }
}
