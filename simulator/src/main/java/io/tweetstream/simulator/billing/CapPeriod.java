package io.tweetstream.simulator.billing;

import java.time.LocalDate;

/**
 * X's monthly cap period: from the cap reset day of one month to the day before it in the next. A reset day the
 * month lacks (the 31st in April) falls on the month's last day.
 */
public final class CapPeriod {

    private CapPeriod() {
    }

    /** The first day of the period that {@code day} is in. */
    public static LocalDate start(LocalDate day, int resetDay) {
        LocalDate thisMonth = resetIn(day, resetDay);
        return day.isBefore(thisMonth) ? resetIn(day.minusMonths(1), resetDay) : thisMonth;
    }

    private static LocalDate resetIn(LocalDate month, int resetDay) {
        return month.withDayOfMonth(Math.min(resetDay, month.lengthOfMonth()));
    }
}
