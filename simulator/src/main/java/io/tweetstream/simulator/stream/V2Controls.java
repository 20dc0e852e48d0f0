package io.tweetstream.simulator.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The faults a test injects into the v2 API, and the simulator's close as v2 streams see it. Whoever waits for
 * them registers with {@link #onChange(Runnable)}, so that an injected fault or the close wakes it at once.
 * Thread-safe.
 */
public final class V2Controls {

    /** How the next connection attempt is to be refused. */
    public record Rejection(int httpStatus, Instant rateLimitReset) {
    }

    private final Object lock = new Object();
    private final List<Runnable> wakers = new CopyOnWriteArrayList<>();
    private int rejectionsLeft;
    private int rejectionStatus;
    private Duration rejectionReset = Duration.ZERO;
    private long disconnectGeneration;
    private long stallFromNanos;
    private long stallUntilNanos;
    private boolean stallSet;
    private boolean closed;

    /** The next {@code count} connection attempts get {@code httpStatus}; replaces an earlier instruction. */
    public void rejectNext(int count, int httpStatus, Duration rateLimitReset) {
        synchronized (lock) {
            rejectionsLeft = count;
            rejectionStatus = httpStatus;
            rejectionReset = rateLimitReset;
        }
    }

    /** The rejection for this attempt, if one is due; counts it. */
    public Optional<Rejection> takeRejection(Instant now) {
        synchronized (lock) {
            if (rejectionsLeft <= 0) {
                return Optional.empty();
            }
            rejectionsLeft--;
            return Optional.of(new Rejection(rejectionStatus, now.plus(rejectionReset)));
        }
    }

    /** Ends every stream open now (streams read their generation at start). */
    public void disconnectAll() {
        synchronized (lock) {
            disconnectGeneration++;
        }
        wakeAll();
    }

    public long disconnectGeneration() {
        synchronized (lock) {
            return disconnectGeneration;
        }
    }

    /** Silences the streams open now for {@code length}. */
    public void stall(Duration length) {
        synchronized (lock) {
            stallFromNanos = System.nanoTime();
            stallUntilNanos = stallFromNanos + length.toNanos();
            stallSet = true;
        }
        wakeAll();
    }

    /** Until when a stream that started at {@code startNanos} must stay silent; {@code nowNanos} if not. */
    public long silentUntil(long startNanos, long nowNanos) {
        synchronized (lock) {
            boolean applies = stallSet && startNanos - stallFromNanos <= 0 && nowNanos - stallUntilNanos < 0;
            return applies ? stallUntilNanos : nowNanos;
        }
    }

    /** Wakes every waiting stream for good: the simulator is closing. */
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        wakeAll();
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Runs {@code waker} after every change: an injected disconnect or stall, and the close. */
    public void onChange(Runnable waker) {
        wakers.add(waker);
    }

    /** Outside the lock: wakers take their own locks. */
    private void wakeAll() {
        wakers.forEach(Runnable::run);
    }
}
