package io.tweetstream.simulator;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link StreamSimulator} until Ctrl-C: {@code java -jar tweetstream-simulator-<version>-all.jar --port 8080 --rate 50}.
 * Exits with 2 on bad arguments and 1 when the port cannot be bound.
 */
public final class SimulatorMain {

    private static final int EXIT_BAD_ARGUMENTS = 2;
    private static final int EXIT_CANNOT_START = 1;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        showLogTimes();
        SimulatorArguments.Parsed parsed;
        try {
            parsed = SimulatorArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(EXIT_BAD_ARGUMENTS);
            return;
        }
        if (parsed.help()) {
            System.out.print(SimulatorArguments.USAGE);
            return;
        }
        StreamSimulator simulator;
        try {
            simulator = StreamSimulator.start(parsed.settings());
        } catch (UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "tweetstream-simulator-shutdown"));
        System.out.println("Twitter streaming simulator running; streamBaseURL = " + simulator.v1BaseUrl()
                + " ; v2 base URL = " + simulator.v2BaseUrl());
        System.out.println("Stats: " + simulator.statsUrl() + " - stop with Ctrl-C");
        stopped.await();
    }

    /** slf4j-simple prints milliseconds since start by default; wall-clock times match other logs of a demo. */
    private static void showLogTimes() {
        if (System.getProperty("org.slf4j.simpleLogger.showDateTime") == null) {
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        }
    }
}
