package io.tweetstream.dashboard.count;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The counts of the last few minutes, in memory, by second ({@link StoredSecond}). A second's
 * provisional count is replaced by the next one (they are cumulative) and by its final count; a
 * provisional count arriving after the final one is ignored. Late corrections are added to their
 * second, each once however often it is read: the Spark job writes at least once, so any record may
 * come again, and a record applied again changes nothing.
 *
 * <p>Bounded twice: windows older than {@code retention} before the newest window are dropped (and
 * refused when they arrive late), and beyond {@code maxEntries} counts the oldest windows go first,
 * whatever the number of keywords. Retention counts back from the newest window rather than from the
 * clock, so replaying an old topic still shows its last minutes.
 *
 * <p>Thread-safe: the consumer writes while HTTP requests read.
 */
public final class CountStore {

    /** What became of a record. */
    public enum Outcome {
        KEPT,
        /** Older than the retention: dropped. */
        EXPIRED,
        /** A provisional count of a second that is already final: ignored. */
        OUTDATED
    }

    private static final Comparator<String> TOTAL_FIRST =
            Comparator.comparing((String keyword) -> !WindowCount.TOTAL.equals(keyword)).thenComparing(Comparator.naturalOrder());

    private final long retentionMs;
    private final int maxEntries;
    private final NavigableMap<Long, StoredSecond> seconds = new TreeMap<>();
    private int entries;

    public CountStore(Duration retention, int maxEntries) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.retentionMs = retention.toMillis();
        this.maxEntries = maxEntries;
    }

    public synchronized Outcome put(CountRecord record) {
        long start = record.windowStartMs();
        if (!seconds.isEmpty() && start < seconds.lastKey() - retentionMs) {
            return Outcome.EXPIRED;
        }
        StoredSecond second = seconds.computeIfAbsent(start, StoredSecond::new);
        int sizeBefore = second.size();
        boolean applied = apply(second, record);
        entries += second.size() - sizeBefore;
        evict();
        if (!seconds.containsKey(start)) {
            return Outcome.EXPIRED;
        }
        return applied ? Outcome.KEPT : Outcome.OUTDATED;
    }

    /** @return false when the record was ignored */
    private static boolean apply(StoredSecond second, CountRecord record) {
        if (record instanceof SecondCount count) {
            return second.apply(count);
        }
        if (record instanceof WindowCount row) {
            second.apply(row);
        } else {
            second.apply((LateCorrection) record);
        }
        return true;
    }

    private void evict() {
        long oldestKept = seconds.lastKey() - retentionMs;
        while (!seconds.isEmpty() && (seconds.firstKey() < oldestKept || entries > maxEntries)) {
            entries -= seconds.pollFirstEntry().getValue().size();
        }
    }

    /**
     * The windows starting at or after {@code sinceMs}; the newest window and the latest second
     * regardless.
     *
     * @param nowMs the time by which a second ends when the job does not say
     */
    public synchronized CountSeries since(long sinceMs, long nowMs) {
        Map<String, List<CountSeries.Point>> byKeyword = new TreeMap<>(TOTAL_FIRST);
        for (StoredSecond second : seconds.tailMap(sinceMs, true).values()) {
            if (!second.isCounted()) {
                continue;
            }
            Map<String, Long> late = second.lateCounts();
            second.fullCounts().forEach((keyword, count) -> byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>())
                    .add(new CountSeries.Point(second.windowStartMs(), count, second.isFinal(), late.getOrDefault(keyword, 0L))));
        }
        List<CountSeries.KeywordSeries> series = new ArrayList<>();
        byKeyword.forEach((keyword, points) -> series.add(new CountSeries.KeywordSeries(keyword, points)));
        OptionalLong newest = seconds.isEmpty() ? OptionalLong.empty() : OptionalLong.of(seconds.lastKey());
        return new CountSeries(series, newest, latest(nowMs));
    }

    private Optional<CountSeries.Latest> latest(long nowMs) {
        for (StoredSecond second : seconds.descendingMap().values()) {
            if (second.hasTotal() && second.hasEnded(nowMs)) {
                long late = second.lateCounts().getOrDefault(WindowCount.TOTAL, 0L);
                return Optional.of(new CountSeries.Latest(second.windowStartMs(), second.fullCounts().get(WindowCount.TOTAL), late,
                        second.isFinal(), second.provisionalLagMs(), second.finalLagMs(), second.latestLagMs()));
            }
        }
        return Optional.empty();
    }

    /** Counts held, over all windows and keywords, late corrections included. */
    public synchronized int size() {
        return entries;
    }

    /** Windows (seconds) held. */
    public synchronized int windowCount() {
        return seconds.size();
    }
}
