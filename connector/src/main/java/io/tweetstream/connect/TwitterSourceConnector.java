package io.tweetstream.connect;

import io.tweetstream.connect.config.StreamType;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import io.tweetstream.connect.source.StreamAdapter;
import io.tweetstream.connect.source.TaskPlan;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams tweets matching track keywords (and followed users, locations) into a Kafka topic. The
 * config names the stream ({@link StreamType}); that stream's {@link StreamAdapter} plans the tasks,
 * checks the config with the API and puts in place what the tasks need (on the X API v2 filtered
 * stream, the app's rules).
 */
public class TwitterSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(TwitterSourceConnector.class);
    private static final String TASKS_MAX = "tasks.max";

    private Map<String, String> props;
    private TwitterSourceConfig config;
    private StreamAdapter adapter;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new TwitterSourceConfig(props);
        this.adapter = StreamAdapters.forType(config.streamType());
        TaskPlan plan = plan(config, adapter, props, maxTasks(props));
        log.info("Starting Twitter source on {} for {} track phrases, {} followed users and {} location boxes",
                config.streamType().description(), config.trackKeywords().size(), config.followUserIds().size(),
                config.locations().size());
        adapter.prepare(config, connectorName(props), plan);
    }

    /** The adapter's plan, after the keys that belong to another stream; fails on any problem. */
    private static TaskPlan plan(TwitterSourceConfig config, StreamAdapter adapter, Map<String, String> props,
            int maxTasks) {
        TaskPlan plan = adapter.plan(config, connectorName(props), maxTasks).withProblems(config.otherStreamsKeys());
        if (!plan.problems().isEmpty()) {
            throw new ConnectException(plan.describeProblems());
        }
        return plan;
    }

    private static String connectorName(Map<String, String> props) {
        return props.getOrDefault(TwitterSourceTaskConfig.CONNECTOR_NAME, TwitterSourceTaskConfig.CONNECTOR_NAME_DEFAULT);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TwitterSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        TaskPlan plan = plan(config, adapter, props, maxTasks);
        // The worker's tasks.max normally matches the one start() planned with; if not, what the tasks
        // need of the API (the rules' task tags) must follow the split made here.
        adapter.prepare(config, connectorName(props), plan);
        if (plan.fewerTasksReason() != null) {
            log.warn("Running {} task(s) although tasks.max is {}: {}", plan.taskCount(), maxTasks,
                    plan.fewerTasksReason());
        }
        log.info("Split {} track phrases across {} tasks", config.trackKeywords().size(), plan.taskCount());
        return plan.taskConfigs(props);
    }

    /**
     * Checks each key on its own (types, ranges, formats), then, when those pass, what only the keys
     * together can tell: keys that belong to another stream than the one chosen, and whether the
     * stream's adapter can plan the tasks (e.g. the phrases fit {@code tasks.max} tasks, there is a
     * credential set for every task). When all of that passes, the adapter asks the API (on the X API
     * v2: whether the bearer token works and whether X would take the rules, in a dry run).
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean fieldsValid = result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (!fieldsValid) {
            return result;
        }
        TwitterSourceConfig candidate = new TwitterSourceConfig(connectorConfigs);
        StreamAdapter candidateAdapter = StreamAdapters.forType(candidate.streamType());
        String name = connectorName(connectorConfigs);
        TaskPlan plan = candidateAdapter.plan(candidate, name, maxTasks(connectorConfigs))
                .withProblems(candidate.otherStreamsKeys())
                .withProblems(candidate.streamType().uses(TwitterSourceConfig.V2_PROXY_URL)
                        ? candidate.v2NetworkProblems() : Map.of());
        Map<String, String> problems = plan.problems().isEmpty()
                ? candidateAdapter.check(candidate, name, plan) : plan.problems();
        for (ConfigValue value : result.configValues()) {
            String problem = problems.get(value.name());
            if (problem != null) {
                value.addErrorMessage(problem);
            }
        }
        return result;
    }

    private static int maxTasks(Map<String, String> connectorConfigs) {
        try {
            return Math.max(1, Integer.parseInt(connectorConfigs.getOrDefault(TASKS_MAX, "1").trim()));
        } catch (NumberFormatException e) {
            return 1; // the worker reports a malformed tasks.max itself
        }
    }

    /**
     * Supported: a record's offset is its own tweet, so the worker can commit each batch's records and
     * offset in one transaction. What exactly-once cannot add is replay: a live stream never resends
     * tweets missed while no task was connected (beyond a v2 backfill).
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    @Override
    public void stop() {
        log.info("Stopping Twitter source");
    }

    @Override
    public ConfigDef config() {
        return TwitterSourceConfig.CONFIG_DEF;
    }
}
