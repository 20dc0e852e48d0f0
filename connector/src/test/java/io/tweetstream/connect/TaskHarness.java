package io.tweetstream.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Connectors and tasks started outside a worker as a worker starts them (with no stored offsets),
 * polled like a worker polls them, and all stopped by {@link #close()}.
 */
public final class TaskHarness implements AutoCloseable {

    private final List<PolledTask> tasks = new ArrayList<>();
    private final List<TwitterSourceConnector> connectors = new ArrayList<>();
    private final Metrics metrics = new Metrics();
    private final Duration deadline;
    /** What the previous run of every task stored as its offset; null for a first run. */
    private volatile Map<String, Object> storedOffset;

    public TaskHarness(Duration deadline) {
        this.deadline = deadline;
    }

    /**
     * Starts the connector (on v2 it syncs the app's rules with X) and then the tasks it plans for
     * {@code maxTasks}, as a worker does.
     */
    public List<PolledTask> startConnector(Map<String, String> props, int maxTasks) {
        TwitterSourceConnector connector = new TwitterSourceConnector();
        connector.start(props);
        connectors.add(connector);
        return connector.taskConfigs(maxTasks).stream().map(this::start).toList();
    }

    /**
     * Makes the tasks started from now on find {@code offset} stored for their source partition, as
     * a task does that a previous run of its share wrote to; null for a first run.
     */
    public void storeOffset(Map<String, Object> offset) {
        storedOffset = offset;
    }

    /** Starts the connector, as a worker does, without starting its tasks; returns their configs. */
    public List<Map<String, String>> startConnectorOnly(Map<String, String> props, int maxTasks) {
        TwitterSourceConnector connector = new TwitterSourceConnector();
        connector.start(props);
        connectors.add(connector);
        return connector.taskConfigs(maxTasks);
    }

    /** Starts one task with {@code props} (a task config, or a connector config taken as one). */
    public PolledTask start(Map<String, String> props) {
        int index = tasks.size();
        // The worker's plugin metrics, tagged as a worker tags them.
        PluginMetrics pluginMetrics = new PluginMetricsImpl(metrics,
                Map.of("connector", props.getOrDefault("name", "tweets"), "task", Integer.toString(index)));
        TwitterSourceTask task = new TwitterSourceTask();
        task.initialize(new StoredOffsetContext(props, pluginMetrics, storedOffset));
        PolledTask polled = new PolledTask(task, index, this, deadline);
        tasks.add(polled);
        task.start(props);
        return polled;
    }

    /** The value of plugin metric {@code name} of the {@code index}-th task started, or null if none. */
    Object metric(String name, int index) {
        return metrics.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && Integer.toString(index).equals(e.getKey().tags().get("task")))
                .map(e -> e.getValue().metricValue()).findFirst().orElse(null);
    }

    /** A task's context, with the offset a previous run stored for its partition; null on its first run. */
    private record StoredOffsetContext(Map<String, String> configs, PluginMetrics pluginMetrics,
            Map<String, Object> offset) implements SourceTaskContext {

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return offset;
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    return new HashMap<>();
                }
            };
        }
    }

    /** Stops every task and connector started, even those a test stopped already (stop is idempotent). */
    @Override
    public void close() {
        tasks.forEach(PolledTask::stop);
        connectors.forEach(TwitterSourceConnector::stop);
        metrics.close();
    }
}
