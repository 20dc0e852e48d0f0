package io.tweetstream.connect.core;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the last tweets written, so that a tweet arriving again is dropped: the overlap of a
 * v2 backfill after a reconnect, or a redelivery. Bounded: the oldest id is forgotten when a new one
 * comes in at capacity. Owned by the task's poll thread; not thread-safe.
 */
public final class RecentTweetIds {

    private final long[] ring;
    private final Set<Long> ids;
    private int next;
    private int size;

    /** @param capacity how many ids to remember; 0 remembers none, so nothing is ever a duplicate */
    public RecentTweetIds(int capacity) {
        this.ring = new long[capacity];
        this.ids = new HashSet<>(Math.max(16, capacity * 4 / 3 + 1));
    }

    /** Whether {@code id} is among the remembered ids; remembers nothing. */
    public boolean contains(long id) {
        return ids.contains(id);
    }

    /** Remembers the id and returns true the first time; false when it is among the remembered ids. */
    public boolean firstTime(long id) {
        if (ring.length == 0) {
            return true;
        }
        if (!ids.add(id)) {
            return false;
        }
        if (size == ring.length) {
            ids.remove(ring[next]);
        } else {
            size++;
        }
        ring[next] = id;
        next = (next + 1) % ring.length;
        return true;
    }
}
