package io.tweetstream.connect.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several streams' buffers drained as one: in turn, waiting for any, failing with any. */
class TaskBuffersTest {

    private final StreamStats stats = new StreamStats();
    private final TaskBuffers buffers = new TaskBuffers(stats);

    private static StreamEvent gap(long key) {
        return new StreamEvent.GapPending(key, 1, 2);
    }

    @Test
    void drainsTheBuffersInTurnSoThatNoneStarves() throws Exception {
        EventBuffer first = buffers.add(10);
        EventBuffer second = buffers.add(10);
        for (int i = 0; i < 4; i++) {
            first.put(gap(i));
        }
        second.put(gap(100));

        TaskBuffers.Drained a = buffers.drain(2, 100);
        TaskBuffers.Drained b = buffers.drain(2, 100);
        TaskBuffers.Drained c = buffers.drain(2, 100);

        assertThat(List.of(a.buffer(), b.buffer(), c.buffer())).containsExactly(0, 1, 0);
        assertThat(a.events()).hasSize(2);
        assertThat(b.events()).containsExactly(gap(100));
        assertThat(c.events()).hasSize(2);
        assertThat(buffers.drain(2, 20).events()).isEmpty();
        assertThat(buffers.capacity()).isEqualTo(20);
    }

    @Test
    void waitsForAnEventOfAnyBuffer() throws Exception {
        buffers.add(10);
        EventBuffer second = buffers.add(10);
        buffers.add(10);
        CompletableFuture<TaskBuffers.Drained> drained = drainInTheBackground();
        Thread.sleep(50);
        second.put(gap(7));

        TaskBuffers.Drained got = drained.get(30, TimeUnit.SECONDS);
        assertThat(got.buffer()).isEqualTo(1);
        assertThat(got.events()).containsExactly(gap(7));
    }

    @Test
    void aFailedStreamFailsTheDrainWhileItWaits() throws Exception {
        buffers.add(10);
        EventBuffer second = buffers.add(10);
        CompletableFuture<TaskBuffers.Drained> drained = drainInTheBackground();
        Thread.sleep(50);
        second.fail("HTTP 403: the app has no firehose access");

        assertThatThrownBy(() -> drained.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StreamFailure.class)
                .hasMessageContaining("no firehose access");
    }

    /** A drain waiting up to 30 s on another thread, as the worker's poll thread waits. */
    private CompletableFuture<TaskBuffers.Drained> drainInTheBackground() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return buffers.drain(5, 30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
