package io.tweetstream.connect.metrics;

import io.tweetstream.connect.stream.EventBuffer;
import io.tweetstream.connect.stream.StreamStats;
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

    private final PluginMetrics metrics;
    private final List<MetricName> names = new ArrayList<>();
    private final Sensor written;

    private TaskMetrics(PluginMetrics metrics, StreamStats stats, EventBuffer buffer) {
        this.metrics = metrics;
        if (metrics == null) {
            this.written = null;
            return;
        }
        gauge("queue-size", "Tweets waiting in the task's buffer for the worker to poll them", buffer::size);
        gauge("queue-capacity", "The most tweets the buffer holds before the stream stops reading", buffer::capacity);
        gauge("queue-fill-ratio", "How full the buffer is, 0 to 1: near 1, the broker or the worker is the bottleneck",
                () -> (double) buffer.size() / buffer.capacity());
        gauge("tweets-received-total", "Tweets the stream delivered to this task for writing", stats::tweets);
        gauge("deletes-total", "Delete notices received (v1.1)", stats::deletes);
        gauge("limit-undelivered-total", "Matching tweets Twitter reported in limit notices it did not deliver",
                stats::undelivered);
        gauge("skipped-messages-total", "Stream messages skipped as unreadable or incomplete", stats::skippedMessages);
        gauge("connects-total", "Successful connections, the first included", stats::connects);
        gauge("reconnects-total", "Successful connections after the first", () -> Math.max(0, stats.connects() - 1));
        gauge("stalls-total", "Connections dropped for staying silent past the read timeout", stats::stalls);
        gauge("stream-errors-total", "Error messages the API sent in the stream (v2), operational disconnects included",
                stats::streamErrors);
        gauge("discarded-on-close-total", "Tweets received but not handed to the worker because the task stopped",
                stats::discardedOnClose);
        gauge("duplicates-total", "Tweets that arrived again and were dropped by id", stats::duplicates);
        gauge("left-to-other-tasks-total", "v2 tweets another task of the connector writes", stats::leftToOtherTasks);
        gauge("unmatched-total", "v2 tweets that matched only other users' rules", stats::unmatched);
        written = metrics.addSensor(WRITTEN_SENSOR);
        written.add(name("tweets-written-rate", "Records handed to the worker per second"), new Rate());
        written.add(name("tweets-written-total", "Records handed to the worker"), new CumulativeSum());
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

    private void gauge(String name, String description, Supplier<? extends Number> value) {
        MetricName metricName = name(name, description);
        metrics.addMetric(metricName, (Gauge<Number>) (config, now) -> value.get());
        names.add(metricName);
    }

    private MetricName name(String name, String description) {
        return metrics.metricName(name, description, new LinkedHashMap<>());
    }

    @Override
    public void close() {
        if (metrics != null) {
            names.forEach(metrics::removeMetric);
            metrics.removeSensor(WRITTEN_SENSOR);
        }
    }
}
