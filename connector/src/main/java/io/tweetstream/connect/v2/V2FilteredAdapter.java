package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TaskBuffers;
import io.tweetstream.connect.cost.TaskCost;
import io.tweetstream.connect.match.KeywordSplitter;
import io.tweetstream.connect.source.TaskPlan;
import io.tweetstream.connect.source.TaskStream;
import io.tweetstream.connect.core.TweetStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X API v2 filtered stream. Rules belong to the app, and every connection receives every tweet
 * that matches any rule. Each task holds one connection, so there are at most
 * {@code twitter.v2.max.connections} tasks; the phrases are split into as many groups as there are
 * tasks, and each phrase's rule is tagged with its task (see {@link RulePlan}). Every task reads the
 * whole stream and writes the tweets whose lowest matching task is its own (see {@link TaskShare}),
 * so each tweet is written once. More tasks do not make X send less per connection; they share the
 * conversion and the producing. With {@code twitter.v2.redundant.connection} each task reads the stream
 * on two connections, which X sends the same tweets (see {@link RedundantConnections}).
 */
public final class V2FilteredAdapter extends V2StreamAdapter {

    private static final Logger log = LoggerFactory.getLogger(V2FilteredAdapter.class);

    /** The rules this connector instance last put in place; a start always checks them with X. */
    private List<StreamRule> syncedRules;

    @Override
    public TaskPlan plan(TwitterSourceConfig config, String connectorName, int maxTasks) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireBearerToken(config, problems);
        requireTier(config, problems);
        String missingFilter = config.missingFilterProblem();
        if (missingFilter != null) {
            problems.put(TwitterSourceConfig.TRACK_KEYWORDS, missingFilter);
        }
        int perTask = config.v2ConnectionsPerTask();
        if (perTask > config.v2MaxConnections()) {
            problems.putIfAbsent(TwitterSourceConfig.V2_REDUNDANT_CONNECTION, "A task with a redundant connection holds"
                    + " two filtered-stream connections, and " + TwitterSourceConfig.V2_MAX_CONNECTIONS + " is "
                    + config.v2MaxConnections() + ": raise it to 2 if the app's tier allows it (Enterprise does), or set "
                    + TwitterSourceConfig.V2_REDUNDANT_CONNECTION + "=false");
        }
        int tasks = Math.max(1, Math.min(maxTasks, config.v2MaxConnections() / perTask));
        rules(config, connectorName, tasks).problems().forEach(problems::putIfAbsent);
        String fewer = tasks < maxTasks ? "each task holds " + (perTask == 1 ? "a filtered-stream connection"
                : "two filtered-stream connections (" + TwitterSourceConfig.V2_REDUNDANT_CONNECTION + ")")
                + ", and the X API tier allows " + config.v2MaxConnections() + " ("
                + TwitterSourceConfig.V2_MAX_CONNECTIONS + ")" : null;
        return TaskPlan.of(Collections.nCopies(tasks, Map.of()), problems, fewer);
    }

    private static RulePlan rules(TwitterSourceConfig config, String connectorName, int tasks) {
        List<List<String>> groups = KeywordSplitter.split(config.trackKeywords(), tasks);
        return RulePlan.of(connectorName, groups, config.followUserIds(), config.locations(),
                config.languages(), config.v2MaxRules(), config.v2MaxRuleLength());
    }

    /**
     * Whether the bearer token works and X would take the rules: a dry run, which changes nothing. When
     * X would, what the rules cost: an estimate from X's counts of the last 7 days, logged (see
     * {@link CostEstimate}).
     */
    @Override
    public Map<String, String> check(TwitterSourceConfig config, String connectorName, TaskPlan plan) {
        RulePlan rules = rules(config, connectorName, plan.taskCount());
        Map<String, String> problems = ConnectorRules.check(config, connectorName, rules);
        if (problems.isEmpty() && config.estimateRulesMax() > 0) {
            try {
                CostEstimate.ask(ConnectorRules.client(config), rules.rules().stream().map(StreamRule::value).toList(),
                        config.estimateRulesMax()).ifPresent(found ->
                        found.log("the rules of connector '" + connectorName + "'", config.budgetLimits()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return problems;
    }

    /** Puts the plan's rules in place unless they are what this instance last put there. */
    @Override
    public void prepare(TwitterSourceConfig config, String connectorName, TaskPlan plan) {
        RulePlan rules = rules(config, connectorName, plan.taskCount());
        if (rules.rules().equals(syncedRules)) {
            return;
        }
        RuleSync.Result synced = ConnectorRules.sync(config, connectorName, rules);
        syncedRules = rules.rules();
        log.info("{} filtered-stream rules in place ({} added, {} deleted)",
                synced.kept() + synced.added(), synced.added(), synced.deleted());
    }

    @Override
    public List<TaskStream> open(TwitterSourceTaskConfig config, String threadName, TaskBuffers buffers,
            int queueCapacity, StreamStats stats) {
        EventBuffer buffer = buffers.add(queueCapacity);
        String connector = config.connectorName();
        int task = config.taskIndex();
        int taskCount = config.taskCount();
        XApiClient client = ConnectorRules.client(config);
        TaskCost cost = cost(config, client);
        List<String> ownRules = rules(config, connector, taskCount).rules().stream()
                .filter(rule -> RuleTag.parse(rule.tag()).map(tag -> tag.task() == task).orElse(false))
                .map(StreamRule::value).toList();
        int perTask = config.v2ConnectionsPerTask();
        RedundantConnections group = RedundantConnections.of(perTask);
        List<XApiStream> streams = new ArrayList<>();
        streams.add(XApiStream.filtered(client, settings(config, threadName), connector, task, taskCount,
                buffer, stats, cost, ownRules, config.estimateRulesMax(), group.member(0)));
        for (int slot = 1; slot < perTask; slot++) {
            // A client of its own, so a connection of its own: two streams of one HTTP/2 client would share
            // one TCP connection, and fail together. Into the same buffer, stats and budgets: the task
            // writes each tweet once, and a Post both connections bring is billed once. The first stream
            // alone polls usage and estimates the rules' cost.
            streams.add(XApiStream.filtered(ConnectorRules.client(config),
                    settings(config, threadName + "-redundant-" + slot).withoutUsagePolling(), connector, task,
                    taskCount, buffer, stats, cost, ownRules, 0, group.member(slot)));
        }
        TweetStream stream = streams.size() == 1 ? streams.get(0) : new RedundantStream(streams);
        // The source partition stays that of a task's single connection: offsets carry over either way.
        return List.of(new TaskStream(stream,
                "api=v2 stream=filtered connector=" + connector + " task=" + task + "/" + taskCount, buffer, cost));
    }
}
