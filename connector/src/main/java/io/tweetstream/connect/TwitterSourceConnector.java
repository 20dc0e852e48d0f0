package io.tweetstream.connect;

import io.tweetstream.connect.config.TwitterSourceConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams tweets matching track keywords (and followed users, locations) into a Kafka topic,
 * splitting the keywords across tasks as {@link TaskPlan} describes.
 */
public class TwitterSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(TwitterSourceConnector.class);
    private static final String TASKS_MAX = "tasks.max";

    private Map<String, String> props;
    private TwitterSourceConfig config;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new TwitterSourceConfig(props);
        Map<String, String> problems = config.credentialSets().problems();
        if (!problems.isEmpty()) {
            throw new ConnectException("Invalid Twitter credentials configuration: " + problems);
        }
        log.info("Starting Twitter source for {} track phrases, {} followed users and {} location boxes",
                config.trackKeywords().size(), config.followUserIds().size(), config.locations().size());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TwitterSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        TaskPlan plan = TaskPlan.of(config, maxTasks);
        if (!plan.problems().isEmpty()) {
            throw new ConnectException(plan.describeProblems());
        }
        List<Map<String, String>> configs = plan.taskConfigs(props);
        log.info("Split {} track phrases across {} tasks", config.trackKeywords().size(), configs.size());
        return configs;
    }

    /**
     * Checks each key on its own (types, ranges, formats), then, when those pass, what only the keys
     * together can tell: whether the phrases fit {@code tasks.max} tasks and whether there is a
     * credential set for every task.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean fieldsValid = result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (!fieldsValid) {
            return result;
        }
        TaskPlan plan = TaskPlan.of(new TwitterSourceConfig(connectorConfigs), maxTasks(connectorConfigs));
        for (ConfigValue value : result.configValues()) {
            String problem = plan.problems().get(value.name());
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

    @Override
    public void stop() {
        log.info("Stopping Twitter source");
    }

    @Override
    public ConfigDef config() {
        return TwitterSourceConfig.CONFIG_DEF;
    }
}
