package io.tweetstream.simulator.stream;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells every stream loop of a simulator to stop. Loops wait on it instead of sleeping, so closing the
 * simulator wakes them at once.
 */
public final class ShutdownSignal {

    private final CountDownLatch triggered = new CountDownLatch(1);

    public void trigger() {
        triggered.countDown();
    }

    public boolean isTriggered() {
        return triggered.getCount() == 0;
    }

    /**
     * Waits up to {@code nanos} (nothing if not positive).
     *
     * @return whether the signal was triggered
     */
    public boolean await(long nanos) throws InterruptedException {
        return triggered.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }
}
