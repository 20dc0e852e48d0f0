package io.tweetstream.simulator.billing;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CapPeriodTest {

    @Test
    void aPeriodStartsOnTheResetDayOfThisMonthOrTheLastOne() {
        assertThat(CapPeriod.start(LocalDate.parse("2026-12-10"), 10)).isEqualTo("2026-12-10");
        assertThat(CapPeriod.start(LocalDate.parse("2026-12-09"), 10)).isEqualTo("2026-11-10");
        assertThat(CapPeriod.start(LocalDate.parse("2027-01-05"), 10)).isEqualTo("2026-12-10");
        assertThat(CapPeriod.start(LocalDate.parse("2026-12-31"), 1)).isEqualTo("2026-12-01");
    }

    @Test
    void aResetDayTheMonthLacksFallsOnItsLastDay() {
        assertThat(CapPeriod.start(LocalDate.parse("2027-02-28"), 31)).isEqualTo("2027-02-28");
        assertThat(CapPeriod.start(LocalDate.parse("2027-02-27"), 31)).isEqualTo("2027-01-31");
        assertThat(CapPeriod.start(LocalDate.parse("2027-03-30"), 31)).isEqualTo("2027-02-28");
    }
}
