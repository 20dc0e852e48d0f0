package io.tweetstream.simulator.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The faults delivered to one open stream and not yet applied, in order. A stall takes effect on delivery; while
 * it lasts only a fault that ends the stream is handed out, so that nothing at all is written. Thread-safe: faults
 * are delivered from a test's thread, taken by the stream's session.
 */
public final class FaultInbox {

    private final ConnectionState connection;
    private final Runnable wake;
    private final Deque<StreamFault> waiting = new ArrayDeque<>();
    private boolean stalled;
    private long stalledUntilNanos;

    /** @param wake wakes the stream's session from its wait, so that it applies a fault at once */
    FaultInbox(ConnectionState connection, Runnable wake) {
        this.connection = connection;
        this.wake = wake;
    }

    public ConnectionState connection() {
        return connection;
    }

    void deliver(StreamFault fault) {
        synchronized (this) {
            if (fault instanceof StreamFault.Stall stall) {
                stalled = true;
                stalledUntilNanos = stall.untilNanos();
            } else {
                waiting.add(fault);
            }
        }
        wake.run();
    }

    void wake() {
        wake.run();
    }

    /** Until when ({@link System#nanoTime()}) the stream must stay silent; {@code nowNanos} if it need not. */
    public synchronized long silentUntil(long nowNanos) {
        return stalled && nowNanos - stalledUntilNanos < 0 ? stalledUntilNanos : nowNanos;
    }

    /** The next fault to apply now, or {@code null}; during a stall only one that ends the stream. */
    public synchronized StreamFault next(long nowNanos) {
        if (silentUntil(nowNanos) == nowNanos) {
            return waiting.poll();
        }
        for (Iterator<StreamFault> faults = waiting.iterator(); faults.hasNext(); ) {
            StreamFault fault = faults.next();
            if (fault.endsStream()) {
                faults.remove();
                return fault;
            }
        }
        return null;
    }
}
