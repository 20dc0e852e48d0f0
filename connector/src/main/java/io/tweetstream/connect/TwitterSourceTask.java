package io.tweetstream.connect;

import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.RecentTweetIds;
import io.tweetstream.connect.core.ResumePoint;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamFailure;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TaskBuffers;
import io.tweetstream.connect.core.TweetStream;
import io.tweetstream.connect.cost.PostSpend;
import io.tweetstream.connect.cost.TaskCost;
import io.tweetstream.connect.metrics.TaskMetrics;
import io.tweetstream.connect.record.StreamRecords;
import io.tweetstream.connect.record.TweetRecords;
import io.tweetstream.connect.source.TaskStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one task's share of the connector's stream, opened by the stream's adapter, and hands the
 * tweets to the worker: {@link #poll()} drains the stream's bounded buffer in batches, converting
 * each tweet to a record keyed by its id, and each delete notice to a tombstone.
 */
public class TwitterSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(TwitterSourceTask.class);
    private static final long PROGRESS_LOG_INTERVAL_MS = 60_000;
    /** The fewest tweet ids each of a task's streams remembers, however many streams share the cache. */
    private static final int MIN_DEDUPE_PER_STREAM = 10_000;

    private TwitterSourceTaskConfig config;
    private StreamStats stats;
    private TaskBuffers buffers;
    /** The task's streams: one, or on a partitioned stream one per partition it owns; in its buffers' order. */
    private volatile List<Lane> lanes = List.of();
    private TaskMetrics metrics;
    private long nextProgressLogMillis;

    /** One of the task's streams with what turns its events into records, under its own source partition. */
    private record Lane(TweetStream stream, StreamRecords records) {}

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new TwitterSourceTaskConfig(props);
        stats = new StreamStats();
        buffers = new TaskBuffers(stats);
        List<TaskStream> opened = StreamAdapters.forType(config.streamType())
                .open(config, threadName(), buffers, config.queueCapacity(), stats);
        List<Lane> started = new ArrayList<>();
        // The streams of a task share its dedupe cache's size, as they share its buffer's.
        int dedupePerStream = opened.size() == 1 ? config.dedupeCacheSize()
                : Math.min(config.dedupeCacheSize(), Math.max(MIN_DEDUPE_PER_STREAM, config.dedupeCacheSize() / opened.size()));
        for (TaskStream stream : opened) {
            TweetRecords tweetRecords = new TweetRecords(config.topic(), stream.sourcePartition());
            TaskCost cost = stream.cost();
            StreamRecords records = new StreamRecords(tweetRecords, new RecentTweetIds(dedupePerStream),
                    config.tombstonesOnDelete(), config.complianceTopic(), stats,
                    cost == null ? null : cost.budget()::spend);
            restoreOffset(tweetRecords, records, stream.stream(), cost);
            started.add(new Lane(stream.stream(), records));
        }
        lanes = List.copyOf(started);
        metrics = TaskMetrics.register(context::pluginMetrics, stats, buffers, opened.get(0).cost());
        lanes.forEach(lane -> lane.stream().start());
        nextProgressLogMillis = System.currentTimeMillis() + PROGRESS_LOG_INTERVAL_MS;
    }

    /** Continues from where the previous run of this stream stopped writing, if it wrote anything. */
    private void restoreOffset(TweetRecords tweetRecords, StreamRecords records, TweetStream opened, TaskCost cost) {
        Map<String, Object> offset = context.offsetStorageReader().offset(tweetRecords.sourcePartition());
        if (offset == null) {
            log.info("No earlier run of this stream ({}) wrote a tweet: starting from now", tweetRecords.sourcePartition());
            return;
        }
        if (cost != null) {
            PostSpend.fromOffset(offset).ifPresent(cost.budget()::restore);
        }
        records.resumeAfter(offset);
        Optional<ResumePoint> point = ResumePoint.fromOffset(offset);
        if (point.isEmpty()) {
            log.warn("The stored offset {} of {} names no tweet and time: the gap since the previous run cannot be"
                    + " measured, so it is not refilled", offset, tweetRecords.sourcePartition());
            return;
        }
        // The stream says what it resumes from: a tweet, an event's time, a compliance job.
        opened.resumeAfter(point.get());
    }

    /** A name that singles out this task's stream threads, e.g. "tweetstream-task-my-connector-1a2b3c4d". */
    private String threadName() {
        return "tweetstream-task-" + config.connectorName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        TaskBuffers.Drained drained;
        try {
            drained = buffers.drain(config.maxBatchSize(), config.pollTimeoutMs());
        } catch (StreamFailure failure) {
            throw new ConnectException(failure.getMessage());
        }
        logProgressIfDue();
        if (drained.events().isEmpty()) {
            return null;
        }
        List<SourceRecord> batch = lanes.get(drained.buffer()).records().toRecords(drained.events());
        metrics.recordWritten(batch.size());
        return batch.isEmpty() ? null : batch;
    }

    private void logProgressIfDue() {
        long now = System.currentTimeMillis();
        if (now >= nextProgressLogMillis) {
            nextProgressLogMillis = now + PROGRESS_LOG_INTERVAL_MS;
            log.info("Stream progress: {} buffered={}", stats, buffers.size());
        }
    }

    /** What the stream received so far; for tests and diagnostics. */
    StreamStats stats() {
        return stats;
    }

    /**
     * Closes the stream; safe to call from another thread while {@link #poll()} waits. Tweets still in
     * the buffer have not been handed to the worker and are lost with the live stream: they are
     * counted and logged.
     */
    @Override
    public void stop() {
        List<Lane> stopping = lanes;
        lanes = List.of();
        if (!stopping.isEmpty()) {
            stopping.forEach(lane -> lane.stream().close());
            metrics.close();
            log.info("Stopped streaming: {}", stats);
        }
    }
}
