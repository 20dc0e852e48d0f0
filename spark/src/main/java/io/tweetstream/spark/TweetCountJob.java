package io.tweetstream.spark;

import io.tweetstream.spark.localfs.NioLocalFileSystem;
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

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    static final String STATE_STORE_PROVIDER = "spark.sql.streaming.stateStore.providerClass";
    /** The only state store transformWithState runs on (see TweetCounts). */
    static final String ROCKSDB_STATE_STORE = "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";
    /** The state partitions unless {@code --conf spark.sql.shuffle.partitions=N} says otherwise. */
    static final String DEFAULT_STATE_PARTITIONS = "2";
    static final String CHANGELOG_CHECKPOINTING = "spark.sql.streaming.stateStore.rocksdb.changelogCheckpointing.enabled";

    private TweetCountJob() {}

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
        SparkSession.Builder builder = SparkSession.builder()
            .appName("tweetstream-tweet-counts")
            .config("spark.sql.session.timeZone", "UTC");
        if (options.master().isPresent()) {
            builder.master(options.master().get());
        } else if (!submitted.contains("spark.master")) {
            builder.master("local[*]");
        }
        if (!submitted.contains(SHUFFLE_PARTITIONS)) {
            // The partitions of the window state, fixed by the first run's checkpoint. The state
            // is small (the open seconds times the keywords), and each partition is a RocksDB
            // instance committed every batch: Spark's default of 200 would take seconds a batch,
            // and 2 rather than 4 took a batch from 0.58 to 0.46 s on 2 cores (spark/README.md).
            builder.config(SHUFFLE_PARTITIONS, DEFAULT_STATE_PARTITIONS);
        }
        if (!submitted.contains(CHANGELOG_CHECKPOINTING)) {
            // A commit writes the batch's changes instead of a snapshot of every partition's
            // RocksDB (snapshots go on in the background): batches of 0.74 s became 0.58 s. Spark
            // takes it on for an existing checkpoint too, and back off.
            builder.config(CHANGELOG_CHECKPOINTING, "true");
        }
        // Without Hadoop's native library, Hadoop's local file system forks chmod and readlink for
        // each checkpoint file, some seventy processes a batch (see NioRawLocalFileSystem).
        NioLocalFileSystem.SPARK_CONF.forEach((key, value) -> {
            if (!submitted.contains(key)) {
                builder.config(key, value);
            }
        });
        // transformWithState needs RocksDB, which also keeps the open seconds off the JVM heap.
        builder.config(STATE_STORE_PROVIDER, ROCKSDB_STATE_STORE);
        return builder.getOrCreate();
    }
}
