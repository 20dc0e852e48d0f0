package io.tweetstream.connect.metrics;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Rate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's stream counters as Kafka Connect plugin metrics (KIP-877, workers from Kafka 4.1): the
 * worker's metrics reporters publish them, over JMX as
 * {@code kafka.connect:type=plugins,connector=<name>,task=<n>}. Workers without plugin metrics get
 * none; the task's progress line in the log carries the same counts.
 */
public final class TaskMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskMetrics.class);
    private static final String WRITTEN_SENSOR = "tweets-written";

    /** A metric's name and description, as the worker's metrics reporters publish them. */
    public record Described(String name, String description) {}

    private static final Described QUEUE_SIZE = new Described("queue-size",
            "Tweets waiting in the task's buffer for the worker to poll them");
    private static final Described QUEUE_CAPACITY = new Described("queue-capacity",
            "The most tweets the buffer holds before the stream stops reading");
    private static final Described QUEUE_FILL_RATIO = new Described("queue-fill-ratio",
            "How full the buffer is, 0 to 1: near 1, the broker or the worker is the bottleneck");
    private static final Described RECONNECTS = new Described("reconnects-total",
            "Successful connections after the first");
    private static final Described WRITTEN_RATE = new Described("tweets-written-rate",
            "Records handed to the worker per second");
    private static final Described WRITTEN_TOTAL = new Described("tweets-written-total",
            "Records handed to the worker");

    private final PluginMetrics metrics;
    private final List<MetricName> names = new ArrayList<>();
    private final Sensor written;

    private TaskMetrics(PluginMetrics metrics, StreamStats stats, EventBuffer buffer) {
        this.metrics = metrics;
        if (metrics == null) {
            this.written = null;
            return;
        }
        gauge(QUEUE_SIZE, buffer::size);
        gauge(QUEUE_CAPACITY, buffer::capacity);
        gauge(QUEUE_FILL_RATIO, () -> (double) buffer.size() / buffer.capacity());
        for (StreamCounter counter : StreamCounter.values()) {
            gauge(new Described(counter.metricName(), counter.description()), () -> stats.get(counter));
        }
        gauge(RECONNECTS, () -> Math.max(0, stats.get(StreamCounter.CONNECTS) - 1));
        written = metrics.addSensor(WRITTEN_SENSOR);
        written.add(name(WRITTEN_RATE), new Rate());
        written.add(name(WRITTEN_TOTAL), new CumulativeSum());
    }

    /** Every metric a task publishes, in the order it registers them; the README's table is checked against it. */
    public static List<Described> all() {
        List<Described> all = new ArrayList<>(List.of(QUEUE_SIZE, QUEUE_CAPACITY, QUEUE_FILL_RATIO));
        for (StreamCounter counter : StreamCounter.values()) {
            all.add(new Described(counter.metricName(), counter.description()));
        }
        all.addAll(List.of(RECONNECTS, WRITTEN_RATE, WRITTEN_TOTAL));
        return all;
    }

    /** The task's metrics on the worker's plugin metrics; none on a worker that has no plugin metrics. */
    public static TaskMetrics register(Supplier<PluginMetrics> pluginMetrics, StreamStats stats, EventBuffer buffer) {
        PluginMetrics metrics;
        try {
            metrics = pluginMetrics.get();
        } catch (LinkageError | UnsupportedOperationException olderWorker) {
            log.info("This worker has no plugin metrics (Kafka Connect 4.1 or newer has them): the task's counts"
                    + " are in its progress log line only");
            metrics = null;
        }
        return new TaskMetrics(metrics, stats, buffer);
    }

    /** Counts records handed to the worker. */
    public void recordWritten(int count) {
        if (written != null) {
            written.record(count);
        }
    }

    private void gauge(Described described, Supplier<? extends Number> value) {
        MetricName metricName = name(described);
        metrics.addMetric(metricName, (Gauge<Number>) (config, now) -> value.get());
        names.add(metricName);
    }

    private MetricName name(Described described) {
        return metrics.metricName(described.name(), described.description(), new LinkedHashMap<>());
    }

    @Override
    public void close() {
        if (metrics != null) {
            names.forEach(metrics::removeMetric);
            metrics.removeSensor(WRITTEN_SENSOR);
        }
    }
}
