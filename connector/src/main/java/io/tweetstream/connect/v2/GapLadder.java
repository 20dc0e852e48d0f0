package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.GapRecoveryTool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * X's recovery ladder (filtered-stream/integrate/recovery-and-redundancy-features.mdx): a gap of up
 * to five minutes is asked for as backfill on the new connection; up to 24 hours, re-streamed with
 * Recovery; older, or where the tier has neither, searched with recent search, which reaches seven
 * days back. Which tools may be used is the config's to say ({@code twitter.v2.backfill.minutes},
 * {@code twitter.v2.gap.recovery}); what none reaches is reported.
 */
final class GapLadder {

    static final Duration RECOVERY_REACH = Duration.ofHours(24);
    /** Recent search reaches seven days back; a minute less, so that the request is still inside. */
    static final Duration SEARCH_REACH = Duration.ofDays(7).minusMinutes(1);

    private final int backfillMinutes;
    private final List<GapRecoveryTool> tools;
    private final boolean searchable;

    /**
     * @param searchable whether recent search can find the stream's tweets: the filtered stream's
     *     rules can be searched, the sample stream's {@code sample:} cannot
     */
    GapLadder(int backfillMinutes, List<GapRecoveryTool> tools, boolean searchable) {
        this.backfillMinutes = backfillMinutes;
        this.tools = tools;
        this.searchable = searchable;
    }

    /** The plan for the tweets made from {@code from} until {@code now}, when a new connection opens. */
    GapPlan plan(Instant from, Instant now) {
        Duration gap = Duration.between(from, now);
        if (gap.isNegative() || gap.isZero()) {
            return GapPlan.none();
        }
        // Whole minutes, one more for the part-minute and the time the request takes.
        long minutes = gap.toMinutes() + 1;
        if (minutes <= backfillMinutes) {
            return new GapPlan((int) minutes, null, null, List.of());
        }
        return planBeside(from, now, now);
    }

    /**
     * The plan for the tweets made from {@code from} to {@code to} by a tool that runs beside the live
     * stream (Recovery, recent search), whose reach is measured back from {@code now}: for a gap a
     * previous run of the task left pending, which backfill on a new connection cannot single out.
     */
    GapPlan planBeside(Instant from, Instant to, Instant now) {
        Duration gap = Duration.between(from, now);
        if (!to.isAfter(from)) {
            return GapPlan.none();
        }
        GapPlan.Window window = new GapPlan.Window(from, to);
        if (tools.contains(GapRecoveryTool.RECOVERY) && gap.compareTo(RECOVERY_REACH) <= 0) {
            return new GapPlan(0, window, null, List.of());
        }
        List<GapPlan.Unreachable> unreachable = new ArrayList<>();
        if (!tools.contains(GapRecoveryTool.SEARCH) || !searchable) {
            unreachable.add(new GapPlan.Unreachable(window, why(gap)));
            return new GapPlan(0, null, null, unreachable);
        }
        Instant oldestSearchable = now.minus(SEARCH_REACH);
        if (from.isBefore(oldestSearchable)) {
            Instant reachable = to.isBefore(oldestSearchable) ? to : oldestSearchable;
            unreachable.add(new GapPlan.Unreachable(new GapPlan.Window(from, reachable),
                    "recent search reaches 7 days back"
                            + (tools.contains(GapRecoveryTool.RECOVERY) ? " and Recovery 24 hours" : "")));
            if (!to.isAfter(oldestSearchable)) {
                return new GapPlan(0, null, null, unreachable);
            }
            window = new GapPlan.Window(oldestSearchable, to);
        }
        return new GapPlan(0, null, window, unreachable);
    }

    private String why(Duration gap) {
        if (!searchable) {
            return "this stream can only be refilled by backfill (" + backfillMinutes + " minutes configured,"
                    + " Enterprise only)" + (tools.contains(GapRecoveryTool.RECOVERY) ? " or Recovery (24 hours)" : "")
                    + ": recent search cannot select its tweets (it has no sample: operator, and no firehose)";
        }
        if (tools.isEmpty()) {
            return "twitter.v2.gap.recovery is empty, so only backfill (" + backfillMinutes + " minutes) refills gaps";
        }
        return "the gap is longer than Recovery's 24 hours and search is not in twitter.v2.gap.recovery";
    }
}
