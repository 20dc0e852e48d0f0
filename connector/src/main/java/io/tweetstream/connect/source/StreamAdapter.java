package io.tweetstream.connect.source;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TaskBuffers;
import java.util.List;
import java.util.Map;

/**
 * What the connector and its tasks need from one kind of stream (see
 * {@link io.tweetstream.connect.config.StreamType}): how a config is spread over tasks, what the API
 * says of a config, what must be in place before the tasks start, and how a task opens its stream.
 * The connector and the task hold no branch on the stream; each adapter holds all of its own.
 *
 * <p>An adapter instance serves one connector (or one task) and may remember what it last did.
 */
public interface StreamAdapter {

    /**
     * Spreads the config over at most {@code maxTasks} tasks, or says by config key why it cannot;
     * changes nothing anywhere.
     */
    TaskPlan plan(TwitterSourceConfig config, String connectorName, int maxTasks);

    /**
     * Asks the API whether it would take a config whose plan has no problems, changing nothing (X's
     * dry run); problems by config key, empty when the API agrees or has nothing to ask.
     */
    default Map<String, String> check(TwitterSourceConfig config, String connectorName, TaskPlan plan) {
        return Map.of();
    }

    /** Puts in place, before the tasks start, what the plan's tasks need of the API (v2 rules). */
    default void prepare(TwitterSourceConfig config, String connectorName, TaskPlan plan) {}

    /**
     * A task's streams, not yet started: one, or on a partitioned stream one per partition the task
     * owns, each handing what arrives to a buffer of its own from {@code buffers}.
     *
     * @param threadName a name unique to this task, for its streams' threads
     * @param queueCapacity the events the task may buffer, to share among its streams
     */
    List<TaskStream> open(TwitterSourceTaskConfig config, String threadName, TaskBuffers buffers, int queueCapacity,
            StreamStats stats);
}
