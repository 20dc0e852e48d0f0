package io.tweetstream.simulator.testing;

import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A simulator started for one test and the streams the test reads from it, each on a thread of its own, so that the
 * test holds many open at once (every partition of a stream, say) and looks at what each delivered so far; closed
 * together at the end of the test, the streams first. Shared by the tests of the partitioned v2 streams, which read
 * alike and differ only in what they keep of a line.
 */
public final class StreamsUnderTest implements AutoCloseable {

    private final String threadName;
    private final List<StreamClient> streams = new CopyOnWriteArrayList<>();
    private StreamSimulator simulator;

    /** @param threadName what the readers' threads are called, numbered */
    public StreamsUnderTest(String threadName) {
        this.threadName = threadName;
    }

    /** Starts the simulator, closed with the streams. */
    public StreamSimulator start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.build());
        return simulator;
    }

    /**
     * Opens {@code request} and hands each line of its body but keep-alives to {@code lines}, in order, on a daemon
     * thread, until the body ends or the stream is closed.
     */
    public StreamClient read(V2Client client, String request, Consumer<String> lines) throws Exception {
        StreamClient stream = client.open(request);
        streams.add(stream);
        Thread thread = new Thread(() -> readLines(stream, lines), threadName + "-" + streams.size());
        thread.setDaemon(true);
        thread.start();
        return stream;
    }

    /** What one stream read by {@link #read(V2Client, String)} delivered so far, keep-alives aside, in order. */
    public record Reader(StreamClient stream, List<String> lines) {
    }

    /** Opens {@code request} and keeps each line it delivers. */
    public Reader read(V2Client client, String request) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        return new Reader(read(client, request, lines::add), lines);
    }

    /**
     * Opens every partition of the stream at {@code path} (1 to {@code partitions}, each with {@code parameters}
     * after its partition) and waits until the simulator has them all open.
     */
    public Map<Integer, Reader> readPartitions(V2Client client, String path, int partitions, String parameters)
            throws Exception {
        Map<Integer, Reader> byPartition = new HashMap<>();
        for (int partition = 1; partition <= partitions; partition++) {
            byPartition.put(partition, read(client, path + "?partition=" + partition + parameters));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> simulator.openConnectionCount() >= partitions);
        return byPartition;
    }

    /** Closes every stream opened so far; the simulator stays up. */
    public void closeStreams() throws IOException {
        for (StreamClient stream : streams) {
            stream.close();
        }
    }

    /** Closes every stream, then the simulator. */
    @Override
    public void close() throws IOException {
        closeStreams();
        if (simulator != null) {
            simulator.close();
        }
    }

    private static void readLines(StreamClient stream, Consumer<String> lines) {
        try {
            while (true) {
                StreamClient.Line line = stream.nextLine(Duration.ofMinutes(5));
                if (line.end()) {
                    return;
                }
                if (!line.isKeepAlive()) {
                    lines.accept(line.text());
                }
            }
        } catch (InterruptedException | AssertionError e) {
            // the test is over
        }
    }
}
