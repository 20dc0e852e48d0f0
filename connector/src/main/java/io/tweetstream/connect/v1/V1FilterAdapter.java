package io.tweetstream.connect.v1;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TaskBuffers;
import io.tweetstream.connect.match.KeywordSplitter;
import io.tweetstream.connect.source.StreamAdapter;
import io.tweetstream.connect.source.TaskPlan;
import io.tweetstream.connect.source.TaskStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twitter's v1.1 {@code statuses/filter} stream, through Twitter4j.
 *
 * <p>The track phrases are split into {@code min(tasks.max, phrases)} balanced groups (see
 * {@link KeywordSplitter}), one task and one Twitter connection per group. Followed users and
 * locations go to the first task only, since Twitter ORs them with the phrases and every task
 * streaming them would write their tweets several times. Languages restrict every task. Task
 * {@code i} connects with credential set {@code i}: Twitter allows one standing connection per account.
 */
public final class V1FilterAdapter implements StreamAdapter {

    @Override
    public TaskPlan plan(TwitterSourceConfig config, String connectorName, int maxTasks) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> phrases = config.trackKeywords();
        String missingFilter = config.missingFilterProblem();
        if (missingFilter != null) {
            problems.put(TwitterSourceConfig.TRACK_KEYWORDS, missingFilter);
        }
        int neededTasks = KeywordSplitter.minimumGroups(phrases.size());
        if (neededTasks > maxTasks) {
            problems.put(TwitterSourceConfig.TRACK_KEYWORDS, phrases.size() + " track phrases need at least "
                    + neededTasks + " tasks, as Twitter allows " + KeywordSplitter.MAX_PHRASES_PER_GROUP
                    + " per connection: raise tasks.max to " + neededTasks + " (with as many access tokens)"
                    + " or track fewer phrases");
        }
        CredentialSets credentials = CredentialSets.of(config);
        problems.putAll(credentials.problems());
        List<List<String>> groups = KeywordSplitter.split(phrases, Math.max(1, maxTasks));
        if (credentials.size() < groups.size() && !problems.containsKey(TwitterSourceConfig.ACCESS_TOKEN)) {
            problems.put(TwitterSourceConfig.ACCESS_TOKEN, "The track phrases are split across "
                    + groups.size() + " tasks, and each task needs its own access token because Twitter allows"
                    + " one standing connection per account, but " + credentials.size() + " access token(s)"
                    + " were given: add access tokens (with their secrets) or lower tasks.max to "
                    + credentials.size());
        }
        if (!problems.isEmpty()) {
            return TaskPlan.of(List.of(), problems, null);
        }
        return TaskPlan.of(shares(groups, credentials), problems,
                groups.size() < maxTasks ? "there are only " + phrases.size() + " track phrases to split" : null);
    }

    /** Each task's phrases and single credential set; followed users and locations for the first task only. */
    private static List<Map<String, String>> shares(List<List<String>> groups, CredentialSets credentials) {
        List<Map<String, String>> shares = new ArrayList<>(groups.size());
        for (int task = 0; task < groups.size(); task++) {
            Map<String, String> share = new HashMap<>();
            share.put(TwitterSourceConfig.TRACK_KEYWORDS, String.join(",", groups.get(task)));
            if (task > 0) {
                share.put(TwitterSourceConfig.FOLLOW_USER_IDS, "");
                share.put(TwitterSourceConfig.LOCATIONS, "");
            }
            OAuthCredentials set = credentials.get(task);
            share.put(TwitterSourceConfig.CONSUMER_KEY, set.consumerKey());
            share.put(TwitterSourceConfig.CONSUMER_SECRET, set.consumerSecret());
            share.put(TwitterSourceConfig.ACCESS_TOKEN, set.accessToken());
            share.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, set.accessTokenSecret());
            shares.add(share);
        }
        return shares;
    }

    @Override
    public List<TaskStream> open(TwitterSourceTaskConfig config, String threadName, TaskBuffers buffers,
            int queueCapacity, StreamStats stats) {
        EventBuffer buffer = buffers.add(queueCapacity);
        StreamFilter filter = new StreamFilter(config.trackKeywords(), config.followUserIds(),
                config.locations(), config.languages());
        StreamSettings settings = new StreamSettings(config.streamBaseUrl(), CredentialSets.of(config).get(0),
                threadName, config.streamReadTimeoutMs(), config.connectTimeoutMs(), config.includeRawJson());
        return List.of(new TaskStream(new Twitter4jFilterStream(settings, filter, buffer, stats), filter.describe(),
                buffer));
    }
}
