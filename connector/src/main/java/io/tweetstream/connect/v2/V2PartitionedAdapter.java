package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TaskBuffers;
import io.tweetstream.connect.cost.PostBudget;
import io.tweetstream.connect.cost.TaskCost;
import io.tweetstream.connect.source.TaskPlan;
import io.tweetstream.connect.source.TaskStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * X's partitioned Enterprise streams (the firehose, sample10, the compliance and likes streams; the likes compliance
 * stream, which X does not split, as one partition): the partitions are spread over the
 * tasks, and a task reads each of its partitions on a connection of its own, with offsets of its own
 * (the source partition names the partition), so that a partition moved to another task or worker
 * resumes where it stopped and its gap is refilled by backfill or Recovery. No filter: every tweet of
 * a partition is written.
 */
public final class V2PartitionedAdapter extends V2StreamAdapter {

    /** The fewest events a partition's buffer holds, however many partitions share the task's. */
    private static final int MIN_PARTITION_BUFFER = 100;

    private final PartitionedStream stream;

    public V2PartitionedAdapter(PartitionedStream stream) {
        this.stream = stream;
    }

    @Override
    public TaskPlan plan(TwitterSourceConfig config, String connectorName, int maxTasks) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireBearerToken(config, problems);
        requireTier(config, problems);
        requireNoFilter(config, problems, stream.title());
        if (stream.noticesOnly() && config.complianceTopic().isEmpty()) {
            problems.put(TwitterSourceConfig.COMPLIANCE_TOPIC, "Required when " + TwitterSourceConfig.V2_STREAM + " is '"
                    + stream.configValue() + "': " + stream.description() + "'s events name no record the connector"
                    + " writes, so each is written there as a compliance notice keyed by user id");
        } else if (stream.compliance() && !config.tombstonesOnDelete() && config.complianceTopic().isEmpty()) {
            problems.put(TwitterSourceConfig.TOMBSTONES_ON_DELETE, stream.title() + " would write nothing with "
                    + TwitterSourceConfig.TOMBSTONES_ON_DELETE + "=false and no " + TwitterSourceConfig.COMPLIANCE_TOPIC
                    + ": turn tombstones on, or set a compliance topic");
        }
        List<Integer> outOfRange = config.v2Partitions().stream().filter(p -> p > stream.partitions()).toList();
        if (!outOfRange.isEmpty()) {
            String range = stream.split() ? " has partitions 1 to " + stream.partitions()
                    : " is not split: its one partition is 1";
            problems.put(TwitterSourceConfig.V2_PARTITIONS, stream.description() + range + ", not "
                    + outOfRange.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        List<List<Integer>> assignment = assign(partitions(config), maxTasks);
        List<Map<String, String>> shares = assignment.stream()
                .map(owned -> Map.of(TwitterSourceConfig.V2_PARTITIONS,
                        owned.stream().map(String::valueOf).collect(Collectors.joining(","))))
                .toList();
        String fewer = assignment.size() >= maxTasks ? null : stream.split()
                ? "there are only " + assignment.size() + " partitions to read, and a partition is read by one task"
                : stream.description() + " is one connection, which one task reads";
        return TaskPlan.of(shares, problems, fewer);
    }

    /** The partitions to read: those configured, ascending; all of the stream's when none is. */
    private List<Integer> partitions(TwitterSourceConfig config) {
        List<Integer> configured = config.v2Partitions();
        if (configured.isEmpty()) {
            return IntStream.rangeClosed(1, stream.partitions()).boxed().toList();
        }
        return configured.stream().filter(p -> p <= stream.partitions()).sorted().toList();
    }

    /**
     * The partitions of each task: the i-th partition (ascending) to task i mod tasks, over
     * min(maxTasks, partitions) tasks, so that task loads differ by at most one connection and the
     * same config always gives the same assignment.
     */
    static List<List<Integer>> assign(List<Integer> partitions, int maxTasks) {
        int tasks = Math.max(1, Math.min(maxTasks, partitions.size()));
        List<List<Integer>> assignment = new ArrayList<>();
        for (int task = 0; task < tasks; task++) {
            assignment.add(new ArrayList<>());
        }
        for (int i = 0; i < partitions.size(); i++) {
            assignment.get(i % tasks).add(partitions.get(i));
        }
        return assignment.stream().map(List::copyOf).toList();
    }

    @Override
    public List<TaskStream> open(TwitterSourceTaskConfig config, String threadName, TaskBuffers buffers,
            int queueCapacity, StreamStats stats) {
        List<Integer> owned = config.v2Partitions();
        int perPartition = Math.max(MIN_PARTITION_BUFFER, queueCapacity / Math.max(1, owned.size()));
        // One client: its connection pool holds a connection per partition.
        XApiClient client = ConnectorRules.client(config);
        List<TaskStream> streams = new ArrayList<>();
        for (int partition : owned) {
            EventBuffer buffer = buffers.add(perPartition);
            // Enterprise streams are billed by contract: no pay-per-use budgets and no usage polling.
            XApiStream.Settings unbilled = settings(config, threadName + "-p" + partition).withoutUsagePolling();
            // Not billed per Post: a budget without limits, which remembers no ids.
            TaskCost unlimited = new TaskCost(new PostBudget(config.budgetLimits(), client.clock(), 0));
            XApiStream partitionStream = XApiStream.partition(client, unbilled, stream, partition, buffer, stats,
                    unlimited);
            streams.add(new TaskStream(partitionStream, sourcePartition(stream, partition), buffer));
        }
        return streams;
    }

    /** The source partition of one partition's records, which keys its offsets: stable across versions. */
    static String sourcePartition(PartitionedStream stream, int partition) {
        return "api=v2 stream=" + stream.configValue() + " partition=" + partition;
    }
}
