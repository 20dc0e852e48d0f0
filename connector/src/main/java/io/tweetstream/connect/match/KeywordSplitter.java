package io.tweetstream.connect.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits track phrases into the groups that tasks stream, one connection each.
 *
 * <p>The split is deterministic and balanced: phrases keep their configured order and are cut into
 * contiguous groups whose sizes differ by at most one, so the same config always gives every task
 * the same share. There are {@code min(maxGroups, phrases)} groups, and a config whose phrases do not
 * fit {@value #MAX_PHRASES_PER_GROUP} per group is rejected by {@link #minimumGroups}.
 */
public final class KeywordSplitter {

    /** Twitter accepts at most 400 track phrases on one connection. */
    public static final int MAX_PHRASES_PER_GROUP = 400;

    private KeywordSplitter() {}

    /** The fewest groups (tasks) that can carry {@code phraseCount} phrases within Twitter's limit. */
    public static int minimumGroups(int phraseCount) {
        return Math.max(1, (phraseCount + MAX_PHRASES_PER_GROUP - 1) / MAX_PHRASES_PER_GROUP);
    }

    /**
     * The phrases in {@code min(maxGroups, phrases.size())} balanced groups; a single empty group when
     * there are no phrases (a stream of followed users or locations only).
     */
    public static List<List<String>> split(List<String> phrases, int maxGroups) {
        if (maxGroups < 1) {
            throw new IllegalArgumentException("maxGroups must be positive, was " + maxGroups);
        }
        if (phrases.isEmpty()) {
            return List.of(List.of());
        }
        int groups = Math.min(maxGroups, phrases.size());
        int base = phrases.size() / groups;
        int larger = phrases.size() % groups;
        List<List<String>> result = new ArrayList<>(groups);
        int start = 0;
        for (int g = 0; g < groups; g++) {
            int size = base + (g < larger ? 1 : 0);
            result.add(List.copyOf(phrases.subList(start, start + size)));
            start += size;
        }
        return result;
    }
}
