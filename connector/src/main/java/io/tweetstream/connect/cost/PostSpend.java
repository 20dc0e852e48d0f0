package io.tweetstream.connect.cost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Posts read (billed) in a UTC day and in its month, as each record's source offset carries
 * them, so that the budgets hold across restarts and rebalances: a task resumes from the spend of
 * the last record its stream wrote.
 */
public record PostSpend(LocalDate day, long postsToday, YearMonth month, long postsThisMonth) {

    public static final String OFFSET_DAY = "billed_day";
    public static final String OFFSET_DAY_POSTS = "billed_day_posts";
    public static final String OFFSET_MONTH = "billed_month";
    public static final String OFFSET_MONTH_POSTS = "billed_month_posts";

    /** Nothing read yet on the UTC day of {@code now}. */
    public static PostSpend none(Instant now) {
        LocalDate day = dayOf(now);
        return new PostSpend(day, 0, YearMonth.from(day), 0);
    }

    /** The spend a stored offset holds; empty for an offset of a version before budgets, or one that holds no spend. */
    public static Optional<PostSpend> fromOffset(Map<String, ?> offset) {
        if (offset == null || !(offset.get(OFFSET_DAY) instanceof String day)
                || !(offset.get(OFFSET_MONTH) instanceof String month)
                || !(offset.get(OFFSET_DAY_POSTS) instanceof Number dayPosts)
                || !(offset.get(OFFSET_MONTH_POSTS) instanceof Number monthPosts)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostSpend(LocalDate.parse(day), dayPosts.longValue(), YearMonth.parse(month),
                    monthPosts.longValue()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Map<String, Object> toOffset() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(OFFSET_DAY, day.toString());
        offset.put(OFFSET_DAY_POSTS, postsToday);
        offset.put(OFFSET_MONTH, month.toString());
        offset.put(OFFSET_MONTH_POSTS, postsThisMonth);
        return offset;
    }

    /** The spend as of {@code now}: a new day starts at 0 Posts, a new month too. */
    public PostSpend at(Instant now) {
        LocalDate today = dayOf(now);
        if (today.equals(day)) {
            return this;
        }
        YearMonth thisMonth = YearMonth.from(today);
        return new PostSpend(today, 0, thisMonth, thisMonth.equals(month) ? postsThisMonth : 0);
    }

    PostSpend plusOne() {
        return new PostSpend(day, postsToday + 1, month, postsThisMonth + 1);
    }

    /** The UTC day of an instant. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
