package io.tweetstream.benchmark;

import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The main class of {@link SimulatorProcess}: a simulator at up to its highest rate, until the process
 * is stopped. Not the simulator's own command line, which checks the rate against its bursts (4x by
 * default) even when bursts are off, and so refuses rates above 25,000 tweets/s.
 */
final class SimulatorLauncher {

    private SimulatorLauncher() {}

    /** @param args the port and the tweets per second */
    public static void main(String[] args) throws InterruptedException {
        SimulatorSettings settings = settings(Integer.parseInt(args[0]), Double.parseDouble(args[1])).build();
        StreamSimulator simulator = StreamSimulator.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
    }

    /**
     * No bursts, keep-alives every second, the default mix of tweets (extended, retweets, quotes), and
     * no history: nothing here refills a gap, and at the highest rate a history would fill the heap.
     */
    static SimulatorSettings.Builder settings(int port, double tweetsPerSecond) {
        return SimulatorSettings.builder()
                .port(port)
                .historyLimit(0)
                .tweetsPerSecond(tweetsPerSecond)
                .bursts(Duration.ZERO, Duration.ZERO, 1.0)
                .keepAliveInterval(Duration.ofSeconds(1));
    }
}
