package io.tweetstream.connect.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded hand-over between a stream's reader thread and the task's poll thread.
 *
 * <p>When the buffer is full, {@link #put} blocks the reader, so a slow broker slows the reading of
 * the connection instead of filling memory. {@link #close()} releases a blocked reader; what it was
 * handing over then is counted as {@linkplain StreamCounter#DISCARDED_ON_CLOSE discarded}. A fatal
 * stream problem is recorded with {@link #fail} and thrown to the poll thread by {@link #drain}.
 */
public final class EventBuffer {

    private static final long CLOSE_CHECK_MS = 100;

    private final BlockingQueue<StreamEvent> queue;
    private final int capacity;
    private final StreamStats stats;
    /** Told of every event handed over and of a failure: {@link TaskBuffers} waits on it for any of its buffers. */
    private final Runnable onArrival;
    private volatile boolean closed;
    private volatile String failure;

    public EventBuffer(int capacity, StreamStats stats) {
        this(capacity, stats, () -> {});
    }

    EventBuffer(int capacity, StreamStats stats, Runnable onArrival) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.stats = stats;
        this.onArrival = onArrival;
    }

    /**
     * Hands an event over, waiting for space while the buffer is full. Returns false, and counts the
     * event as discarded, when the buffer is closed first.
     */
    public boolean put(StreamEvent event) throws InterruptedException {
        while (!closed) {
            if (queue.offer(event, CLOSE_CHECK_MS, TimeUnit.MILLISECONDS)) {
                // A close() that ran while this offer waited may have missed the event.
                if (closed && queue.remove(event)) {
                    stats.add(StreamCounter.DISCARDED_ON_CLOSE, 1);
                    return false;
                }
                onArrival.run();
                return true;
            }
        }
        stats.add(StreamCounter.DISCARDED_ON_CLOSE, 1);
        return false;
    }

    /**
     * Up to {@code maxEvents} events, waiting at most {@code timeoutMs} for the first one; an empty
     * list when none arrived in time.
     *
     * @throws StreamFailure when the stream failed in a way retrying cannot fix
     */
    public List<StreamEvent> drain(int maxEvents, long timeoutMs) throws InterruptedException {
        throwIfFailed();
        StreamEvent first = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            throwIfFailed();
            return List.of();
        }
        List<StreamEvent> events = new ArrayList<>(Math.min(maxEvents, queue.size() + 1));
        events.add(first);
        queue.drainTo(events, maxEvents - 1);
        return events;
    }

    private void throwIfFailed() {
        String message = failure;
        if (message != null) {
            throw new StreamFailure(message);
        }
    }

    /** Records a problem that retrying cannot fix; the next {@link #drain} throws it. */
    public void fail(String message) {
        if (failure == null) {
            failure = message;
        }
        onArrival.run();
    }

    public int size() {
        return queue.size();
    }

    public boolean isClosed() {
        return closed;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Stops accepting events and releases a blocked reader. Events still buffered are counted as
     * discarded: the task is stopping and will not poll them.
     */
    public void close() {
        closed = true;
        List<StreamEvent> untaken = new ArrayList<>();
        queue.drainTo(untaken);
        stats.add(StreamCounter.DISCARDED_ON_CLOSE, untaken.size());
    }
}
