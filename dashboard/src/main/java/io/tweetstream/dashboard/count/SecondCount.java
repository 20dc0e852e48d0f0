package io.tweetstream.dashboard.count;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A whole second's counts: its total and each keyword that occurred in it (a keyword that did not is
 * absent). A provisional count is the count so far, republished while the second is open and until
 * the job's watermark passes its end; then the final count replaces it.
 *
 * @param isFinal  false for a provisional count
 * @param keywords the count of each keyword, keys non-blank
 */
public record SecondCount(long windowStartMs, boolean isFinal, long total, Map<String, Long> keywords, OptionalLong lagMs)
        implements CountRecord {

    public SecondCount {
        keywords = Map.copyOf(keywords);
        Objects.requireNonNull(lagMs, "lagMs");
    }
}
