package io.tweetstream.dashboard.count;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the store knows of one second: its counts (provisional or final), the late corrections to
 * them, and how long after the second's end its count was first, and finally, on the topic. Not
 * thread-safe: {@link CountStore} guards it.
 */
final class StoredSecond {

    private final long windowStartMs;
    /** By keyword, the total under {@link WindowCount#TOTAL}; empty until a count arrives. */
    private Map<String, Long> counts = Map.of();
    private boolean isFinal;
    private OptionalLong latestLagMs = OptionalLong.empty();
    private OptionalLong provisionalLagMs = OptionalLong.empty();
    private OptionalLong finalLagMs = OptionalLong.empty();
    /** By record key: a correction read again replaces itself. */
    private final Map<String, LateCorrection> lateCorrections = new HashMap<>();

    StoredSecond(long windowStartMs) {
        this.windowStartMs = windowStartMs;
    }

    /** @return false for a provisional count of a second already final (the job's records reordered): ignored */
    boolean apply(SecondCount second) {
        if (isFinal && !second.isFinal()) {
            return false;
        }
        Map<String, Long> replacement = new LinkedHashMap<>(second.keywords());
        replacement.put(WindowCount.TOTAL, second.total());
        counts = replacement;
        noteCount(second.isFinal(), second.lagMs());
        return true;
    }

    void apply(WindowCount row) {
        Map<String, Long> updated = new LinkedHashMap<>(counts);
        updated.put(row.keyword(), row.count());
        counts = updated;
        noteCount(true, row.lagMs());
    }

    void apply(LateCorrection correction) {
        lateCorrections.put(correction.id(), correction);
        latestLagMs = correction.lagMs();
    }

    private void noteCount(boolean nowFinal, OptionalLong lagMs) {
        latestLagMs = lagMs;
        if (provisionalLagMs.isEmpty() && lagMs.isPresent() && lagMs.getAsLong() >= 0) {
            provisionalLagMs = lagMs;
        }
        if (nowFinal && !isFinal) {
            isFinal = true;
            finalLagMs = lagMs;
        }
    }

    /** Counts held, for the store's bound: one per keyword, and per correction its late total and keywords. */
    int size() {
        int size = counts.size();
        for (LateCorrection correction : lateCorrections.values()) {
            size += 1 + correction.lateKeywords().size();
        }
        return size;
    }

    /** Whether a count (not only late corrections) has arrived: a second without one is not shown. */
    boolean isCounted() {
        return !counts.isEmpty();
    }

    boolean hasTotal() {
        return counts.containsKey(WindowCount.TOTAL);
    }

    /** By the job's word when it gave a lag, else by {@code nowMs}. */
    boolean hasEnded(long nowMs) {
        return latestLagMs.isPresent() ? latestLagMs.getAsLong() >= 0 : windowStartMs + CountRecord.WINDOW_MS <= nowMs;
    }

    /** The second's keywords with their full counts (late ones included), the total under {@link WindowCount#TOTAL}. */
    Map<String, Long> fullCounts() {
        Map<String, Long> full = new LinkedHashMap<>(counts);
        lateCounts().forEach((keyword, late) -> full.merge(keyword, late, Long::sum));
        return full;
    }

    /** The late tweets of each keyword, summed over the corrections, their total under {@link WindowCount#TOTAL}. */
    Map<String, Long> lateCounts() {
        Map<String, Long> late = new HashMap<>();
        for (LateCorrection correction : lateCorrections.values()) {
            late.merge(WindowCount.TOTAL, correction.late(), Long::sum);
            correction.lateKeywords().forEach((keyword, count) -> late.merge(keyword, count, Long::sum));
        }
        return late;
    }

    long windowStartMs() {
        return windowStartMs;
    }

    boolean isFinal() {
        return isFinal;
    }

    OptionalLong latestLagMs() {
        return latestLagMs;
    }

    OptionalLong provisionalLagMs() {
        return provisionalLagMs;
    }

    OptionalLong finalLagMs() {
        return finalLagMs;
    }
}
