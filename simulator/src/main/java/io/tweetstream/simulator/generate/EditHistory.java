package io.tweetstream.simulator.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions of a post, oldest first, the last being the post itself: each edit of a post on X is a new post with
 * a new id, made within 30 minutes of the first version, at most 5 times.
 *
 * @param versionIds  every version's id, oldest first; one id for a post never edited
 * @param firstPosted when the first version was posted: the edit window runs from then
 * @param editable    whether the post can be edited at all (not a retweet, a reply to others or a poll)
 */
public record EditHistory(List<Long> versionIds, Instant firstPosted, boolean editable) {

    /** How long after the first version a post can be edited. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(30);
    /** How many edits a post can have. */
    public static final int MAX_EDITS = 5;

    public EditHistory {
        versionIds = List.copyOf(versionIds);
    }

    /** The history of a post never edited. */
    public static EditHistory unedited(long id, Instant posted, boolean editable) {
        return new EditHistory(List.of(id), posted, editable);
    }

    /** A post edited {@code edits} times, the last version being {@code id} posted {@code now}. */
    static EditHistory edited(long id, Instant now, int edits, Dice dice) {
        Instant first = now.minusMillis(dice.between(60_000L, EDIT_WINDOW.toMillis() - 1_000L));
        List<Long> ids = new ArrayList<>();
        long span = Duration.between(first, now).toMillis();
        for (int version = 0; version < edits; version++) {
            // Spread the earlier versions over the window, in order, so their Snowflake ids grow with them.
            Instant at = first.plusMillis(span * version / edits);
            ids.add(SnowflakeIds.historic(at, dice));
        }
        ids.add(id);
        return new EditHistory(ids, first, true);
    }

    public int edits() {
        return versionIds.size() - 1;
    }

    public int editsRemaining() {
        return editable ? MAX_EDITS - edits() : 0;
    }

    public Instant editableUntil() {
        return firstPosted.plus(EDIT_WINDOW);
    }
}
