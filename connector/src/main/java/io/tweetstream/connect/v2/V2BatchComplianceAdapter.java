package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TaskBuffers;
import io.tweetstream.connect.source.TaskPlan;
import io.tweetstream.connect.source.TaskStream;
import io.tweetstream.connect.v2.batch.BatchComplianceCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * X's batch compliance jobs over the tweets the topic holds ({@code twitter.v2.stream=batch-compliance}), for apps
 * without the compliance streams: one task, since X runs one job of a type at a time for an app. It reads no
 * stream and bills no Post; its records are the tombstones of the tweets X says were deleted.
 */
public final class V2BatchComplianceAdapter extends V2StreamAdapter {

    /** The source partition of its records, which keys its offset: stable across versions. */
    static final String SOURCE_PARTITION = "api=v2 stream=batch-compliance";

    @Override
    public TaskPlan plan(TwitterSourceConfig config, String connectorName, int maxTasks) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireBearerToken(config, problems);
        requireNoFilter(config, problems, "A batch compliance check");
        if (config.getList(TwitterSourceConfig.COMPLIANCE_JOB_BOOTSTRAP_SERVERS).isEmpty()) {
            problems.put(TwitterSourceConfig.COMPLIANCE_JOB_BOOTSTRAP_SERVERS, "Required when "
                    + TwitterSourceConfig.V2_STREAM + " is '" + TwitterSourceConfig.V2_STREAM_BATCH_COMPLIANCE
                    + "': the Kafka cluster of topic '" + config.getString(TwitterSourceConfig.TOPIC)
                    + "', whose tweets the jobs check");
        }
        if (!config.tombstonesOnDelete()) {
            problems.put(TwitterSourceConfig.TOMBSTONES_ON_DELETE, "A batch compliance check writes only tombstones:"
                    + " with " + TwitterSourceConfig.TOMBSTONES_ON_DELETE + "=false it would write nothing");
        }
        if (!config.complianceTopic().isEmpty()) {
            problems.put(TwitterSourceConfig.COMPLIANCE_TOPIC, "A batch compliance job's results name the Post only,"
                    + " not the user that compliance notices are keyed by: remove " + TwitterSourceConfig.COMPLIANCE_TOPIC);
        }
        return TaskPlan.of(List.of(Map.of()), problems,
                maxTasks > 1 ? "X runs one batch compliance job of Posts at a time for an app" : null);
    }

    @Override
    public List<TaskStream> open(TwitterSourceTaskConfig config, String threadName, TaskBuffers buffers,
            int queueCapacity, StreamStats stats) {
        EventBuffer buffer = buffers.add(queueCapacity);
        XApiClient client = ConnectorRules.client(config);
        String topic = config.getString(TwitterSourceConfig.TOPIC);
        BatchComplianceCheck.Settings settings = new BatchComplianceCheck.Settings(threadName,
                "tweetstream-" + config.connectorName(), topic, config.complianceJobInterval(),
                config.complianceJobLookback(), config.complianceJobPollInterval());
        BatchComplianceCheck.StoredIds ids = BatchComplianceCheck.StoredIds.topic(config.complianceJobConsumerConfig(),
                topic);
        return List.of(new TaskStream(new BatchComplianceCheck(settings, ids, client, buffer, stats), SOURCE_PARTITION,
                buffer));
    }
}
