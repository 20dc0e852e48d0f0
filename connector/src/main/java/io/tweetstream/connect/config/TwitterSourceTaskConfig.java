package io.tweetstream.connect.config;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * A task's configuration: the connector's keys, narrowed to the task's share by its stream's adapter,
 * and the task-only keys that the connector writes (defined internal, so they appear in no docs and
 * no validation). {@link #forTask} is the one place that writes them.
 */
public final class TwitterSourceTaskConfig extends TwitterSourceConfig {

    /** The task's number among the connector's tasks, from 0. */
    public static final String TASK_INDEX = "tweetstream.task.index";
    /** How many tasks the connector runs. */
    public static final String TASK_COUNT = "tweetstream.task.count";
    /** The connector's name, which the worker puts in the connector config. */
    public static final String CONNECTOR_NAME = "name";
    public static final String CONNECTOR_NAME_DEFAULT = "tweetstream";

    static final ConfigDef TASK_CONFIG_DEF = new ConfigDef(CONFIG_DEF)
            .defineInternal(TASK_INDEX, Type.INT, 0, Range.atLeast(0), Importance.LOW, "")
            .defineInternal(TASK_COUNT, Type.INT, 1, Range.atLeast(1), Importance.LOW, "")
            .defineInternal(CONNECTOR_NAME, Type.STRING, CONNECTOR_NAME_DEFAULT, Importance.LOW);

    public TwitterSourceTaskConfig(Map<String, String> props) {
        super(TASK_CONFIG_DEF, props);
    }

    /**
     * Task {@code index} of {@code count}: the connector's config with the task's share (keys the
     * adapter narrows, such as its phrases) laid over it, and the task-only keys.
     */
    public static Map<String, String> forTask(Map<String, String> connectorProps, Map<String, String> share,
            int index, int count) {
        Map<String, String> props = new HashMap<>(connectorProps);
        props.putAll(share);
        props.put(TASK_INDEX, Integer.toString(index));
        props.put(TASK_COUNT, Integer.toString(count));
        return props;
    }

    public int taskIndex() {
        return getInt(TASK_INDEX);
    }

    public int taskCount() {
        return getInt(TASK_COUNT);
    }

    public String connectorName() {
        return getString(CONNECTOR_NAME);
    }
}
