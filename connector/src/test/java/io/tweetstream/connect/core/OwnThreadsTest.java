package io.tweetstream.connect.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OwnThreadsTest {

    private static List<Thread> alive(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).toList();
    }

    @Test
    void noThreadIsAliveOnceShutDownSaysTheyEnded() throws Exception {
        // awaitTermination alone returns while the worker is still leaving: repeated, that race shows.
        for (int round = 0; round < 300; round++) {
            String name = "own-threads-test-" + round;
            OwnThreads threads = new OwnThreads(name);
            ExecutorService executor = Executors.newSingleThreadScheduledExecutor(threads);
            CountDownLatch running = new CountDownLatch(1);
            executor.execute(() -> {
                running.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(threads.shutDown(executor, 10_000)).isTrue();

            assertThat(alive(name)).as("round %d", round).isEmpty();
        }
    }

    @Test
    void threadsAreNamedDaemons() {
        Thread thread = new OwnThreads("tweetstream-task-x-watchdog").newThread(() -> { });
        assertThat(thread.getName()).isEqualTo("tweetstream-task-x-watchdog");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void aWorkThatIgnoresTheInterruptIsReportedAsNotEnded() throws Exception {
        OwnThreads threads = new OwnThreads("own-threads-stubborn");
        ExecutorService executor = Executors.newSingleThreadExecutor(threads);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        executor.execute(() -> {
            running.countDown();
            boolean done = false;
            while (!done) {
                try {
                    done = release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // stubborn on purpose
                }
            }
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(threads.shutDown(executor, 100)).isFalse();

        release.countDown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
