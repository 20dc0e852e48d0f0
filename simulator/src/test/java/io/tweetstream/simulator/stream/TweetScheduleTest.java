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

    @Test
    void aBurstRaisesTheRateForItsLengthThenItFallsBack() {
        // 10/s, with 5x for the first 2 s of every 10 s: 2 s x 50 + 8 s x 10 = 180 statuses in 10 s.
        TweetSchedule schedule = new TweetSchedule(START, 10, new TweetSchedule.Burst(10_000_000_000L, 2_000_000_000L, 5));
        int due = 0;
        while (schedule.nextDueNanos() < START + 10_000_000_000L) {
            schedule.advance(schedule.nextDueNanos());
            due++;
        }

        assertThat(due).isEqualTo(180);
    }
}
