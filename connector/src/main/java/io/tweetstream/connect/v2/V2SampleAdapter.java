package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TaskBuffers;
import io.tweetstream.connect.cost.TaskCost;
import io.tweetstream.connect.source.TaskPlan;
import io.tweetstream.connect.source.TaskStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The X API v2 sample stream: one task, since every connection gets the same sample; no filter. */
public final class V2SampleAdapter extends V2StreamAdapter {

    @Override
    public TaskPlan plan(TwitterSourceConfig config, String connectorName, int maxTasks) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireBearerToken(config, problems);
        requireTier(config, problems);
        requireNoFilter(config, problems, "The sample stream");
        return TaskPlan.of(List.of(Map.of()), problems,
                maxTasks > 1 ? "every connection to the sample stream gets the same sample" : null);
    }

    @Override
    public List<TaskStream> open(TwitterSourceTaskConfig config, String threadName, TaskBuffers buffers,
            int queueCapacity, StreamStats stats) {
        EventBuffer buffer = buffers.add(queueCapacity);
        XApiClient client = ConnectorRules.client(config);
        TaskCost cost = cost(config, client);
        return List.of(new TaskStream(XApiStream.sample(client, settings(config, threadName), buffer, stats, cost),
                "api=v2 stream=sample", buffer, cost));
    }
}
