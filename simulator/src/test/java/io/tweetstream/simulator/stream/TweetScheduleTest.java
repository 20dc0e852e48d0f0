package io.tweetstream.simulator.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TweetScheduleTest {

    private static final long START = 1_000_000_000L;

    @Test
    void theFirstStatusIsDueAtOnce() {
        assertThat(new TweetSchedule(START, 10).isDue(START)).isTrue();
    }

    @Test
    void dueTimesFollowTheRateFromTheStartWithoutDrift() {
        TweetSchedule schedule = new TweetSchedule(START, 3.0);
        for (int i = 0; i < 300; i++) {
            long due = schedule.nextDueNanos();
            // Sending a little late each time must not push later due times back.
            schedule.advance(due + 5_000_000);
        }

        assertThat(schedule.nextDueNanos()).isEqualTo(START + 100_000_000_000L);
    }

    @Test
    void aStatusIsNotDueBeforeItsTime() {
        TweetSchedule schedule = new TweetSchedule(START, 100);
        schedule.advance(START);

        assertThat(schedule.isDue(START + 9_999_999)).isFalse();
        assertThat(schedule.isDue(START + 10_000_000)).isTrue();
    }

    @Test
    void aStreamFarBehindStartsAfreshInsteadOfBursting() {
        TweetSchedule schedule = new TweetSchedule(START, 100);
        long muchLater = START + 5_000_000_000L;

        schedule.advance(muchLater);

        assertThat(schedule.nextDueNanos()).isEqualTo(muchLater);
    }
}
