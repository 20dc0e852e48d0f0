package io.tweetstream.connect.cost;

import io.tweetstream.connect.core.RecentTweetIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the Posts X bills a task for, as X counts them (once per Post and UTC day of X's clock),
 * and says when a budget is reached and when it renews. Every Post X delivers is counted, whichever
 * task writes it and whether it came live or to refill a gap: X bills them all. The stream's reader
 * and its gap filler bill at once.
 */
public final class PostBudget {

    private static final Logger log = LoggerFactory.getLogger(PostBudget.class);

    /**
     * @param perDay the most Posts a UTC day; 0 for no daily budget
     * @param perMonth the most Posts a UTC calendar month, the money ceiling's included; 0 for none
     * @param warnAt the fractions of a budget at which to warn, ascending
     */
    public record Limits(long perDay, long perMonth, double pricePerPost, List<Double> warnAt) {

        public static final Limits NONE = new Limits(0, 0, 0.005, List.of());

        /** The monthly budget is the lower of the Posts and the money ceiling's Posts. */
        public static Limits of(long postsPerDay, long postsPerMonth, double usdPerMonth, double pricePerPost,
                List<Double> warnAt) {
            long affordable = usdPerMonth > 0 ? (long) Math.floor(usdPerMonth / pricePerPost + 1e-9) : 0;
            long perMonth = postsPerMonth > 0 && affordable > 0 ? Math.min(postsPerMonth, affordable)
                    : Math.max(postsPerMonth, affordable);
            return new Limits(postsPerDay, perMonth, pricePerPost, List.copyOf(warnAt));
        }

        public boolean any() {
            return perDay > 0 || perMonth > 0;
        }
    }

    private final Limits limits;
    private final XClock clock;
    private final int dedupeCapacity;
    private PostSpend spend;
    /** The Posts billed today, as far back as the capacity reaches: one delivered again is not billed again. */
    private RecentTweetIds billedToday;
    /** The warnings given, e.g. "day 2026-12-02 0.8", so that each is given once. */
    private final Set<String> warned = new HashSet<>();

    /** @param dedupeCapacity how many of today's Post ids to remember, to count a Post delivered twice once */
    public PostBudget(Limits limits, XClock clock, int dedupeCapacity) {
        this.limits = limits;
        this.clock = clock;
        this.dedupeCapacity = dedupeCapacity;
        this.spend = PostSpend.none(clock.now());
        this.billedToday = new RecentTweetIds(dedupeCapacity);
    }

    public Limits limits() {
        return limits;
    }

    public XClock clock() {
        return clock;
    }

    /** Continues from the spend the previous run of the task stored, when it is of X's current day or month. */
    public synchronized void restore(PostSpend stored) {
        PostSpend current = stored.at(clock.now());
        if (current.month().equals(spend.month()) && current.postsThisMonth() > spend.postsThisMonth()) {
            spend = current;
            log.info("Resuming the Post budgets from the previous run: {} Posts read on {} and {} in {}",
                    spend.postsToday(), spend.day(), spend.postsThisMonth(), spend.month());
        }
    }

    /**
     * Counts a Post X delivered; false when X had delivered it already today (X bills it once).
     *
     * @param postId the Post's id; a negative one (unreadable) is counted each time
     */
    public synchronized boolean bill(long postId) {
        roll();
        if (postId >= 0 && !billedToday.firstTime(postId)) {
            return false;
        }
        spend = spend.plusOne();
        warnIfCrossed();
        return true;
    }

    /** Whether a budget is reached: the stream must stop reading until {@link #renewsAt()}. */
    public synchronized boolean exhausted() {
        roll();
        return dayExhausted() || monthExhausted();
    }

    /** X's time at which the reached budgets renew; empty when none is reached. */
    public synchronized Optional<Instant> renewsAt() {
        roll();
        if (monthExhausted()) {
            return Optional.of(spend.month().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (dayExhausted()) {
            return Optional.of(spend.day().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return Optional.empty();
    }

    /** Which budget is reached, for a log line and the task's metrics; empty when none is. */
    public synchronized Optional<String> exhaustedWhy() {
        roll();
        if (monthExhausted()) {
            return Optional.of("the monthly budget of " + limits.perMonth() + " Posts is reached ("
                    + spend.postsThisMonth() + " read in " + spend.month() + ")");
        }
        if (dayExhausted()) {
            return Optional.of("the daily budget of " + limits.perDay() + " Posts is reached ("
                    + spend.postsToday() + " read on " + spend.day() + ", UTC)");
        }
        return Optional.empty();
    }

    /** The spend as of now, for the records' offsets and the metrics. */
    public synchronized PostSpend spend() {
        roll();
        return spend;
    }

    /** Posts left today under the budgets; -1 when there is no budget. */
    public synchronized long leftToday() {
        roll();
        long day = limits.perDay() > 0 ? limits.perDay() - spend.postsToday() : Long.MAX_VALUE;
        long month = limits.perMonth() > 0 ? limits.perMonth() - spend.postsThisMonth() : Long.MAX_VALUE;
        long left = Math.min(day, month);
        return left == Long.MAX_VALUE ? -1 : Math.max(0, left);
    }

    private boolean dayExhausted() {
        return limits.perDay() > 0 && spend.postsToday() >= limits.perDay();
    }

    private boolean monthExhausted() {
        return limits.perMonth() > 0 && spend.postsThisMonth() >= limits.perMonth();
    }

    private void roll() {
        LocalDate before = spend.day();
        spend = spend.at(clock.now());
        if (!spend.day().equals(before)) {
            billedToday = new RecentTweetIds(dedupeCapacity);
        }
    }

    private void warnIfCrossed() {
        warnIfCrossed("daily", "day " + spend.day(), spend.postsToday(), limits.perDay());
        warnIfCrossed("monthly", "month " + spend.month(), spend.postsThisMonth(), limits.perMonth());
    }

    private void warnIfCrossed(String which, String period, long spent, long budget) {
        if (budget <= 0) {
            return;
        }
        for (double fraction : limits.warnAt()) {
            if (spent >= Math.ceil(fraction * budget) && warned.add(period + " " + fraction)) {
                log.warn("{}% of the {} Post budget is read: {} of {} Posts ({}), about ${} at ${} a Post",
                        Math.round(fraction * 100), which, spent, budget, period,
                        String.format(java.util.Locale.ROOT, "%.2f", spent * limits.pricePerPost()),
                        limits.pricePerPost());
            }
        }
    }
}
