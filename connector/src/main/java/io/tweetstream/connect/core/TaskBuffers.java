package io.tweetstream.connect.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The buffers of one task's streams, one per stream: a task of a partitioned stream reads several
 * partitions, each on a connection of its own with offsets of its own, so each hands its events over
 * apart. {@link #drain} takes from whichever has events, in turn, so that no stream starves another.
 */
public final class TaskBuffers {

    /** One buffer's events, as drained. */
    public record Drained(int buffer, List<StreamEvent> events) {}

    private final StreamStats stats;
    /** Copied on add (the streams are opened once, at start), so that drains and gauges read it as is. */
    private volatile List<EventBuffer> buffers = List.of();
    /** A permit for each event handed over (and each failure), to wait on all the buffers at once. */
    private final Semaphore arrivals = new Semaphore(0);
    private int next;

    public TaskBuffers(StreamStats stats) {
        this.stats = stats;
    }

    /** A new buffer of the task's, the {@code index}-th (from 0) in the order they were added. */
    public synchronized EventBuffer add(int capacity) {
        EventBuffer buffer = new EventBuffer(capacity, stats, arrivals::release);
        List<EventBuffer> more = new ArrayList<>(buffers);
        more.add(buffer);
        buffers = List.copyOf(more);
        return buffer;
    }

    /**
     * Up to {@code maxEvents} events of one buffer, waiting at most {@code timeoutMs} for any; empty
     * events when none arrived in time.
     *
     * @throws StreamFailure when one of the streams failed in a way retrying cannot fix
     */
    public Drained drain(int maxEvents, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        List<EventBuffer> all = buffers;
        if (all.size() == 1) {
            return new Drained(0, all.get(0).drain(maxEvents, timeoutMs));
        }
        while (true) {
            // Permits of events taken below are stale; one released after this is seen by the scan or the wait.
            arrivals.drainPermits();
            for (int i = 0; i < all.size(); i++) {
                int index = (next + i) % all.size();
                List<StreamEvent> events = all.get(index).drain(maxEvents, 0);
                if (!events.isEmpty()) {
                    next = (index + 1) % all.size();
                    return new Drained(index, events);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !arrivals.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                return new Drained(0, List.of());
            }
        }
    }

    /** Events waiting in all the buffers. */
    public int size() {
        return buffers.stream().mapToInt(EventBuffer::size).sum();
    }

    /** The most events all the buffers hold. */
    public int capacity() {
        return buffers.stream().mapToInt(EventBuffer::capacity).sum();
    }
}
