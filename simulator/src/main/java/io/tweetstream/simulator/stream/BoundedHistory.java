package io.tweetstream.simulator.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent items, at most {@code limit} of them, oldest first; thread-safe. */
final class BoundedHistory<T> {

    private final int limit;
    private final Deque<T> items = new ArrayDeque<>();

    BoundedHistory(int limit) {
        this.limit = limit;
    }

    synchronized void add(T item) {
        if (limit == 0) {
            return;
        }
        if (items.size() == limit) {
            items.removeFirst();
        }
        items.addLast(item);
    }

    synchronized List<T> snapshot() {
        return List.copyOf(items);
    }
}
