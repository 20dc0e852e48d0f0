package io.tweetstream.connect.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingGapsTest {

    @Test
    void gapsRoundTripThroughTheOffsetAndShrinkAsTheyAreRefilled() {
        PendingGaps gaps = PendingGaps.none();
        gaps.open(200, 100, 200);
        gaps.open(7, 300, 450);
        gaps.endsAt(7, 400);

        PendingGaps read = PendingGaps.fromOffset(Map.of(PendingGaps.OFFSET_KEY, gaps.toOffsetValue()));
        assertThat(read.toOffsetValue()).isEqualTo("100-200,300-400");
        assertThat(read.contains(100)).isFalse();
        assertThat(read.contains(150)).isTrue();
        assertThat(read.contains(200)).isFalse();
        assertThat(read.contains(250)).isFalse();

        read.written(150);
        assertThat(read.contains(150)).isFalse();
        assertThat(read.contains(151)).isTrue();
        read.refilledThrough(400, 399);
        assertThat(read.contains(350)).isFalse();
        read.refilled(200);
        assertThat(read.isEmpty()).isTrue();
    }

    @Test
    void anOffsetWithoutGapsOrWithUnreadableOnesHasNone() {
        assertThat(PendingGaps.fromOffset(Map.of("tweet_id", 5L)).isEmpty()).isTrue();
        assertThat(PendingGaps.fromOffset(Map.of(PendingGaps.OFFSET_KEY, "not-a-gap")).isEmpty()).isTrue();
        assertThat(PendingGaps.fromOffset(null).isEmpty()).isTrue();
    }
}
