package io.tweetstream.connect.source;

import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a connector config is spread over tasks, as a stream's adapter plans it, and why it cannot be
 * when it cannot: each task's share (the keys it narrows for that task), problems by config key, and,
 * when the stream runs fewer tasks than {@code tasks.max}, why.
 */
public final class TaskPlan {

    private final List<Map<String, String>> shares;
    private final Map<String, String> problems;
    private final String fewerTasksReason;

    private TaskPlan(List<Map<String, String>> shares, Map<String, String> problems, String fewerTasksReason) {
        this.shares = List.copyOf(shares);
        this.problems = Map.copyOf(problems);
        this.fewerTasksReason = fewerTasksReason;
    }

    /**
     * @param shares one map per task: the keys whose values differ from the connector config's
     * @param problems by config key; messages say what to change and never hold a secret
     * @param fewerTasksReason why there are fewer tasks than tasks.max allows, or null
     */
    public static TaskPlan of(List<Map<String, String>> shares, Map<String, String> problems, String fewerTasksReason) {
        return new TaskPlan(shares, problems, fewerTasksReason);
    }

    /** The same plan with earlier-found problems (such as keys of another stream) put first. */
    public TaskPlan withProblems(Map<String, String> earlier) {
        Map<String, String> all = new LinkedHashMap<>(earlier);
        problems.forEach(all::putIfAbsent);
        return new TaskPlan(shares, all, fewerTasksReason);
    }

    /** Problems by config key; the messages say what to change and never hold a secret. */
    public Map<String, String> problems() {
        return problems;
    }

    public String describeProblems() {
        StringBuilder description = new StringBuilder("Invalid Twitter source configuration:");
        problems.forEach((key, problem) -> description.append(' ').append(key).append(": ").append(problem).append('.'));
        return description.toString();
    }

    public int taskCount() {
        return shares.size();
    }

    /** Why the stream runs fewer tasks than tasks.max, or null. */
    public String fewerTasksReason() {
        return fewerTasksReason;
    }

    /** Each task's config: the connector's, with the task's share and the task-only keys. */
    public List<Map<String, String>> taskConfigs(Map<String, String> connectorProps) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(describeProblems());
        }
        List<Map<String, String>> configs = new ArrayList<>(shares.size());
        for (int task = 0; task < shares.size(); task++) {
            configs.add(TwitterSourceTaskConfig.forTask(connectorProps, shares.get(task), task, shares.size()));
        }
        return configs;
    }
}
