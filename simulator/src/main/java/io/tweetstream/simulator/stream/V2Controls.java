package io.tweetstream.simulator.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The faults a test injects into the v2 API, and the monitor v2 streams wait on so that an injected
 * disconnect or the simulator's close wakes them at once. Thread-safe.
 */
public final class V2Controls {

    /** How the next connection attempt is to be refused. */
    public record Rejection(int httpStatus, Instant rateLimitReset) {
    }

    private final Object lock = new Object();
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
            lock.notifyAll();
        }
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
            lock.notifyAll();
        }
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
            lock.notifyAll();
        }
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Waits up to {@code nanos}, returning early when the simulator closes or a disconnect newer than
     * {@code seenGeneration} is injected.
     */
    public void await(long nanos, long seenGeneration) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            long left = deadline - System.nanoTime();
            while (!closed && disconnectGeneration == seenGeneration && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
                left = deadline - System.nanoTime();
            }
        }
    }
}
