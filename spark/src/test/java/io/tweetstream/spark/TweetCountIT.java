package io.tweetstream.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.WorkDirectory;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The counting query against a real KRaft broker, in a real local Spark session: records written
 * as the connector's worker writes them, counts read back from the sinks and compared exactly.
 * Every test has its own topic and checkpoint; all tweets are of 2026-01-01, at {@link #T0} plus a
 * few seconds, and the watermark is the default 5 seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TweetCountIT {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Path workDir = Path.of("target", "spark-it").toAbsolutePath();
    private KafkaBroker broker;
    private KafkaTopics topics;
    private SparkSession spark;
    private String topic;
    private Path testDir;

    @BeforeAll
    void startBrokerAndSpark() {
        WorkDirectory.clean(workDir);
        broker = KafkaBroker.start(workDir.resolve("broker"));
        topics = new KafkaTopics(broker.bootstrapServers());
        spark = SparkSession.builder()
            .master("local[2]")
            .appName("TweetCountIT")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.ui.enabled", "false")
            // As TweetCountJob's session: timestamps in UTC.
            .config("spark.sql.session.timeZone", "UTC")
            // The Kafka sink keeps its producer for 10 minutes; closed sooner, it does not go on
            // calling the broker after the tests have stopped it.
            .config("spark.kafka.producer.cache.timeout", "2s")
            .config("spark.kafka.producer.cache.evictorThreadRunInterval", "1s")
            .getOrCreate();
        spark.streams().addListener(new ProgressLogger());
    }

    @AfterAll
    void stopSparkAndBroker() {
        if (spark != null) {
            spark.stop();
        }
        if (topics != null) {
            topics.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void freshTopic(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        topic = "tweets-" + name;
        testDir = workDir.resolve(name);
        topics.create(topic);
    }

    @Test
    void countsTweetsPerSecondInTotalAndPerKeyword() {
        send(1, 0.100, "kafka");
        send(2, 0.900, "kafka", "apache spark");
        send(3, 1.500, "apache spark");
        send(4, 1.600);
        send(5, 2.000, "kafka");
        send(6, 2.999, "kafka", "flink", "apache spark");
        // Moves the watermark to T0 + 25 s, past the end of the windows above, which are so emitted.
        send(7, 30.000);

        long before = System.currentTimeMillis();
        Run run = runToMemory(options());
        long after = System.currentTimeMillis();

        assertThat(run.counts()).containsExactlyInAnyOrder(
            new Count(0, "*", 2), new Count(0, "kafka", 2), new Count(0, "apache spark", 1),
            new Count(1, "*", 2), new Count(1, "apache spark", 1),
            new Count(2, "*", 2), new Count(2, "kafka", 2), new Count(2, "flink", 1), new Count(2, "apache spark", 1));
        for (Row row : run.rows()) {
            Instant end = row.<Timestamp>getAs(TweetCounts.WINDOW_END).toInstant();
            assertThat(end).isEqualTo(row.<Timestamp>getAs(TweetCounts.WINDOW_START).toInstant().plusSeconds(1));
            assertThat(row.<Long>getAs(TweetCounts.LAG_MS)).isBetween(before - end.toEpochMilli(), after - end.toEpochMilli());
        }
        assertThat(run.input()).isEqualTo(new InputMetrics(7, 0, 0, 7));
    }

    @Test
    void readsBothJsonConverterFormatsMixedInOneTopic() {
        topics.send(topic, 1, TweetJson.withSchema(1, at(0.2), "kafka"));
        topics.send(topic, 2, TweetJson.withoutSchema(2, at(0.4), "kafka"));
        topics.send(topic, 3, TweetJson.withoutSchema(3, at(1.1), "spark"));
        topics.send(topic, 4, TweetJson.withSchema(4, at(1.9), "kafka", "spark"));
        topics.send(topic, 5, TweetJson.withoutSchema(5, at(30)));

        Run run = runToMemory(options());

        assertThat(run.counts()).containsExactlyInAnyOrder(
            new Count(0, "*", 2), new Count(0, "kafka", 2),
            new Count(1, "*", 2), new Count(1, "spark", 2), new Count(1, "kafka", 1));
        assertThat(run.input()).isEqualTo(new InputMetrics(5, 0, 0, 5));
    }

    @Test
    void skipsTombstonesAndMalformedValuesAndCountsThem() {
        ObjectNode noCreatedAt = TweetJson.mapper().createObjectNode();
        noCreatedAt.set("schema", TweetJson.schema());
        noCreatedAt.putObject("payload").put("id", 13).put("text", "no created_at");
        topics.sendAll(topic, List.of(
            record(1, TweetJson.withSchema(1, at(0.5), "kafka")),
            record(1, null),
            record(2, TweetJson.withoutSchema(2, at(0.6))),
            record(10, "not JSON at all"),
            record(11, "{\"text\": \"JSON, but no id\", \"created_at\": 1767225600500}"),
            record(12, ""),
            record(13, TweetJson.write(noCreatedAt)),
            record(2, null),
            record(3, TweetJson.withSchema(3, at(30)))));

        Run run = runToMemory(options());

        assertThat(run.counts()).containsExactlyInAnyOrder(new Count(0, "*", 2), new Count(0, "kafka", 1));
        assertThat(run.input()).isEqualTo(new InputMetrics(9, 2, 4, 3));
    }

    /**
     * Append mode emits a window once the watermark, the newest created_at seen less 5 seconds,
     * has passed its end, and drops a tweet whose window it has passed already. A running query
     * (a 100 ms processing-time trigger) is fed in two steps:
     * <ol>
     *   <li>Tweets at 0.5, 1.5 and 2.5 s, and one at 20.5 s that moves the watermark to 15.5 s.
     *       Windows 0, 1 and 2 are emitted; window 20 stays open.
     *   <li>A tweet at 16.2 s, late (20.5 s was seen) but inside the watermark, as window 16 ends
     *       at 17 s, after 15.5 s: counted. A tweet at 2.2 s, outside it, as window 2 ended at 3 s
     *       and was emitted: dropped, its 2 rows (total and "kafka") reported as dropped. A tweet
     *       at 40.5 s moves the watermark to 35.5 s, which emits windows 16 and 20.
     * </ol>
     */
    @Test
    void countsLateTweetsInsideTheWatermarkAndDropsThoseOutside() throws Exception {
        StreamingQuery query = startToMemory(options("--trigger", "100 ms"), "late_counts");
        try {
            send(1, 0.5, "kafka");
            send(2, 1.5, "kafka");
            send(3, 2.5, "kafka");
            send(4, 20.5);
            // Returns once a trigger has found nothing left to do, so after the batch that
            // emitted the windows the watermark closed.
            query.processAllAvailable();
            assertThat(memoryCounts("late_counts")).containsExactlyInAnyOrder(
                new Count(0, "*", 1), new Count(0, "kafka", 1),
                new Count(1, "*", 1), new Count(1, "kafka", 1),
                new Count(2, "*", 1), new Count(2, "kafka", 1));

            send(5, 16.2, "kafka");
            send(6, 2.2, "kafka");
            send(7, 40.5);
            query.processAllAvailable();

            assertThat(memoryCounts("late_counts")).containsExactlyInAnyOrder(
                new Count(0, "*", 1), new Count(0, "kafka", 1),
                new Count(1, "*", 1), new Count(1, "kafka", 1),
                new Count(2, "*", 1), new Count(2, "kafka", 1),
                new Count(16, "*", 1), new Count(16, "kafka", 1), new Count(20, "*", 1));
            Run run = progressOf(query, List.of());
            assertThat(run.lateRowsDropped()).isEqualTo(2);
            assertThat(run.input()).isEqualTo(new InputMetrics(7, 0, 0, 7));
        } finally {
            query.stop();
        }
    }

    @Test
    void restartFromTheCheckpointWritesEachWindowOnce() {
        Path output = testDir.resolve("counts");
        TweetCountOptions options = options("--sink", "parquet", "--output-path", output.toString());
        send(1, 0.1, "kafka");
        send(2, 1.1, "kafka", "spark");
        send(3, 10.5, "spark");
        runToEnd(TweetCountQuery.start(spark, options));
        assertThat(parquetCounts(output)).containsExactlyInAnyOrder(
            new Count(0, "*", 1), new Count(0, "kafka", 1),
            new Count(1, "*", 1), new Count(1, "kafka", 1), new Count(1, "spark", 1));

        send(4, 10.7);
        send(5, 11.3, "kafka");
        send(6, 30);
        runToEnd(TweetCountQuery.start(spark, options));
        // Nothing new: a third run must not write anything again.
        runToEnd(TweetCountQuery.start(spark, options));

        assertThat(parquetCounts(output)).containsExactlyInAnyOrder(
            new Count(0, "*", 1), new Count(0, "kafka", 1),
            new Count(1, "*", 1), new Count(1, "kafka", 1), new Count(1, "spark", 1),
            new Count(10, "*", 2), new Count(10, "spark", 1),
            new Count(11, "*", 1), new Count(11, "kafka", 1));
    }

    /** One record per second, in order, holding the total and every keyword: a reader needs no guess. */
    @Test
    void kafkaSinkWritesOneRecordPerSecondWithTheTotalAndEveryKeyword() throws Exception {
        String countsTopic = topic + "-counts";
        // One partition: Kafka orders records within a partition only.
        topics.create(countsTopic, 1);
        send(1, 3.25, "kafka", "apache spark");
        send(2, 3.75, "kafka");
        send(3, 4.10);
        send(4, 5.50, "spark");
        send(5, 5.60, "spark", "kafka");
        send(6, 30);

        long before = System.currentTimeMillis();
        runToEnd(TweetCountQuery.start(spark, options("--sink", "kafka", "--output-topic", countsTopic)));
        long after = System.currentTimeMillis();

        List<ConsumerRecord<String, String>> records = topics.readAll(countsTopic);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(
            "2026-01-01T00:00:03.000Z", "2026-01-01T00:00:04.000Z", "2026-01-01T00:00:05.000Z");
        JsonNode third = TweetJson.mapper().readTree(records.get(0).value());
        assertThat(third.get("window_start").asText()).isEqualTo("2026-01-01T00:00:03.000Z");
        assertThat(third.get("window_end").asText()).isEqualTo("2026-01-01T00:00:04.000Z");
        assertThat(third.get("total").asLong()).isEqualTo(2);
        assertThat(TweetJson.mapper().convertValue(third.get("keywords"), Map.class))
            .isEqualTo(Map.of("kafka", 2, "apache spark", 1));
        assertThat(third.get("keywords").fieldNames()).toIterable().containsExactly("apache spark", "kafka");
        long windowEnd = at(4).toEpochMilli();
        assertThat(third.get("lag_ms").asLong()).isBetween(before - windowEnd, after - windowEnd);

        JsonNode fourth = TweetJson.mapper().readTree(records.get(1).value());
        assertThat(fourth.get("total").asLong()).isEqualTo(1);
        assertThat(fourth.get("keywords").size()).isZero();
        JsonNode fifth = TweetJson.mapper().readTree(records.get(2).value());
        assertThat(fifth.get("total").asLong()).isEqualTo(2);
        assertThat(TweetJson.mapper().convertValue(fifth.get("keywords"), Map.class))
            .isEqualTo(Map.of("spark", 2, "kafka", 1));
    }

    private ProducerRecord<String, String> record(long tweetId, String value) {
        return new ProducerRecord<>(topic, Long.toString(tweetId), value);
    }

    private List<Count> parquetCounts(Path output) {
        return spark.read().parquet(output.toString()).collectAsList().stream().map(Count::of).toList();
    }

    private void send(long id, double secondsAfterT0, String... keywords) {
        topics.send(topic, id, TweetJson.withSchema(id, at(secondsAfterT0), keywords));
    }

    static Instant at(double secondsAfterT0) {
        return T0.plusMillis(Math.round(secondsAfterT0 * 1000));
    }

    /** The test's topic and checkpoint, available-now, and the given options on top. */
    private TweetCountOptions options(String... overrides) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--bootstrap-servers", broker.bootstrapServers());
        options.put("--topic", topic);
        options.put("--starting-offsets", "earliest");
        options.put("--checkpoint-dir", testDir.resolve("checkpoint").toString());
        options.put("--trigger", TweetCountOptions.AVAILABLE_NOW);
        for (int i = 0; i < overrides.length; i += 2) {
            options.put(overrides[i], overrides[i + 1]);
        }
        List<String> args = new ArrayList<>();
        options.forEach((name, value) -> args.addAll(List.of(name, value)));
        return TweetCountOptions.parse(args.toArray(String[]::new));
    }

    private int runs;

    /** Runs the query until it has processed what the topic holds, into a memory table. */
    private Run runToMemory(TweetCountOptions options) {
        StreamingQuery query = startToMemory(options, "counts_" + (++runs));
        runToEnd(query);
        return progressOf(query, spark.table(query.name()).collectAsList());
    }

    /** The counting query of the job, into a memory table instead of the options' sink. */
    private StreamingQuery startToMemory(TweetCountOptions options, String table) {
        try {
            return TweetCountQuery.counts(TweetCountQuery.records(spark, options), options)
                .writeStream()
                .format("memory")
                .queryName(table)
                .outputMode("append")
                .option("checkpointLocation", options.checkpointDir())
                .trigger(TweetCountQuery.trigger(options))
                .start();
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Count> memoryCounts(String table) {
        return spark.table(table).collectAsList().stream().map(Count::of).toList();
    }

    /** The rows and the metrics the query's batches reported, added up. */
    private static Run progressOf(StreamingQuery query, List<Row> rows) {
        InputMetrics input = InputMetrics.NONE;
        long late = 0;
        for (StreamingQueryProgress progress : query.recentProgress()) {
            input = input.plus(InputMetrics.of(progress));
            late += Arrays.stream(progress.stateOperators()).mapToLong(op -> op.numRowsDroppedByWatermark()).sum();
        }
        return new Run(rows, input, late);
    }

    /** Waits for an available-now query to have processed what the topic held, and to stop. */
    private static void runToEnd(StreamingQuery query) {
        try {
            assertThat(query.awaitTermination(TimeUnit.SECONDS.toMillis(90))).as("query finished").isTrue();
        } catch (StreamingQueryException e) {
            throw new AssertionError("The query failed", e);
        }
    }

    record Run(List<Row> rows, InputMetrics input, long lateRowsDropped) {
        List<Count> counts() {
            return rows.stream().map(Count::of).toList();
        }
    }

    /** A count row, with its window as whole seconds after {@link #T0}. */
    record Count(long second, String keyword, long count) {
        static Count of(Row row) {
            Instant start = row.<Timestamp>getAs(TweetCounts.WINDOW_START).toInstant();
            return new Count(start.getEpochSecond() - T0.getEpochSecond(), row.getAs(TweetCounts.KEYWORD),
                row.<Long>getAs(TweetCounts.COUNT));
        }
    }
}
