package io.tweetstream.connect.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentTweetIdsTest {

    @Test
    void anIdIsNewOnlyTheFirstTime() {
        RecentTweetIds ids = new RecentTweetIds(3);

        assertThat(ids.firstTime(1)).isTrue();
        assertThat(ids.firstTime(2)).isTrue();
        assertThat(ids.firstTime(1)).isFalse();
        assertThat(ids.firstTime(2)).isFalse();
    }

    @Test
    void theOldestIdIsForgottenAtCapacity() {
        RecentTweetIds ids = new RecentTweetIds(3);
        ids.firstTime(1);
        ids.firstTime(2);
        ids.firstTime(3);

        assertThat(ids.firstTime(4)).isTrue();

        assertThat(ids.firstTime(1)).as("forgotten").isTrue();
        assertThat(ids.firstTime(3)).as("still remembered").isFalse();
        assertThat(ids.firstTime(4)).isFalse();
    }

    @Test
    void withNoCapacityNothingIsADuplicate() {
        RecentTweetIds ids = new RecentTweetIds(0);

        assertThat(ids.firstTime(7)).isTrue();
        assertThat(ids.firstTime(7)).isTrue();
    }
}
