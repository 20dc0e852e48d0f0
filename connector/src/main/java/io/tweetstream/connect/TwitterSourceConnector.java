package io.tweetstream.connect;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.xapi.ConnectorRules;
import io.tweetstream.connect.xapi.RuleSync;
import io.tweetstream.connect.xapi.StreamRule;
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
 * Streams tweets matching track keywords (and followed users, locations) into a Kafka topic,
 * splitting the keywords across tasks as {@link TaskPlan} describes. On the X API v2 filtered
 * stream it also keeps the app's rules in line with its config when it starts.
 */
public class TwitterSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(TwitterSourceConnector.class);
    private static final String TASKS_MAX = "tasks.max";
    private static final String NAME = "name";

    private Map<String, String> props;
    private TwitterSourceConfig config;
    private List<StreamRule> syncedRules;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new TwitterSourceConfig(props);
        this.syncedRules = null; // a start always checks the rules with X
        TaskPlan plan = TaskPlan.of(config, connectorName(props), maxTasks(props));
        if (!plan.problems().isEmpty()) {
            throw new ConnectException(plan.describeProblems());
        }
        log.info("Starting Twitter source on the {} API for {} track phrases, {} followed users and {} location"
                + " boxes", config.usesV2() ? "X v2" : "v1.1", config.trackKeywords().size(),
                config.followUserIds().size(), config.locations().size());
        syncRules(plan);
    }

    /** Puts the plan's rules in place unless they are what this instance last put there. */
    private void syncRules(TaskPlan plan) {
        if (plan.rules() == null || plan.rules().rules().equals(syncedRules)) {
            return;
        }
        RuleSync.Result synced = ConnectorRules.sync(config, connectorName(props), plan.rules());
        syncedRules = plan.rules().rules();
        log.info("{} filtered-stream rules in place ({} added, {} deleted)",
                synced.kept() + synced.added(), synced.added(), synced.deleted());
    }

    private static String connectorName(Map<String, String> props) {
        return props.getOrDefault(NAME, "tweetstream");
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TwitterSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        TaskPlan plan = TaskPlan.of(config, connectorName(props), maxTasks);
        if (!plan.problems().isEmpty()) {
            throw new ConnectException(plan.describeProblems());
        }
        // The worker's tasks.max normally matches the one start() planned with; if not, the rules'
        // task tags must follow the split made here.
        syncRules(plan);
        List<Map<String, String>> configs = plan.taskConfigs(props);
        if (config.usesV2() && configs.size() < maxTasks) {
            log.warn("Running {} task(s) although tasks.max is {}: {}", configs.size(), maxTasks,
                    config.usesV2SampleStream()
                            ? "every connection to the sample stream gets the same sample"
                            : "each task holds a filtered-stream connection, and the X API tier allows "
                                    + config.v2MaxConnections() + " (" + TwitterSourceConfig.V2_MAX_CONNECTIONS + ")");
        }
        log.info("Split {} track phrases across {} tasks", config.trackKeywords().size(), configs.size());
        return configs;
    }

    /**
     * Checks each key on its own (types, ranges, formats), then, when those pass, what only the keys
     * together can tell: whether the phrases fit {@code tasks.max} tasks and whether there is a
     * credential set for every task. On the X API v2 it then asks X: whether the bearer token works
     * and whether it would take the rules (a dry run, which changes nothing).
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean fieldsValid = result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (!fieldsValid) {
            return result;
        }
        TwitterSourceConfig candidate = new TwitterSourceConfig(connectorConfigs);
        String name = connectorName(connectorConfigs);
        TaskPlan plan = TaskPlan.of(candidate, name, maxTasks(connectorConfigs));
        Map<String, String> problems = plan.problems();
        if (problems.isEmpty() && candidate.usesV2()) {
            problems = ConnectorRules.check(candidate, name, plan.rules());
        }
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
