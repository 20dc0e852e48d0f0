package io.tweetstream.connect;

import io.tweetstream.connect.config.CredentialSets;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.match.KeywordSplitter;
import io.tweetstream.connect.stream.OAuthCredentials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a connector config is spread over tasks, and why it cannot be when it cannot.
 *
 * <p>The track phrases are split into {@code min(tasks.max, phrases)} balanced groups (see
 * {@link KeywordSplitter}), one task and one Twitter connection per group. Followed users and
 * locations go to the first task only, since Twitter ORs them with the phrases and every task
 * streaming them would write their tweets several times. Languages restrict every task. Task
 * {@code i} connects with credential set {@code i}: Twitter allows one standing connection per account.
 */
final class TaskPlan {

    private final List<List<String>> keywordGroups;
    private final CredentialSets credentials;
    private final Map<String, String> problems;

    private TaskPlan(List<List<String>> keywordGroups, CredentialSets credentials, Map<String, String> problems) {
        this.keywordGroups = keywordGroups;
        this.credentials = credentials;
        this.problems = problems;
    }

    static TaskPlan of(TwitterSourceConfig config, int maxTasks) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> phrases = config.trackKeywords();
        if (phrases.isEmpty() && config.followUserIds().isEmpty() && config.locations().isEmpty()) {
            problems.put(TwitterSourceConfig.TRACK_KEYWORDS, "Give track keywords, follow user ids or"
                    + " locations: Twitter needs at least one of " + TwitterSourceConfig.TRACK_KEYWORDS + ", "
                    + TwitterSourceConfig.FOLLOW_USER_IDS + " and " + TwitterSourceConfig.LOCATIONS);
        }
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
        return new TaskPlan(groups, credentials, problems);
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

    /**
     * The connector config narrowed to each task's share: its phrases, its single credential set, and
     * the followed users and locations for the first task only.
     */
    List<Map<String, String>> taskConfigs(Map<String, String> connectorProps) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(describeProblems());
        }
        List<Map<String, String>> configs = new ArrayList<>(keywordGroups.size());
        for (int task = 0; task < keywordGroups.size(); task++) {
            Map<String, String> props = new HashMap<>(connectorProps);
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
