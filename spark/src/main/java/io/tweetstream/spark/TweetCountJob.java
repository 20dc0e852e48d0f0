package io.tweetstream.spark;

import io.tweetstream.spark.localfs.NioLocalFileSystem;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's entry point, for {@code spark-submit --class io.tweetstream.spark.TweetCountJob} and
 * for the embedded run ({@code mvn -pl spark exec:exec@run}): parses the options, starts the
 * counting query and waits for it. Exits with 2 on bad options, 1 when the query fails.
 */
public final class TweetCountJob {

    private static final Logger log = LoggerFactory.getLogger(TweetCountJob.class);

    /** Always set: counts are keyed in UTC, and transformWithState runs on RocksDB alone (see TweetCounts). */
    static final Map<String, String> REQUIRED_CONF = Map.of(
        "spark.sql.session.timeZone", "UTC",
        "spark.sql.streaming.stateStore.providerClass",
        "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider");

    /** Set unless spark-submit or {@code --conf} gave them: what makes a batch fast on few cores. */
    static final Map<String, String> DEFAULT_CONF = defaultConf();

    private TweetCountJob() {}

    private static Map<String, String> defaultConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        // The partitions of the window state, fixed by the first run's checkpoint. The state is
        // small (the open seconds times the keywords) and its input is a row per second and input
        // partition, already counted (PartialCounts); each partition is a RocksDB instance
        // committed every batch, and a task: Spark's default of 200 would take seconds a batch, and
        // on 2 cores a batch took 0.58 s with 4, 0.46 s with 2, 0.29-0.34 s with 1 (spark/README.md).
        conf.put("spark.sql.shuffle.partitions", "1");
        // A commit writes the batch's changes instead of a snapshot of every partition's RocksDB
        // (snapshots go on in the background): batches of 0.74 s became 0.58 s. Spark takes it
        // on for an existing checkpoint too, and back off.
        conf.put("spark.sql.streaming.stateStore.rocksdb.changelogCheckpointing.enabled", "true");
        // Without Hadoop's native library, Hadoop's local file system forks chmod and readlink for
        // each checkpoint file, some seventy processes a batch (see NioRawLocalFileSystem).
        conf.putAll(NioLocalFileSystem.SPARK_CONF);
        return Collections.unmodifiableMap(conf);
    }

    /** The job's settings, {@link #REQUIRED_CONF} and {@link #DEFAULT_CONF}: for sessions of tests and benchmarks. */
    static Map<String, Object> sessionConf() {
        Map<String, Object> conf = new HashMap<>(DEFAULT_CONF);
        conf.putAll(REQUIRED_CONF);
        return conf;
    }

    public static void main(String[] args) {
        TweetCountOptions options;
        try {
            options = TweetCountOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(TweetCountOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(TweetCountOptions.usage());
            return;
        }
        SparkSession spark = session(options);
        try {
            spark.streams().addListener(new ProgressLogger());
            log.info("Counting tweets of topic {} at {} into {} (checkpoint {})", options.topic(),
                options.bootstrapServers(), options.sink().optionValue(), options.checkpointDir());
            // Stopped by Ctrl-C or a kill, the query may leave a batch half done: the checkpoint
            // makes the next run redo it, so no count is lost or doubled (see CountWriter for the
            // sinks' guarantees).
            StreamingQuery query = TweetCountQuery.start(spark, options);
            query.awaitTermination();
        } catch (StreamingQueryException e) {
            log.error("The counting query failed", e);
            System.exit(1);
        } finally {
            spark.stop();
        }
    }

    /**
     * The session: the options' master, or spark-submit's when it set one, or all local cores.
     * Timestamps are shown and keyed in UTC, as Twitter gives them, whatever the machine's zone.
     */
    static SparkSession session(TweetCountOptions options) {
        SparkConf submitted = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("tweetstream-tweet-counts");
        if (options.master().isPresent()) {
            builder.master(options.master().get());
        } else if (!submitted.contains("spark.master")) {
            builder.master("local[*]");
        }
        DEFAULT_CONF.forEach((key, value) -> {
            if (!submitted.contains(key)) {
                builder.config(key, value);
            }
        });
        REQUIRED_CONF.forEach(builder::config);
        return builder.getOrCreate();
    }
}
