package io.tweetstream.simulator.stream;

import java.util.List;
import java.util.PriorityQueue;

/**
 * Tweets made but not yet delivered, each held until its delivery is due, then released in the order of their due
 * times: one with a shorter delay overtakes one made before it, as on X. Equal due times keep the order they were
 * held in. Times are {@link System#nanoTime()} values. Not thread-safe: its owner guards it.
 */
final class DelayLine<T> {

    private record Held<T>(long dueNanos, long order, T item) {
    }

    private final PriorityQueue<Held<T>> held = new PriorityQueue<>((a, b) -> a.dueNanos() != b.dueNanos()
            ? Long.signum(a.dueNanos() - b.dueNanos()) : Long.compare(a.order(), b.order()));
    private long holds;

    void hold(T item, long dueNanos) {
        held.add(new Held<>(dueNanos, holds++, item));
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    int size() {
        return held.size();
    }

    /** When the next item is due; only while not {@link #isEmpty()}. */
    long nextDueNanos() {
        return held.element().dueNanos();
    }

    /** Removes and returns the earliest item due at {@code nowNanos}; {@code null} when none is due yet. */
    T pollDue(long nowNanos) {
        return isDue(nowNanos) ? held.poll().item() : null;
    }

    /** Forgets the items due at {@code nowNanos}. */
    void dropDue(long nowNanos) {
        while (isDue(nowNanos)) {
            held.poll();
        }
    }

    /** The items held, in no particular order. */
    List<T> items() {
        return held.stream().map(Held::item).toList();
    }

    private boolean isDue(long nowNanos) {
        return !held.isEmpty() && nowNanos - held.peek().dueNanos() >= 0;
    }
}
