package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.cost.PostBudget;
import io.tweetstream.connect.cost.TaskCost;
import io.tweetstream.connect.source.StreamAdapter;
import io.tweetstream.connect.source.TaskPlan;
import java.util.Map;

/** What the X API v2 streams share: the bearer token, and the client and settings built from the config. */
abstract class V2StreamAdapter implements StreamAdapter {

    /**
     * Whether the bearer token works, by listing the app's rules, which any app may; the filtered stream
     * also checks its rules.
     */
    @Override
    public Map<String, String> check(TwitterSourceConfig config, String connectorName, TaskPlan plan) {
        return ConnectorRules.check(config, connectorName, null);
    }

    static void requireBearerToken(TwitterSourceConfig config, Map<String, String> problems) {
        if (config.v2BearerToken() != null) {
            return;
        }
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

    /** What the config asks of X that the app's tier lacks (backfill, Recovery, the sample stream on pay-per-use). */
    static void requireTier(TwitterSourceConfig config, Map<String, String> problems) {
        config.tierProblems().forEach(problems::putIfAbsent);
    }

    /** A stream that takes no filter (the samples, the firehose): filter keys are a mistake, said on the keywords key. */
    static void requireNoFilter(TwitterSourceConfig config, Map<String, String> problems, String stream) {
        if (!config.trackKeywords().isEmpty() || !config.followUserIds().isEmpty() || !config.locations().isEmpty()
                || !config.languages().isEmpty()) {
            problems.put(TwitterSourceConfig.TRACK_KEYWORDS, stream + " takes no filter: remove "
                    + TwitterSourceConfig.TRACK_KEYWORDS + ", " + TwitterSourceConfig.FOLLOW_USER_IDS + ", "
                    + TwitterSourceConfig.LOCATIONS + " and " + TwitterSourceConfig.LANGUAGES + ", or set "
                    + TwitterSourceConfig.V2_STREAM + " to '" + TwitterSourceConfig.V2_STREAM_FILTERED + "'");
        }
    }

    static XApiStream.Settings settings(TwitterSourceConfig config, String threadName) {
        return new XApiStream.Settings(threadName, config.connectTimeoutMs(), config.streamReadTimeoutMs(),
                config.v2NetworkBackoffMs(), config.v2HttpBackoffMs(), config.v2RateLimitBackoffMs(),
                config.v2BackfillMinutes(), config.includeRawJson(), config.v2GapRecovery(),
                config.v2ConnectsPer15Minutes(), config.usagePollIntervalMs());
    }

    /** The task's budgets, on the clock of the client that reads its stream (X's). */
    static TaskCost cost(TwitterSourceConfig config, XApiClient client) {
        return new TaskCost(new PostBudget(config.budgetLimits(), client.clock(), config.dedupeCacheSize()));
    }
}
