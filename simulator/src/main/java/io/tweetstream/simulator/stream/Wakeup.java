package io.tweetstream.simulator.stream;

import java.util.concurrent.TimeUnit;

/**
 * A timed wait that another thread can end early; a wake-up that comes between two waits ends the next one at
 * once, so none is lost.
 */
public final class Wakeup {

    private boolean woken;

    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Waits up to {@code nanos}, or until woken. */
    public synchronized void await(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        long left = nanos;
        while (!woken && left > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            left = deadline - System.nanoTime();
        }
        woken = false;
    }
}
