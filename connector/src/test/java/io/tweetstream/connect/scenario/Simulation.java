package io.tweetstream.connect.scenario;

import io.tweetstream.connect.TaskHarness;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.time.Duration;

/**
 * One test's world: the stream simulator it starts and the connectors and tasks it runs against it.
 * {@link SimulatorExtension} hands it to the test and closes it afterwards: the tasks first, then the
 * simulator.
 */
public final class Simulation implements AutoCloseable {

    /** How long any wait of a test may take before it fails: generous, as the build machine is loaded. */
    public static final Duration DEADLINE = Duration.ofSeconds(45);

    private final TaskHarness tasks = new TaskHarness(DEADLINE);
    private StreamSimulator simulator;

    Simulation() {}

    /** Starts the simulator on an ephemeral port; once per test. */
    public StreamSimulator start(SimulatorSettings.Builder settings) {
        if (simulator != null) {
            throw new IllegalStateException("This test's simulator was started already");
        }
        simulator = StreamSimulator.start(settings.port(0).build());
        return simulator;
    }

    public StreamSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("No simulator started yet: call start(settings) first");
        }
        return simulator;
    }

    public TaskHarness tasks() {
        return tasks;
    }

    @Override
    public void close() {
        try {
            tasks.close();
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
