package io.tweetstream.simulator.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tweetstream.simulator.StreamEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

/** The Likes' ids, and the partitions of the Likes streams they choose. */
class LikeIdsTest {

    @Test
    void idsAreThirtyTwoHexDigitsUniqueAndTheSameForTheSameSeed() {
        List<String> ids = make(42, 10_000);

        assertThat(ids).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}")).doesNotHaveDuplicates();
        assertThat(make(42, 100)).isEqualTo(ids.subList(0, 100));
        assertThat(make(43, 100)).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void theFirehoseSpreadsLikesOverItsTwentyPartitionsAndSample10TakesATenthInTwo() {
        List<String> ids = make(7, 20_000);

        List<Integer> firehose = ids.stream().map(id -> VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_FIREHOSE, id))
                .toList();
        List<Integer> sample10 = ids.stream().map(id -> VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_SAMPLE10, id))
                .toList();

        assertThat(firehose).containsOnly(IntStream.rangeClosed(1, 20).boxed().toArray(Integer[]::new));
        assertThat(IntStream.rangeClosed(1, 20).map(p -> (int) firehose.stream().filter(f -> f == p).count()))
                .as("about 1,000 each").allSatisfy(count -> assertThat(count).isBetween(850, 1_150));
        assertThat(sample10).containsOnly(0, 1, 2);
        assertThat(sample10.stream().filter(p -> p > 0).count()).as("a tenth").isBetween(1_800L, 2_200L);
        assertThat(VolumePartitions.ofLike(StreamEndpoint.V2_FIREHOSE, ids.get(0))).as("not a Likes stream").isZero();
    }

    @Test
    void anIdThatIsNotThirtyTwoHexDigitsIsRefused() {
        assertThatThrownBy(() -> VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_FIREHOSE, "8ba4f34e"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_FIREHOSE,
                "zba4f34e6235d905a46bac021d98e923")).isInstanceOf(IllegalArgumentException.class);
        assertThat(VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_FIREHOSE, "8ba4f34e6235d905a46bac021d98e923"))
                .as("X's example id").isBetween(1, 20);
    }

    private static List<String> make(long seed, int count) {
        LikeIds ids = new LikeIds(seed);
        return IntStream.range(0, count).mapToObj(i -> ids.next()).toList();
    }
}
