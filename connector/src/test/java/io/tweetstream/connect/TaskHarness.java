package io.tweetstream.connect;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Tasks started outside a worker as a worker starts them (with no stored offsets), polled like a
 * worker polls them, and all stopped by {@link #close()}.
 */
final class TaskHarness implements AutoCloseable {

    private final List<TwitterSourceTask> tasks = new ArrayList<>();
    private final Metrics metrics = new Metrics();
    private final Duration deadline;

    TaskHarness(Duration deadline) {
        this.deadline = deadline;
    }

    TwitterSourceTask start(Map<String, String> props) {
        OffsetStorageReader offsets = mock(OffsetStorageReader.class);
        when(offsets.offset(any())).thenReturn(null);
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(offsets);
        // The worker's plugin metrics, tagged as a worker tags them.
        String index = Integer.toString(tasks.size());
        when(context.pluginMetrics()).thenReturn(new PluginMetricsImpl(metrics,
                Map.of("connector", props.getOrDefault("name", "tweets"), "task", index)));
        TwitterSourceTask task = new TwitterSourceTask();
        task.initialize(context);
        tasks.add(task);
        task.start(props);
        return task;
    }

    /** Polls until at least {@code count} records came, failing after the deadline. */
    List<SourceRecord> pollUntil(TwitterSourceTask task, int count) {
        List<SourceRecord> records = new ArrayList<>();
        await().atMost(deadline).until(() -> {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
            return records.size() >= count;
        });
        return records;
    }

    /** Polls into {@code into} while {@code notYet} holds, failing after the deadline. */
    void pollWhile(TwitterSourceTask task, List<SourceRecord> into, java.util.function.BooleanSupplier notYet) {
        await().atMost(deadline).until(() -> {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                into.addAll(batch);
            }
            return !notYet.getAsBoolean();
        });
    }

    /** The value of plugin metric {@code name} of the {@code index}-th task started, or null if none. */
    Object metric(String name, int index) {
        return metrics.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && Integer.toString(index).equals(e.getKey().tags().get("task")))
                .map(e -> e.getValue().metricValue()).findFirst().orElse(null);
    }

    @Override
    public void close() {
        tasks.forEach(TwitterSourceTask::stop);
        metrics.close();
    }
}
