package io.tweetstream.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * The counting job in this JVM, as {@link TweetCountJob#main} runs it (its session, its progress
 * log, its query, from the job's options), with the duration of each batch taken from the query's
 * progress reports. Only one at a time: Spark has one context per JVM.
 */
final class EmbeddedJob implements AutoCloseable {

    /**
     * Given as {@code spark-submit --conf} would give them (system properties): the Kafka source and
     * sink keep their idle clients for minutes, calling the stopped broker all that time (see
     * TweetCountIT). Long enough not to close them between batches.
     */
    private static final Map<String, String> SUBMITTED_CONF = Map.of(
        "spark.kafka.producer.cache.timeout", "10s",
        "spark.kafka.producer.cache.evictorThreadRunInterval", "1s",
        "spark.kafka.consumer.cache.timeout", "10s",
        "spark.kafka.consumer.cache.evictorThreadRunInterval", "1s");

    /**
     * When the job was started, its session created and its query started, epoch ms.
     *
     * @param startedAt before the session, as a new JVM would start
     */
    record Startup(long startedAt, long sessionAt, long queryAt) {}

    private final Startup startup;
    private final SparkSession spark;
    private final StreamingQuery query;
    private final BatchDurations batches = new BatchDurations();

    private EmbeddedJob(String... args) {
        long startedAt = System.currentTimeMillis();
        TweetCountOptions options = TweetCountOptions.parse(args);
        SUBMITTED_CONF.forEach(System::setProperty);
        try {
            spark = TweetCountJob.session(options);
        } finally {
            SUBMITTED_CONF.keySet().forEach(System::clearProperty);
        }
        long sessionAt = System.currentTimeMillis();
        spark.streams().addListener(new ProgressLogger());
        spark.streams().addListener(batches);
        try {
            query = TweetCountQuery.start(spark, options);
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
        startup = new Startup(startedAt, sessionAt, System.currentTimeMillis());
    }

    /** Starts the job with the given options, as {@code TweetCountJob} would be started with them. */
    static EmbeddedJob start(String... args) {
        return new EmbeddedJob(args);
    }

    Startup startup() {
        return startup;
    }

    /** Every batch's times so far, in ms, by phase ({@code addBatch}, {@code walCommit}...), in order. */
    List<Map<String, Long>> batchPhases() {
        return batches.durations();
    }

    /** Throws if the query has stopped on an error. */
    void check() {
        if (query.exception().isDefined()) {
            throw new IllegalStateException("The counting query failed", query.exception().get());
        }
    }

    @Override
    public void close() {
        try {
            query.stop();
        } catch (TimeoutException e) {
            throw new IllegalStateException("The counting query did not stop", e);
        } finally {
            spark.stop();
        }
    }

    /** The batches' durations from the progress reports (the query keeps only its latest 100). */
    private static final class BatchDurations extends StreamingQueryListener {

        private final List<Map<String, Long>> durations = new ArrayList<>();

        @Override
        public void onQueryStarted(QueryStartedEvent event) {}

        @Override
        public synchronized void onQueryProgress(QueryProgressEvent event) {
            durations.add(Map.copyOf(event.progress().durationMs()));
        }

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {}

        synchronized List<Map<String, Long>> durations() {
            return List.copyOf(durations);
        }
    }
}
