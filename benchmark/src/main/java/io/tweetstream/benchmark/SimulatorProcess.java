package io.tweetstream.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.testkit.ChildJvm;
import io.tweetstream.testkit.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The stream simulator in a JVM of its own, so that the memory and CPU this JVM measures are the
 * task's alone; what it sent is read from its {@code /simulator/stats} endpoint.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_DEADLINE = Duration.ofSeconds(30);

    private final ChildJvm process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private SimulatorProcess(ChildJvm process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A simulator streaming {@code tweetsPerSecond} on each stream, its output in {@code workDir}. */
    static SimulatorProcess start(Path workDir, double tweetsPerSecond) {
        int port = FreePorts.next();
        ChildJvm child = ChildJvm.start("simulator", workDir, System.getProperty("java.class.path"),
                List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"), SimulatorLauncher.class.getName(),
                List.of(String.valueOf(port), String.valueOf(tweetsPerSecond)));
        SimulatorProcess simulator = new SimulatorProcess(child, port);
        try {
            simulator.awaitReady();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The simulator exited:\n" + process.logTail());
            }
            try {
                stats();
                return;
            } catch (RuntimeException notYet) {
                sleepBriefly();
            }
        }
        throw new IllegalStateException("The simulator did not answer within " + START_DEADLINE + ":\n"
                + process.logTail());
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String v1BaseUrl() {
        return "http://127.0.0.1:" + port + "/1.1/";
    }

    String v2BaseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    long pid() {
        return process.pid();
    }

    /** Tweets written to all streams so far, and v2 tweets dropped because the client read too slowly. */
    Sent sent() {
        JsonNode totals = stats().get("totals");
        return new Sent(totals.get("tweetsSent").asLong(), totals.get("v2TweetsDropped").asLong());
    }

    record Sent(long tweets, long dropped) {
        Sent minus(Sent earlier) {
            return new Sent(tweets - earlier.tweets, dropped - earlier.dropped);
        }
    }

    private JsonNode stats() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator/stats"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Simulator stats answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Simulator stats unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
