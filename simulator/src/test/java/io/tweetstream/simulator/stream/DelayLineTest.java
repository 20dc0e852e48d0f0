package io.tweetstream.simulator.stream;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DelayLineTest {

    private static final long START = 1_000_000_000L;

    @Test
    void releasesNothingBeforeItIsDueThenTheEarliestDueFirst() {
        DelayLine<String> line = new DelayLine<>();
        line.hold("made first, due last", START + 300);
        line.hold("made second, due first", START + 100);
        line.hold("made third, due second", START + 200);

        assertThat(line.pollDue(START + 99)).isNull();
        assertThat(line.nextDueNanos()).isEqualTo(START + 100);
        assertThat(released(line, START + 300))
                .containsExactly("made second, due first", "made third, due second", "made first, due last");
        assertThat(line.isEmpty()).isTrue();
    }

    @Test
    void itemsDueAtTheSameTimeKeepTheOrderTheyWereHeldIn() {
        DelayLine<Integer> line = new DelayLine<>();
        for (int i = 0; i < 100; i++) {
            line.hold(i, START);
        }

        assertThat(released(line, START)).isSorted().hasSize(100);
    }

    @Test
    void dropsWhatIsDueAndKeepsTheRest() {
        DelayLine<String> line = new DelayLine<>();
        line.hold("due", START);
        line.hold("later", START + 1_000);

        line.dropDue(START + 500);

        assertThat(line.size()).isEqualTo(1);
        assertThat(line.items()).containsExactly("later");
    }

    @Test
    void dueTimesCompareAcrossTheWrapOfNanoTime() {
        DelayLine<String> line = new DelayLine<>();
        line.hold("after the wrap", Long.MIN_VALUE + 10);
        line.hold("before the wrap", Long.MAX_VALUE - 10);

        assertThat(released(line, Long.MIN_VALUE + 10)).containsExactly("before the wrap", "after the wrap");
    }

    private static <T> List<T> released(DelayLine<T> line, long nowNanos) {
        List<T> released = new ArrayList<>();
        for (T item = line.pollDue(nowNanos); item != null; item = line.pollDue(nowNanos)) {
            released.add(item);
        }
        return released;
    }
}
