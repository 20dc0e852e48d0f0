package io.tweetstream.dashboard.count;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Tweets of a second that reached the job after its final count: added to that count. The job
 * writes one per batch that saw late tweets of the second, each under a record key of its own, so
 * the key identifies the correction: applied again (the job writes at least once), it replaces
 * itself instead of adding twice.
 *
 * @param id           the record key, or the record value when there is no key
 * @param late         how many late tweets
 * @param lateKeywords how many of them matched each keyword
 */
public record LateCorrection(long windowStartMs, String id, long late, Map<String, Long> lateKeywords, OptionalLong lagMs)
        implements CountRecord {

    public LateCorrection {
        Objects.requireNonNull(id, "id");
        lateKeywords = Map.copyOf(lateKeywords);
        Objects.requireNonNull(lagMs, "lagMs");
    }
}
