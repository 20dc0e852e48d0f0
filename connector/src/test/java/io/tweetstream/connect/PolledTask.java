package io.tweetstream.connect;

import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.core.StreamCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A started task as a worker drives it: each {@link #poll()} keeps what it returned, so a test
 * asserts on everything the task has written so far; waits poll until a condition holds, failing
 * after the harness's deadline.
 */
public final class PolledTask {

    private final TwitterSourceTask task;
    private final int index;
    private final TaskHarness harness;
    private final Duration deadline;
    private final List<SourceRecord> written = Collections.synchronizedList(new ArrayList<>());

    PolledTask(TwitterSourceTask task, int index, TaskHarness harness, Duration deadline) {
        this.task = task;
        this.index = index;
        this.harness = harness;
        this.deadline = deadline;
    }

    /** One poll, as the worker makes it: the batch (kept in {@link #written()}), or null. */
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> batch = task.poll();
        if (batch != null) {
            written.addAll(batch);
        }
        return batch;
    }

    /**
     * Polls until {@code done} holds. Polls follow each other at once, as a worker's do: a poll with
     * nothing to return waits the task's poll timeout itself.
     */
    public void pollUntil(BooleanSupplier done) {
        pollUntil(done, deadline);
    }

    /** {@link #pollUntil(BooleanSupplier)} with a deadline of its own, for work that takes longer. */
    public void pollUntil(BooleanSupplier done, Duration deadline) {
        await().atMost(deadline).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(() -> {
            poll();
            return done.getAsBoolean();
        });
    }

    /** Polls until the task has written at least {@code count} records in all; returns them. */
    public List<SourceRecord> pollUntilWritten(int count) {
        pollUntil(() -> written.size() >= count);
        return written();
    }

    /** Polls until {@code more} records beyond those written so far came; returns all written. */
    public List<SourceRecord> pollUntilMoreWritten(int more) {
        return pollUntilWritten(written.size() + more);
    }

    /** Everything the task's polls returned so far, in order. */
    public List<SourceRecord> written() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    public long count(StreamCounter counter) {
        return task.stats().get(counter);
    }

    /** The value of this task's plugin metric {@code name}, as the worker would publish it; null if none. */
    public Object metric(String name) {
        return harness.metric(name, index);
    }

    public void stop() {
        task.stop();
    }
}
