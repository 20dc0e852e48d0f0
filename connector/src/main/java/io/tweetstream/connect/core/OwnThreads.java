package io.tweetstream.connect.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Named daemon threads for a stream's executors, remembered so that a close can wait for them to end.
 * An executor's {@code awaitTermination} returns while its last worker is still on its way out, so a
 * stream that says it left no thread behind joins the threads themselves.
 */
public final class OwnThreads implements ThreadFactory {

    private final String name;
    private final List<Thread> started = new CopyOnWriteArrayList<>();

    /** @param name every thread's name, e.g. {@code tweetstream-task-c-0-watchdog} */
    public OwnThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        started.add(thread);
        return thread;
    }

    /**
     * Interrupts {@code executor}'s work and waits up to {@code timeoutMs} for its threads to end.
     *
     * @return whether they all ended in time
     */
    public boolean shutDown(ExecutorService executor, long timeoutMs) throws InterruptedException {
        executor.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        if (!executor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
            return false;
        }
        for (Thread thread : started) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            thread.join(Math.max(1, left));
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
