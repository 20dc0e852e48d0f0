package io.tweetstream.connect;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.metrics.TaskMetrics;
import io.tweetstream.connect.record.TweetRecords;
import io.tweetstream.connect.stream.EventBuffer;
import io.tweetstream.connect.stream.RecentTweetIds;
import io.tweetstream.connect.stream.StreamEvent;
import io.tweetstream.connect.stream.StreamEvent.TweetDeleted;
import io.tweetstream.connect.stream.StreamEvent.TweetReceived;
import io.tweetstream.connect.stream.StreamFailure;
import io.tweetstream.connect.stream.StreamFilter;
import io.tweetstream.connect.stream.StreamSettings;
import io.tweetstream.connect.stream.StreamStats;
import io.tweetstream.connect.stream.TweetStream;
import io.tweetstream.connect.stream.Twitter4jFilterStream;
import io.tweetstream.connect.xapi.ConnectorRules;
import io.tweetstream.connect.xapi.XApiClient;
import io.tweetstream.connect.xapi.XApiStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one share of the connector's filter (see {@link TaskPlan}), from Twitter's v1.1 stream or
 * the X API v2 stream, and hands the tweets to the worker: {@link #poll()} drains the stream's bounded buffer in batches, converting each tweet to a
 * record keyed by its id, and each delete notice to a tombstone.
 */
public class TwitterSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(TwitterSourceTask.class);
    private static final long PROGRESS_LOG_INTERVAL_MS = 60_000;

    private TwitterSourceConfig config;
    private TweetRecords records;
    private StreamStats stats;
    private EventBuffer buffer;
    private RecentTweetIds recentIds;
    private TaskMetrics metrics;
    private volatile TweetStream stream;
    private Map<String, ?> lastOffset = Map.of();
    private long tombstones;
    private long nextProgressLogMillis;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new TwitterSourceConfig(props);
        stats = new StreamStats();
        buffer = new EventBuffer(config.queueCapacity(), stats);
        recentIds = new RecentTweetIds(config.dedupeCacheSize());
        stream = config.usesV2() ? xApiStream(props) : twitter4jStream(props);
        metrics = TaskMetrics.register(context::pluginMetrics, stats, buffer);
        restoreOffset();
        stream.start();
        nextProgressLogMillis = System.currentTimeMillis() + PROGRESS_LOG_INTERVAL_MS;
    }

    private TweetStream twitter4jStream(Map<String, String> props) {
        StreamFilter filter = new StreamFilter(config.trackKeywords(), config.followUserIds(),
                config.locations(), config.languages());
        records = new TweetRecords(config.topic(), filter.describe());
        StreamSettings settings = new StreamSettings(config.streamBaseUrl(), config.credentialSets().get(0),
                threadName(props), config.streamReadTimeoutMs(), config.connectTimeoutMs(),
                config.includeRawJson());
        return new Twitter4jFilterStream(settings, filter, buffer, stats);
    }

    private TweetStream xApiStream(Map<String, String> props) {
        XApiClient client = ConnectorRules.client(config);
        XApiStream.Settings settings = new XApiStream.Settings(threadName(props), config.connectTimeoutMs(),
                config.streamReadTimeoutMs(), config.v2NetworkBackoffMs(), config.v2HttpBackoffMs(),
                config.v2RateLimitBackoffMs(), config.v2BackfillMinutes(), config.includeRawJson());
        if (config.usesV2SampleStream()) {
            records = new TweetRecords(config.topic(), "api=v2 stream=sample");
            return XApiStream.sample(client, settings, buffer, stats);
        }
        String connector = props.getOrDefault("name", "tweetstream");
        int task = Integer.parseInt(props.getOrDefault(TaskPlan.TASK_INDEX, "0"));
        int taskCount = Integer.parseInt(props.getOrDefault(TaskPlan.TASK_COUNT, "1"));
        records = new TweetRecords(config.topic(),
                "api=v2 stream=filtered connector=" + connector + " task=" + task + "/" + taskCount);
        return XApiStream.filtered(client, settings, connector, task, taskCount, buffer, stats);
    }

    private void restoreOffset() {
        Map<String, Object> offset = context.offsetStorageReader().offset(records.sourcePartition());
        if (offset == null) {
            return;
        }
        lastOffset = Map.copyOf(offset);
        Object createdAt = offset.get(TweetRecords.OFFSET_CREATED_AT);
        log.info("The previous run of this stream last wrote tweet {} (created {}). A live stream cannot"
                + " replay the tweets sent while the task was down.", offset.get(TweetRecords.OFFSET_TWEET_ID),
                createdAt instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : "at an unknown time");
    }

    /** A name that singles out this task's stream threads, e.g. "tweetstream-task-my-connector-1a2b3c4d". */
    private static String threadName(Map<String, String> props) {
        String connector = props.getOrDefault("name", "connector");
        return "tweetstream-task-" + connector + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<StreamEvent> events;
        try {
            events = buffer.drain(config.maxBatchSize(), config.pollTimeoutMs());
        } catch (StreamFailure failure) {
            throw new ConnectException(failure.getMessage());
        }
        logProgressIfDue();
        if (events.isEmpty()) {
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>(events.size());
        for (StreamEvent event : events) {
            if (event instanceof TweetReceived received) {
                if (!recentIds.firstTime(received.tweet().id())) {
                    stats.duplicate();
                    continue;
                }
                batch.add(records.tweet(received.tweet(), received.matchedKeywords()));
                lastOffset = TweetRecords.offsetOf(received.tweet());
            } else if (event instanceof TweetDeleted deleted) {
                if (config.tombstonesOnDelete()) {
                    batch.add(records.tombstone(deleted.tweetId(), lastOffset, deleted.receivedAtMillis()));
                    tombstones++;
                } else {
                    log.debug("Tweet {} was deleted; tombstones are off", deleted.tweetId());
                }
            }
        }
        metrics.recordWritten(batch.size());
        return batch.isEmpty() ? null : batch;
    }

    private void logProgressIfDue() {
        long now = System.currentTimeMillis();
        if (now >= nextProgressLogMillis) {
            nextProgressLogMillis = now + PROGRESS_LOG_INTERVAL_MS;
            log.info("Stream progress: {} tombstones={} buffered={}", stats, tombstones, buffer.size());
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
        TweetStream stopping = stream;
        stream = null;
        if (stopping != null) {
            stopping.close();
            metrics.close();
            log.info("Stopped streaming: {} tombstones={}", stats, tombstones);
        }
    }
}
