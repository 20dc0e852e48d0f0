package io.tweetstream.dashboard.count;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The counts of the last few minutes, in memory, keyed by window start and keyword. The Spark job
 * writes at least once, so a window and keyword written again replaces the earlier count.
 *
 * <p>Bounded twice: windows older than {@code retention} before the newest window are dropped (and
 * refused when they arrive late), and beyond {@code maxEntries} counts the oldest windows go first,
 * whatever the number of keywords. Retention counts back from the newest window rather than from the
 * clock, so replaying an old topic still shows its last minutes.
 *
 * <p>Thread-safe: the consumer writes while HTTP requests read.
 */
public final class CountStore {

    private static final Comparator<String> TOTAL_FIRST =
            Comparator.comparing((String keyword) -> !WindowCount.TOTAL.equals(keyword)).thenComparing(Comparator.naturalOrder());

    private final long retentionMs;
    private final int maxEntries;
    private final NavigableMap<Long, Map<String, WindowCount>> windows = new TreeMap<>();
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

    /** @return false when the count is too old to keep (it is dropped) */
    public synchronized boolean put(WindowCount count) {
        if (!windows.isEmpty() && count.windowStartMs() < windows.lastKey() - retentionMs) {
            return false;
        }
        WindowCount replaced = windows.computeIfAbsent(count.windowStartMs(), start -> new HashMap<>())
                .put(count.keyword(), count);
        if (replaced == null) {
            entries++;
        }
        evict();
        return windows.containsKey(count.windowStartMs());
    }

    private void evict() {
        long oldestKept = windows.lastKey() - retentionMs;
        while (!windows.isEmpty() && (windows.firstKey() < oldestKept || entries > maxEntries)) {
            entries -= windows.pollFirstEntry().getValue().size();
        }
    }

    /** The windows starting at or after {@code sinceMs}; the newest window and latest total regardless. */
    public synchronized CountSeries since(long sinceMs) {
        Map<String, List<CountSeries.Point>> byKeyword = new TreeMap<>(TOTAL_FIRST);
        for (Map<String, WindowCount> window : windows.tailMap(sinceMs, true).values()) {
            for (WindowCount count : window.values()) {
                byKeyword.computeIfAbsent(count.keyword(), keyword -> new ArrayList<>())
                        .add(new CountSeries.Point(count.windowStartMs(), count.count()));
            }
        }
        List<CountSeries.KeywordSeries> series = new ArrayList<>();
        byKeyword.forEach((keyword, points) -> series.add(new CountSeries.KeywordSeries(keyword, points)));
        OptionalLong newest = windows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(windows.lastKey());
        return new CountSeries(series, newest, latestTotal());
    }

    private Optional<WindowCount> latestTotal() {
        for (Map<String, WindowCount> window : windows.descendingMap().values()) {
            WindowCount total = window.get(WindowCount.TOTAL);
            if (total != null) {
                return Optional.of(total);
            }
        }
        return Optional.empty();
    }

    /** Counts held, over all windows and keywords. */
    public synchronized int size() {
        return entries;
    }

    /** Windows (seconds) held. */
    public synchronized int windowCount() {
        return windows.size();
    }
}
