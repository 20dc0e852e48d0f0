package io.tweetstream.dashboard.count;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A count row, as earlier versions of the Spark job wrote one per second and keyword: how many
 * tweets matched {@code keyword} in the one-second window starting at {@code windowStartMs}. The
 * keyword {@value #TOTAL} is the total of all tweets. Those jobs wrote only final counts.
 *
 * @param lagMs how far behind the tweets the Spark job wrote this count, when it says
 */
public record WindowCount(long windowStartMs, String keyword, long count, OptionalLong lagMs) implements CountRecord {

    /** The keyword under which the total of all tweets of a second is kept. */
    public static final String TOTAL = "*";

    public WindowCount {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(lagMs, "lagMs");
    }

    public boolean isTotal() {
        return TOTAL.equals(keyword);
    }
}
