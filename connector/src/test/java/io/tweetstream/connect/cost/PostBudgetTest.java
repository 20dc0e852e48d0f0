package io.tweetstream.connect.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostBudgetTest {

    private final SettableClock local = new SettableClock(Instant.parse("2026-12-02T22:00:00Z"));
    private final XClock clock = new XClock(local);

    private PostBudget budget(long perDay, long perMonth) {
        return new PostBudget(PostBudget.Limits.of(perDay, perMonth, 0, 0.005, List.of(0.5)), clock, 1_000);
    }

    @Test
    void aPostDeliveredTwiceInADayIsBilledOnceAndAgainTheNextDay() {
        PostBudget budget = budget(0, 0);
        assertTrue(budget.bill(1));
        assertFalse(budget.bill(1), "the same Post on the same UTC day is billed once");
        assertTrue(budget.bill(2));
        assertEquals(2, budget.spend().postsToday());
        local.advance(Duration.ofHours(3));
        assertTrue(budget.bill(1), "a new UTC day bills it again");
        assertEquals(new PostSpend(LocalDate.parse("2026-12-03"), 1, YearMonth.parse("2026-12"), 3), budget.spend());
    }

    @Test
    void theDailyBudgetStopsAtItsPostsAndRenewsAtMidnightUtc() {
        PostBudget budget = budget(3, 0);
        for (long id = 1; id <= 2; id++) {
            budget.bill(id);
        }
        assertFalse(budget.exhausted());
        assertEquals(1, budget.leftToday());
        budget.bill(3);
        assertTrue(budget.exhausted());
        assertEquals(0, budget.leftToday());
        assertEquals(Optional.of(Instant.parse("2026-12-03T00:00:00Z")), budget.renewsAt());
        assertTrue(budget.exhaustedWhy().orElseThrow().contains("daily budget of 3 Posts"));
        local.set(Instant.parse("2026-12-03T00:00:00Z"));
        assertFalse(budget.exhausted());
        assertEquals(Optional.empty(), budget.renewsAt());
        assertEquals(3, budget.leftToday());
    }

    @Test
    void theMonthlyBudgetRenewsOnTheFirstOfTheNextMonth() {
        PostBudget budget = budget(10, 4);
        for (long id = 1; id <= 4; id++) {
            budget.bill(id);
        }
        local.advance(Duration.ofDays(1));
        assertTrue(budget.exhausted(), "the month's budget holds on the next day");
        assertEquals(Optional.of(Instant.parse("2027-01-01T00:00:00Z")), budget.renewsAt());
        local.set(Instant.parse("2027-01-01T00:00:01Z"));
        assertFalse(budget.exhausted());
    }

    @Test
    void theMoneyCeilingCapsTheMonthlyBudgetAtWhatItBuys() {
        assertEquals(2_000, PostBudget.Limits.of(0, 0, 10.0, 0.005, List.of()).perMonth());
        assertEquals(1_500, PostBudget.Limits.of(0, 1_500, 10.0, 0.005, List.of()).perMonth());
        assertEquals(2_000, PostBudget.Limits.of(0, 5_000, 10.0, 0.005, List.of()).perMonth());
        assertFalse(PostBudget.Limits.of(0, 0, 0, 0.005, List.of()).any());
    }

    @Test
    void theDayFollowsXsClockNotTheLocalOne() {
        PostBudget budget = budget(1, 0);
        budget.bill(1);
        assertTrue(budget.exhausted());
        // X's Date header says it is already the next UTC day: the budget renewed there.
        clock.observe(Optional.of("Thu, 3 Dec 2026 00:00:05 GMT"));
        assertFalse(budget.exhausted());
        assertEquals(LocalDate.parse("2026-12-03"), budget.spend().day());
    }

    @Test
    void aRestoredSpendOfTodayHoldsAndOneOfAnotherMonthDoesNot() {
        PostBudget budget = budget(5, 0);
        budget.restore(new PostSpend(LocalDate.parse("2026-12-02"), 5, YearMonth.parse("2026-12"), 40));
        assertTrue(budget.exhausted(), "the previous run read the day's budget");
        assertEquals(40, budget.spend().postsThisMonth());

        PostBudget fresh = budget(5, 0);
        fresh.restore(new PostSpend(LocalDate.parse("2026-11-30"), 5, YearMonth.parse("2026-11"), 900));
        assertEquals(PostSpend.none(local.instant()), fresh.spend(), "November's spend does not count in December");

        PostBudget sameMonth = budget(5, 0);
        sameMonth.restore(new PostSpend(LocalDate.parse("2026-12-01"), 5, YearMonth.parse("2026-12"), 30));
        assertEquals(new PostSpend(LocalDate.parse("2026-12-02"), 0, YearMonth.parse("2026-12"), 30), sameMonth.spend());
    }
}
