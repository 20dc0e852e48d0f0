package io.tweetstream.connect.metrics;

import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TaskBuffers;
import io.tweetstream.connect.cost.PostBudget;
import io.tweetstream.connect.cost.TaskCost;
import io.tweetstream.connect.cost.UsageReport;
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

    private static final Described POSTS_BILLED_TODAY = new Described("posts-billed-today",
            "Posts X delivered to the task on X's current UTC day, each counted once, as X bills them (X API v2)");
    private static final Described POSTS_BILLED_MONTH = new Described("posts-billed-month",
            "Posts X delivered to the task in the current UTC month, each counted once a day (X API v2)");
    private static final Described BUDGET_LEFT_TODAY = new Described("budget-posts-left-today",
            "Posts the budgets leave for today (twitter.v2.budget.*); -1 when no budget is set");
    private static final Described BUDGET_REACHED = new Described("budget-reached",
            "1 while a budget is reached and the stream is stopped until it renews, else 0");
    private static final Described COST_MONTH = new Described("cost-usd-month",
            "What this month's Posts cost at twitter.v2.price.per.post.usd, in US dollars");
    private static final Described X_POSTS_TODAY = new Described("x-posts-billed-today",
            "Posts of X's current UTC day by X's own count (GET /2/usage/tweets, the whole project); -1 until X answered");
    private static final Described X_POSTS_CAP_PERIOD = new Described("x-posts-billed-cap-period",
            "Posts read in the current cap period by X's own count (the whole project); -1 until X answered");
    private static final Described X_PROJECT_CAP = new Described("x-project-cap",
            "The project's monthly cap of Post reads, as X reports it; -1 until X answered");
    private static final Described ESTIMATED_POSTS_PER_DAY = new Described("estimated-posts-per-day",
            "Posts a day the task's rules matched over the last 7 days (GET /2/tweets/counts/recent); -1 when not estimated");
    private static final Described ESTIMATED_USD_PER_DAY = new Described("estimated-cost-usd-per-day",
            "What estimated-posts-per-day costs at twitter.v2.price.per.post.usd, in US dollars; -1 when not estimated");
    private static final List<Described> COST = List.of(POSTS_BILLED_TODAY, POSTS_BILLED_MONTH, BUDGET_LEFT_TODAY,
            BUDGET_REACHED, COST_MONTH, X_POSTS_TODAY, X_POSTS_CAP_PERIOD, X_PROJECT_CAP, ESTIMATED_POSTS_PER_DAY,
            ESTIMATED_USD_PER_DAY);

    private final PluginMetrics metrics;
    private final List<MetricName> names = new ArrayList<>();
    private final Sensor written;

    private TaskMetrics(PluginMetrics metrics, StreamStats stats, TaskBuffers buffer, TaskCost cost) {
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
        if (cost != null) {
            PostBudget budget = cost.budget();
            gauge(POSTS_BILLED_TODAY, () -> budget.spend().postsToday());
            gauge(POSTS_BILLED_MONTH, () -> budget.spend().postsThisMonth());
            gauge(BUDGET_LEFT_TODAY, budget::leftToday);
            gauge(BUDGET_REACHED, () -> budget.exhausted() ? 1 : 0);
            gauge(COST_MONTH, cost::usdThisMonth);
            gauge(X_POSTS_TODAY, () -> cost.usage().map(UsageReport::postsToday).orElse(-1L));
            gauge(X_POSTS_CAP_PERIOD, () -> cost.usage().map(UsageReport::projectUsage).orElse(-1L));
            gauge(X_PROJECT_CAP, () -> cost.usage().map(UsageReport::projectCap).orElse(-1L));
            gauge(ESTIMATED_POSTS_PER_DAY, cost::estimatedPostsPerDay);
            gauge(ESTIMATED_USD_PER_DAY, () -> cost.estimatedPostsPerDay() < 0 ? -1
                    : cost.estimatedPostsPerDay() * budget.limits().pricePerPost());
        }
    }

    /** Every metric a task publishes, in the order it registers them; the README's table is checked against it. */
    public static List<Described> all() {
        List<Described> all = new ArrayList<>(List.of(QUEUE_SIZE, QUEUE_CAPACITY, QUEUE_FILL_RATIO));
        for (StreamCounter counter : StreamCounter.values()) {
            all.add(new Described(counter.metricName(), counter.description()));
        }
        all.addAll(List.of(RECONNECTS, WRITTEN_RATE, WRITTEN_TOTAL));
        all.addAll(COST);
        return all;
    }

    /**
     * The task's metrics on the worker's plugin metrics; none on a worker that has no plugin metrics.
     *
     * @param cost the budgets and usage of a billed stream (X API v2); null for none, whose cost metrics are left out
     */
    public static TaskMetrics register(Supplier<PluginMetrics> pluginMetrics, StreamStats stats, TaskBuffers buffer,
            TaskCost cost) {
        PluginMetrics metrics;
        try {
            metrics = pluginMetrics.get();
        } catch (LinkageError | UnsupportedOperationException olderWorker) {
            log.info("This worker has no plugin metrics (Kafka Connect 4.1 or newer has them): the task's counts"
                    + " are in its progress log line only");
            metrics = null;
        }
        return new TaskMetrics(metrics, stats, buffer, cost);
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
