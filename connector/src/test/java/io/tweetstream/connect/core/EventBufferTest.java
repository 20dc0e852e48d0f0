package io.tweetstream.connect.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.core.StreamEvent.TweetDeleted;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBufferTest {

    private final StreamStats stats = new StreamStats();

    private static StreamEvent event(long id) {
        return new TweetDeleted(id, 1, 0);
    }

    /** Puts from a reader thread, returning once that thread waits for space in the full buffer. */
    private static CompletableFuture<Boolean> putFromReaderThatBlocks(EventBuffer buffer, StreamEvent event) {
        CompletableFuture<Boolean> handedOver = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                handedOver.complete(buffer.put(event));
            } catch (InterruptedException e) {
                handedOver.completeExceptionally(e);
            }
        });
        reader.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.getState() == Thread.State.TIMED_WAITING);
        return handedOver;
    }

    @Test
    void drainsInBatchesOfAtMostMaxEvents() throws InterruptedException {
        EventBuffer buffer = new EventBuffer(10, stats);
        for (int i = 0; i < 5; i++) {
            buffer.put(event(i));
        }

        assertThat(buffer.drain(3, 10)).containsExactly(event(0), event(1), event(2));
        assertThat(buffer.drain(3, 10)).containsExactly(event(3), event(4));
    }

    @Test
    void drainReturnsEmptyAfterTimeoutWhenIdle() throws InterruptedException {
        assertThat(new EventBuffer(10, stats).drain(3, 20)).isEmpty();
    }

    @Test
    void fullBufferBlocksTheReaderUntilDrained() throws Exception {
        EventBuffer buffer = new EventBuffer(2, stats);
        buffer.put(event(1));
        buffer.put(event(2));
        CompletableFuture<Boolean> third = putFromReaderThatBlocks(buffer, event(3));

        assertThat(third).isNotDone();
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.drain(2, 10)).containsExactly(event(1), event(2));
        assertThat(third.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(buffer.drain(10, 1000)).containsExactly(event(3));
    }

    @Test
    void closeReleasesABlockedReaderAndCountsWhatWasNotTaken() throws Exception {
        EventBuffer buffer = new EventBuffer(1, stats);
        buffer.put(event(1));
        CompletableFuture<Boolean> handedOver = putFromReaderThatBlocks(buffer, event(2));

        buffer.close();

        assertThat(handedOver.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(stats.get(StreamCounter.DISCARDED_ON_CLOSE)).isEqualTo(2);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void failureIsThrownToThePollingThread() {
        EventBuffer buffer = new EventBuffer(1, stats);

        buffer.fail("Twitter rejected the OAuth credentials (HTTP 401)");

        assertThatThrownBy(() -> buffer.drain(1, 10))
                .isInstanceOf(StreamFailure.class)
                .hasMessage("Twitter rejected the OAuth credentials (HTTP 401)");
    }

    @Test
    void limitNoticesAddUpAcrossReconnects() {
        stats.connected();
        assertThat(stats.limitNotice(10)).isEqualTo(10);
        assertThat(stats.limitNotice(25)).isEqualTo(15);
        stats.connected();
        assertThat(stats.limitNotice(4)).isEqualTo(4);

        assertThat(stats.get(StreamCounter.LIMIT_UNDELIVERED)).isEqualTo(29);
    }

    @Test
    void emptyListsAreNotBatches() throws InterruptedException {
        EventBuffer buffer = new EventBuffer(3, stats);
        buffer.put(event(1));

        List<StreamEvent> events = buffer.drain(1, 10);

        assertThat(events).hasSize(1);
        assertThat(buffer.drain(1, 1)).isEmpty();
    }
}
