package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.generate.Dice;

import java.util.ArrayList;
import java.util.List;

/** The last statuses sent on one stream, from which delete notices pick the status they delete. */
final class RecentStatuses {

    static final int CAPACITY = 1_000;

    record Sent(long statusId, long userId) {
    }

    private final List<Sent> ring = new ArrayList<>();
    private int next;

    void add(long statusId, long userId) {
        Sent sent = new Sent(statusId, userId);
        if (ring.size() < CAPACITY) {
            ring.add(sent);
        } else {
            ring.set(next, sent);
        }
        next = (next + 1) % CAPACITY;
    }

    /** Removes and returns a random one, so that a status is deleted at most once. */
    Sent takeAny(Dice dice) {
        int index = dice.index(ring.size());
        Sent taken = ring.get(index);
        int last = ring.size() - 1;
        ring.set(index, ring.get(last));
        ring.remove(last);
        return taken;
    }

    /** A random one, kept: a withholding or a location scrub does not use a status up. */
    Sent any(Dice dice) {
        return ring.get(dice.index(ring.size()));
    }

    boolean isEmpty() {
        return ring.isEmpty();
    }
}
