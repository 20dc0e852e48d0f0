package io.tweetstream.simulator.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The v2 API's refusals injected by a test, and the simulator's close as v2 streams and broadcasts see it. Whoever
 * waits registers with {@link #onChange(Runnable)}, so that the close wakes it at once. Thread-safe. (Faults of open
 * streams go through {@link StreamFaults}, shared with v1.1.)
 */
public final class V2Controls {

    private final ConnectionRejections rejections = new ConnectionRejections();
    private final List<Runnable> wakers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** How the next v2 connection attempts are to be refused. */
    public ConnectionRejections rejections() {
        return rejections;
    }

    /** Wakes every waiting stream and broadcast for good: the simulator is closing. */
    public void close() {
        closed = true;
        wakers.forEach(Runnable::run);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Runs {@code waker} on close. */
    public void onChange(Runnable waker) {
        wakers.add(waker);
    }
}
