package io.tweetstream.connect;

import io.tweetstream.connect.config.CredentialSets;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.match.KeywordSplitter;
import io.tweetstream.connect.stream.OAuthCredentials;
import io.tweetstream.connect.xapi.RulePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a connector config is spread over tasks, and why it cannot be when it cannot.
 *
 * <p><b>v1.1:</b> the track phrases are split into {@code min(tasks.max, phrases)} balanced groups
 * (see {@link KeywordSplitter}), one task and one Twitter connection per group. Followed users and
 * locations go to the first task only, since Twitter ORs them with the phrases and every task
 * streaming them would write their tweets several times. Languages restrict every task. Task
 * {@code i} connects with credential set {@code i}: Twitter allows one standing connection per account.
 *
 * <p><b>v2 filtered stream:</b> rules belong to the app, and every connection receives every tweet
 * that matches any rule. Each task holds one connection, so there are at most
 * {@code twitter.v2.max.connections} tasks; the phrases are split into as many groups as there are
 * tasks, and each phrase's rule is tagged with its task (see {@link RulePlan}). Every task reads the
 * whole stream and writes the tweets whose lowest matching task is its own, so each tweet is written
 * once. More tasks do not make X send less per connection; they share the conversion and the
 * producing. <b>v2 sample stream:</b> one task, since every connection gets the same sample.
 */
final class TaskPlan {

    /** Task config keys the connector adds for v2 tasks; not user settings. */
    static final String TASK_INDEX = "tweetstream.task.index";
    static final String TASK_COUNT = "tweetstream.task.count";

    private final List<List<String>> keywordGroups;
    /** v1.1 only: each task's OAuth set; null on v2, which connects with the one bearer token. */
    private final CredentialSets credentials;
    private final RulePlan rules;
    private final Map<String, String> problems;

    private TaskPlan(List<List<String>> keywordGroups, CredentialSets credentials, RulePlan rules,
            Map<String, String> problems) {
        this.keywordGroups = keywordGroups;
        this.credentials = credentials;
        this.rules = rules;
        this.problems = problems;
    }

    static TaskPlan of(TwitterSourceConfig config, String connectorName, int maxTasks) {
        if (!config.usesV2()) {
            return v1(config, maxTasks);
        }
        return config.usesV2SampleStream() ? v2Sample(config) : v2Filtered(config, connectorName, maxTasks);
    }

    private static TaskPlan v1(TwitterSourceConfig config, int maxTasks) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> phrases = config.trackKeywords();
        requireFilter(config, problems);
        int neededTasks = KeywordSplitter.minimumGroups(phrases.size());
        if (neededTasks > maxTasks) {
            problems.put(TwitterSourceConfig.TRACK_KEYWORDS, phrases.size() + " track phrases need at least "
                    + neededTasks + " tasks, as Twitter allows " + KeywordSplitter.MAX_PHRASES_PER_GROUP
                    + " per connection: raise tasks.max to " + neededTasks + " (with as many access tokens)"
                    + " or track fewer phrases");
        }
        CredentialSets credentials = config.credentialSets();
        problems.putAll(credentials.problems());
        List<List<String>> groups = KeywordSplitter.split(phrases, Math.max(1, maxTasks));
        if (credentials.size() < groups.size() && !problems.containsKey(TwitterSourceConfig.ACCESS_TOKEN)) {
            problems.put(TwitterSourceConfig.ACCESS_TOKEN, "The track phrases are split across "
                    + groups.size() + " tasks, and each task needs its own access token because Twitter allows"
                    + " one standing connection per account, but " + credentials.size() + " access token(s)"
                    + " were given: add access tokens (with their secrets) or lower tasks.max to "
                    + credentials.size());
        }
        return new TaskPlan(groups, credentials, null, problems);
    }

    private static TaskPlan v2Filtered(TwitterSourceConfig config, String connectorName, int maxTasks) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireBearerToken(config, problems);
        requireFilter(config, problems);
        int tasks = Math.max(1, Math.min(maxTasks, config.v2MaxConnections()));
        List<List<String>> groups = KeywordSplitter.split(config.trackKeywords(), tasks);
        RulePlan rules = RulePlan.of(connectorName, groups, config.followUserIds(), config.locations(),
                config.languages(), config.v2MaxRules(), config.v2MaxRuleLength());
        rules.problems().forEach(problems::putIfAbsent);
        return new TaskPlan(groups, null, rules, problems);
    }

    private static TaskPlan v2Sample(TwitterSourceConfig config) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireBearerToken(config, problems);
        if (!config.trackKeywords().isEmpty() || !config.followUserIds().isEmpty() || !config.locations().isEmpty()
                || !config.languages().isEmpty()) {
            problems.put(TwitterSourceConfig.TRACK_KEYWORDS, "The sample stream takes no filter: remove "
                    + TwitterSourceConfig.TRACK_KEYWORDS + ", " + TwitterSourceConfig.FOLLOW_USER_IDS + ", "
                    + TwitterSourceConfig.LOCATIONS + " and " + TwitterSourceConfig.LANGUAGES + ", or set "
                    + TwitterSourceConfig.V2_STREAM + " to '" + TwitterSourceConfig.V2_STREAM_FILTERED + "'");
        }
        return new TaskPlan(List.of(List.of()), null, null, problems);
    }

    private static void requireFilter(TwitterSourceConfig config, Map<String, String> problems) {
        if (config.trackKeywords().isEmpty() && config.followUserIds().isEmpty() && config.locations().isEmpty()) {
            problems.put(TwitterSourceConfig.TRACK_KEYWORDS, "Give track keywords, follow user ids or"
                    + " locations: the filtered stream needs at least one of " + TwitterSourceConfig.TRACK_KEYWORDS
                    + ", " + TwitterSourceConfig.FOLLOW_USER_IDS + " and " + TwitterSourceConfig.LOCATIONS);
        }
    }

    private static void requireBearerToken(TwitterSourceConfig config, Map<String, String> problems) {
        if (config.v2BearerToken() == null) {
            String problem = "Required when " + TwitterSourceConfig.API + " is '" + TwitterSourceConfig.API_V2
                    + "': the app's bearer token";
            if (!config.setsApi() && config.hasOAuthCredentials()) {
                // Most likely a v1.1 config from before v2 became the default.
                problem += ". " + TwitterSourceConfig.API + " now defaults to '" + TwitterSourceConfig.API_V2
                        + "', and this config does not set it but gives OAuth 1.0a credentials, as a v1.1 config"
                        + " does: set " + TwitterSourceConfig.API + "=" + TwitterSourceConfig.API_V1
                        + " to keep reading the v1.1 stream, or give a bearer token to read v2";
            }
            problems.put(TwitterSourceConfig.V2_BEARER_TOKEN, problem);
        }
    }

    /** Problems by config key; the messages say what to change and never hold a secret. */
    Map<String, String> problems() {
        return problems;
    }

    String describeProblems() {
        StringBuilder description = new StringBuilder("Invalid Twitter source configuration:");
        problems.forEach((key, problem) -> description.append(' ').append(key).append(": ").append(problem).append('.'));
        return description.toString();
    }

    /** The v2 filtered-stream rules, or null for the other streams. */
    RulePlan rules() {
        return rules;
    }

    /**
     * The connector config narrowed to each task's share. v1.1: its phrases, its single credential
     * set, and the followed users and locations for the first task only. v2: its number and the
     * number of tasks, which is all a task needs to find its share in the rule tags.
     */
    List<Map<String, String>> taskConfigs(Map<String, String> connectorProps) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(describeProblems());
        }
        List<Map<String, String>> configs = new ArrayList<>(keywordGroups.size());
        for (int task = 0; task < keywordGroups.size(); task++) {
            Map<String, String> props = new HashMap<>(connectorProps);
            boolean xApi = credentials == null;
            if (xApi) {
                props.put(TASK_INDEX, Integer.toString(task));
                props.put(TASK_COUNT, Integer.toString(keywordGroups.size()));
                configs.add(props);
                continue;
            }
            props.put(TwitterSourceConfig.TRACK_KEYWORDS, String.join(",", keywordGroups.get(task)));
            if (task > 0) {
                props.put(TwitterSourceConfig.FOLLOW_USER_IDS, "");
                props.put(TwitterSourceConfig.LOCATIONS, "");
            }
            OAuthCredentials set = credentials.get(task);
            props.put(TwitterSourceConfig.CONSUMER_KEY, set.consumerKey());
            props.put(TwitterSourceConfig.CONSUMER_SECRET, set.consumerSecret());
            props.put(TwitterSourceConfig.ACCESS_TOKEN, set.accessToken());
            props.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, set.accessTokenSecret());
            configs.add(props);
        }
        return configs;
    }
}
