package io.tweetstream.simulator.billing;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One app's billed Posts: the ids billed on the current billing day (to bill each once that day) and the count of
 * each day. Only the newest {@code rememberedIds} ids of the day are kept: a Post can be read again only while a
 * history (backfill, Recovery, search) still holds it, and those are bounded too. Not thread-safe: {@link Billing}
 * holds its lock.
 */
final class AppUsage {

    private final int rememberedIds;
    private final LinkedHashSet<Long> billedToday = new LinkedHashSet<>();
    private final TreeMap<LocalDate, Long> daily = new TreeMap<>();
    private LocalDate today;

    AppUsage(int rememberedIds) {
        this.rememberedIds = rememberedIds;
    }

    /** Whether {@code postId} is read for the first time on {@code day} (and so is to be billed). */
    boolean isNew(LocalDate day, long postId) {
        return !day.equals(today) || !billedToday.contains(postId);
    }

    /** Records that {@code postId} was billed on {@code day}, the current billing day. */
    void billed(LocalDate day, long postId) {
        if (!day.equals(today)) {
            today = day;
            billedToday.clear();
        }
        billedToday.add(postId);
        if (billedToday.size() > rememberedIds) {
            billedToday.remove(billedToday.iterator().next());
        }
        daily.merge(day, 1L, Long::sum);
    }

    /** Posts billed per day, from {@code first} on, oldest first; days without any are absent. */
    SortedMap<LocalDate, Long> dailySince(LocalDate first) {
        return new TreeMap<>(daily.tailMap(first));
    }

    long total() {
        return daily.values().stream().mapToLong(Long::longValue).sum();
    }

    static long sum(Map<LocalDate, Long> days) {
        return days.values().stream().mapToLong(Long::longValue).sum();
    }
}
