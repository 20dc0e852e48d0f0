package io.tweetstream.connect.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The gaps whose refill is under way beside the live stream, each the tweet ids after {@code fromId}
 * and before {@code untilId} not yet written. A record's offset carries them, so that a task stopped
 * before a refill ended refills the rest after its restart, even though live tweets newer than the
 * gap were written meanwhile. Each gap has a key of its own, which stays put while the refill moves
 * {@code fromId} up and the first live tweet of the new connection moves {@code untilId} down. Not
 * thread-safe.
 */
public final class PendingGaps {

    /** The offset key; e.g. {@code "2127970907203829760-2127971218073059328"}, gaps separated by commas. */
    public static final String OFFSET_KEY = "refill_pending";

    /** A gap: the ids after {@code fromId} and before {@code untilId}. */
    public record Gap(long fromId, long untilId) {
        boolean contains(long id) {
            return id > fromId && id < untilId;
        }
    }

    private final Map<Long, Gap> byKey = new LinkedHashMap<>();

    public static PendingGaps none() {
        return new PendingGaps();
    }

    /** The gaps an offset names, keyed by their {@code untilId}; none when it names none or is unreadable. */
    public static PendingGaps fromOffset(Map<String, ?> offset) {
        PendingGaps gaps = new PendingGaps();
        if (offset == null || !(offset.get(OFFSET_KEY) instanceof String text) || text.isBlank()) {
            return gaps;
        }
        try {
            for (String gap : text.split(",")) {
                String[] ids = gap.strip().split("-");
                long until = Long.parseLong(ids[1]);
                gaps.open(until, Long.parseLong(ids[0]), until);
            }
        } catch (RuntimeException unreadable) {
            return new PendingGaps();
        }
        return gaps;
    }

    public PendingGaps copy() {
        PendingGaps copy = new PendingGaps();
        copy.byKey.putAll(byKey);
        return copy;
    }

    public void open(long key, long fromId, long untilId) {
        if (untilId > fromId + 1) {
            byKey.put(key, new Gap(fromId, untilId));
        }
    }

    /** The new connection's first live tweet is {@code untilId}: the gap ends there. */
    public void endsAt(long key, long untilId) {
        Gap gap = byKey.get(key);
        if (gap != null && untilId < gap.untilId()) {
            set(key, gap.fromId(), untilId);
        }
    }

    /** The refill of gap {@code key} has written every tweet up to {@code throughId}. */
    public void refilledThrough(long key, long throughId) {
        Gap gap = byKey.get(key);
        if (gap != null && throughId > gap.fromId()) {
            set(key, throughId, gap.untilId());
        }
    }

    /**
     * A refilled tweet was written: refills hand tweets over in id order, so everything of its gap up
     * to it is written.
     */
    public void written(long id) {
        for (Map.Entry<Long, Gap> gap : new ArrayList<>(byKey.entrySet())) {
            if (gap.getValue().contains(id)) {
                refilledThrough(gap.getKey(), id);
            }
        }
    }

    public void refilled(long key) {
        byKey.remove(key);
    }

    private void set(long key, long fromId, long untilId) {
        if (untilId > fromId + 1) {
            byKey.put(key, new Gap(fromId, untilId));
        } else {
            byKey.remove(key);
        }
    }

    /** Whether {@code id} lies in a gap not refilled yet. */
    public boolean contains(long id) {
        return byKey.values().stream().anyMatch(gap -> gap.contains(id));
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** The gaps, oldest first. */
    public List<Gap> gaps() {
        return byKey.values().stream().sorted(Comparator.comparingLong(Gap::fromId)).toList();
    }

    /** The offset value; empty when there is no gap. */
    public String toOffsetValue() {
        return gaps().stream().map(gap -> gap.fromId() + "-" + gap.untilId()).collect(Collectors.joining(","));
    }
}
