package io.tweetstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.WorkDirectory;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
 * few seconds, and the lateness is the default 15 seconds.
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
            // As TweetCountJob's session: UTC, RocksDB, 2 state partitions, changelog checkpoints,
            // checkpoints written without forks.
            .config(TweetCountJob.sessionConf())
            .config("spark.ui.enabled", "false")
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
    void publishesEachSecondProvisionallyThenFinallyInTotalAndPerKeyword() {
        send(1, 0.100, "kafka");
        send(2, 0.900, "kafka", "apache spark");
        send(3, 1.500, "apache spark");
        send(4, 1.600);
        send(5, 2.000, "kafka");
        send(6, 2.999, "kafka", "flink", "apache spark");
        // Moves the watermark to T0 + 15 s, past the end of the seconds above, which so become final.
        send(7, 30.000);

        long before = System.currentTimeMillis();
        Run run = runToMemory(options());
        long after = System.currentTimeMillis();

        Map<Long, Count> expected = Map.of(
            0L, count(0, 2, "kafka", 2, "apache spark", 1),
            1L, count(1, 2, "apache spark", 1),
            2L, count(2, 2, "kafka", 2, "flink", 1, "apache spark", 1));
        assertThat(run.finals()).isEqualTo(expected);
        // Second 30 stays open: the watermark has not passed it. It was published provisionally.
        assertThat(run.latest(CountStatus.PROVISIONAL)).containsEntry(30L, count(30, 1));
        assertThat(run.late()).isEmpty();
        for (Row row : run.rows()) {
            Instant end = row.<Timestamp>getAs(TweetCounts.WINDOW_END).toInstant();
            assertThat(end).isEqualTo(row.<Timestamp>getAs(TweetCounts.WINDOW_START).toInstant().plusSeconds(1));
            assertThat(row.<Long>getAs(TweetCounts.LAG_MS)).isBetween(before - end.toEpochMilli(), after - end.toEpochMilli());
        }
        assertThat(run.input()).isEqualTo(new InputMetrics(7, 0, 0, 7, 0));
    }

    @Test
    void readsBothJsonConverterFormatsMixedInOneTopic() {
        topics.send(topic, 1, TweetJson.withSchema(1, at(0.2), "kafka"));
        topics.send(topic, 2, TweetJson.withoutSchema(2, at(0.4), "kafka"));
        topics.send(topic, 3, TweetJson.withoutSchema(3, at(1.1), "spark"));
        topics.send(topic, 4, TweetJson.withSchema(4, at(1.9), "kafka", "spark"));
        topics.send(topic, 5, TweetJson.withoutSchema(5, at(30)));

        Run run = runToMemory(options());

        assertThat(run.finals()).isEqualTo(Map.of(
            0L, count(0, 2, "kafka", 2),
            1L, count(1, 2, "spark", 2, "kafka", 1)));
        assertThat(run.input()).isEqualTo(new InputMetrics(5, 0, 0, 5, 0));
    }

    /**
     * The same tweets, once as records with the connector's header and timestamp, once as records
     * with their value only, give the same counts; the first are not parsed, except those whose
     * header is not a compact JSON array of strings, which are read from their value.
     */
    @Test
    void headersAndValuesGiveTheSameCounts() {
        String valuesOnly = topic + "-values";
        topics.create(valuesOnly);
        SplittableRandom random = new SplittableRandom(7);
        String[] phrases = {"kafka", "apache spark", "flink", "x \"quoted\" phrase", "naïve"};
        List<ProducerRecord<String, String>> withHeaders = new ArrayList<>();
        List<ProducerRecord<String, String>> withoutHeaders = new ArrayList<>();
        for (int id = 1; id <= 2_000; id++) {
            Instant createdAt = at(random.nextDouble(0, 20));
            String[] keywords = random.ints(random.nextInt(3), 0, phrases.length).mapToObj(i -> phrases[i])
                .distinct().toArray(String[]::new);
            withHeaders.add(TweetJson.connectorRecord(topic, id, createdAt, keywords));
            withoutHeaders.add(new ProducerRecord<>(valuesOnly, Long.toString(id), TweetJson.withSchema(id, createdAt, keywords)));
        }
        ProducerRecord<String, String> oddHeader = new ProducerRecord<>(topic, null, at(3.5).toEpochMilli(), "3001",
            TweetJson.withSchema(3001, at(3.5), "kafka"));
        oddHeader.headers().add(TweetValues.KEYWORDS_HEADER, "kafka".getBytes(StandardCharsets.UTF_8));
        withHeaders.add(oddHeader);
        withoutHeaders.add(new ProducerRecord<>(valuesOnly, "3001", TweetJson.withSchema(3001, at(3.5), "kafka")));
        ProducerRecord<String, String> spacedHeader = new ProducerRecord<>(topic, null, at(4.5).toEpochMilli(), "3003",
            TweetJson.withSchema(3003, at(4.5), "kafka", "flink"));
        spacedHeader.headers().add(TweetValues.KEYWORDS_HEADER, "[\"kafka\", \"flink\"]".getBytes(StandardCharsets.UTF_8));
        withHeaders.add(spacedHeader);
        withoutHeaders.add(new ProducerRecord<>(valuesOnly, "3003", TweetJson.withSchema(3003, at(4.5), "kafka", "flink")));
        withHeaders.add(TweetJson.connectorRecord(topic, 3002, at(60)));
        withoutHeaders.add(new ProducerRecord<>(valuesOnly, "3002", TweetJson.withSchema(3002, at(60))));
        topics.sendAll(topic, withHeaders);
        topics.sendAll(valuesOnly, withoutHeaders);

        Run fromHeaders = runToMemory(options());
        Run fromValues = runToMemory(options("--topic", valuesOnly, "--checkpoint-dir",
            testDir.resolve("checkpoint-values").toString()));

        assertThat(fromHeaders.finals()).hasSize(20).isEqualTo(fromValues.finals());
        assertThat(fromHeaders.finals().values().stream().mapToLong(Count::total).sum()).isEqualTo(2_002);
        // Every header the connector wrote is taken, escapes and all; the bare string and the
        // spaced array are left to the value.
        assertThat(fromHeaders.input()).isEqualTo(new InputMetrics(2_003, 0, 0, 2_003, 2_001));
        assertThat(fromValues.input()).isEqualTo(new InputMetrics(2_003, 0, 0, 2_003, 0));
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

        assertThat(run.finals()).isEqualTo(Map.of(0L, count(0, 2, "kafka", 1)));
        assertThat(run.input()).isEqualTo(new InputMetrics(9, 2, 4, 3, 0));
    }

    /**
     * A running query (a 100 ms trigger) fed in steps, with the default lateness of 15 s:
     * <ol>
     *   <li>Tweets at 0.5, 1.5 and 2.5 s, and one at 20.5 s that moves the watermark to 5.5 s:
     *       seconds 0, 1 and 2 become final; second 20 stays open.
     *   <li>A tweet at 16.2 s, out of order but inside the lateness (second 16 ends after 5.5 s):
     *       in second 16's count. Two tweets at 2.2 s, after second 2's final count: a late
     *       correction of 2. A tweet at 40.5 s moves the watermark to 25.5 s: seconds 16 and 20
     *       become final.
     * </ol>
     * Every tweet is in a final count or a late correction: they add up to the tweets sent.
     */
    @Test
    void publishesTweetsArrivingAfterTheirSecondsFinalCountAsLateCorrections() throws Exception {
        StreamingQuery query = startToMemory(options("--trigger", "100 ms"), "late_counts");
        try {
            send(1, 0.5, "kafka");
            send(2, 1.5, "kafka");
            send(3, 2.5, "kafka");
            send(4, 20.5);
            awaitFinal(query, "late_counts", 2);
            assertThat(finals(memoryRows("late_counts"))).isEqualTo(Map.of(
                0L, count(0, 1, "kafka", 1), 1L, count(1, 1, "kafka", 1), 2L, count(2, 1, "kafka", 1)));

            send(5, 16.2, "kafka");
            topics.sendAll(topic, List.of(record(6, TweetJson.withSchema(6, at(2.2), "kafka")),
                record(7, TweetJson.withSchema(7, at(2.3)))));
            send(8, 40.5);
            awaitFinal(query, "late_counts", 20);

            List<Row> rows = memoryRows("late_counts");
            assertThat(finals(rows)).isEqualTo(Map.of(
                0L, count(0, 1, "kafka", 1), 1L, count(1, 1, "kafka", 1), 2L, count(2, 1, "kafka", 1),
                16L, count(16, 1, "kafka", 1), 20L, count(20, 1)));
            // Sent together, tweets 6 and 7 may still be read by two batches: one correction or two.
            assertThat(late(rows)).allSatisfy(correction -> assertThat(correction.second()).isEqualTo(2));
            assertThat(late(rows).stream().reduce(Count::plus)).contains(count(2, 2, "kafka", 1));
            long published = finals(rows).values().stream().mapToLong(Count::total).sum()
                + late(rows).stream().mapToLong(Count::total).sum() + latestOpen(rows).values().stream().mapToLong(Count::total).sum();
            assertThat(published).isEqualTo(8);
            Run run = progressOf(query, rows);
            assertThat(run.output().lateTweets()).isEqualTo(2);
            assertThat(run.input()).isEqualTo(new InputMetrics(8, 0, 0, 8, 0));
        } finally {
            query.stop();
        }
    }

    /**
     * Tweets delivered up to 7 s after their creation, out of order, as X delivers them: every
     * second's final count holds all of its tweets, and none is late.
     */
    @Test
    void finalCountsAreExactWithDeliveryDelaysUpToSevenSeconds() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        TreeMap<Double, Integer> arrivals = new TreeMap<>();
        Map<Long, Long> made = new TreeMap<>();
        for (int id = 1; id <= 3_000; id++) {
            double createdAt = random.nextDouble(0, 60);
            arrivals.put(createdAt + random.nextDouble(0, 7), id);
            made.merge(at(createdAt).getEpochSecond() - T0.getEpochSecond(), 1L, Long::sum);
            createdAts.put(id, createdAt);
        }
        StreamingQuery query = startToMemory(options("--trigger", "100 ms"), "delayed_counts");
        try {
            List<ProducerRecord<String, String>> batch = new ArrayList<>();
            for (int id : arrivals.values()) {
                batch.add(TweetJson.connectorRecord(topic, id, at(createdAts.get(id)), "kafka"));
                if (batch.size() == 300) {
                    topics.sendAll(topic, batch);
                    batch.clear();
                }
            }
            topics.sendAll(topic, batch);
            send(9_999, 90);
            awaitFinal(query, "delayed_counts", 59);

            List<Row> rows = memoryRows("delayed_counts");
            Map<Long, Long> finalTotals = new TreeMap<>();
            finals(rows).forEach((second, count) -> finalTotals.put(second, count.total()));
            assertThat(finalTotals).isEqualTo(made);
            assertThat(late(rows)).isEmpty();
        } finally {
            query.stop();
        }
    }

    private final Map<Integer, Double> createdAts = new HashMap<>();

    /** After a restart from the checkpoint, no second is final twice or provisional after its final, and none is lost. */
    @Test
    void restartFromTheCheckpointRepeatsNoFinalSecondAndLosesNone() {
        Path output = testDir.resolve("counts");
        TweetCountOptions options = options("--sink", "parquet", "--output-path", output.toString());
        send(1, 0.1, "kafka");
        send(2, 1.1, "kafka", "spark");
        send(3, 18.5, "spark");
        runToEnd(TweetCountQuery.start(spark, options));
        assertThat(finals(parquetRows(output))).isEqualTo(Map.of(0L, count(0, 1, "kafka", 1), 1L, count(1, 1, "kafka", 1, "spark", 1)));

        send(4, 18.7);
        send(5, 19.3, "kafka");
        send(6, 1.5, "spark");
        send(7, 40);
        runToEnd(TweetCountQuery.start(spark, options));
        // Nothing new: a third run must not write anything again.
        runToEnd(TweetCountQuery.start(spark, options));

        List<Row> rows = parquetRows(output);
        assertThat(rows.stream().filter(row -> status(row) == CountStatus.FINAL).map(row -> Count.of(row).second()))
            .containsExactlyInAnyOrder(0L, 1L, 18L, 19L);
        assertThat(finals(rows)).isEqualTo(Map.of(0L, count(0, 1, "kafka", 1), 1L, count(1, 1, "kafka", 1, "spark", 1),
            18L, count(18, 2, "spark", 1), 19L, count(19, 1, "kafka", 1)));
        assertThat(late(rows)).containsExactly(count(1, 1, "spark", 1));
        for (Row row : rows) {
            if (status(row) == CountStatus.PROVISIONAL) {
                Instant provisionalAt = row.<Timestamp>getAs(TweetCounts.PUBLISHED_AT).toInstant();
                assertThat(rows).noneMatch(other -> status(other) == CountStatus.FINAL
                    && Count.of(other).second() == Count.of(row).second()
                    && other.<Timestamp>getAs(TweetCounts.PUBLISHED_AT).toInstant().isBefore(provisionalAt));
            }
        }
    }

    /** Records keyed by second (late corrections by second and batch), with the JSON of the README. */
    @Test
    void kafkaSinkWritesRecordsKeyedBySecondWithTheTotalAndEveryKeyword() throws Exception {
        String countsTopic = topic + "-counts";
        // One partition: Kafka orders records within a partition only.
        topics.create(countsTopic, 1);
        send(1, 3.25, "kafka", "apache spark");
        send(2, 3.75, "kafka");
        send(3, 4.10);
        send(4, 30);

        long before = System.currentTimeMillis();
        runToEnd(TweetCountQuery.start(spark, options("--sink", "kafka", "--output-topic", countsTopic)));
        send(5, 3.5, "spark");
        send(6, 31);
        runToEnd(TweetCountQuery.start(spark, options("--sink", "kafka", "--output-topic", countsTopic)));
        long after = System.currentTimeMillis();

        Map<String, JsonNode> latest = new LinkedHashMap<>();
        Map<Instant, List<Instant>> secondsByBatch = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : topics.readAll(countsTopic)) {
            JsonNode value = TweetJson.mapper().readTree(record.value());
            latest.put(record.key(), value);
            Instant publishedAt = Instant.parse(value.get("window_end").asText()).plusMillis(value.get("lag_ms").asLong());
            secondsByBatch.computeIfAbsent(publishedAt, batch -> new ArrayList<>())
                .add(Instant.parse(value.get("window_start").asText()));
        }
        // A batch writes its seconds oldest first, whichever state partitions they are in.
        assertThat(secondsByBatch.values()).anySatisfy(seconds -> assertThat(seconds).hasSizeGreaterThan(2))
            .allSatisfy(seconds -> assertThat(seconds).isSorted());
        assertThat(latest.keySet()).contains("2026-01-01T00:00:03.000Z", "2026-01-01T00:00:04.000Z",
            "2026-01-01T00:00:30.000Z", "2026-01-01T00:00:31.000Z");
        JsonNode third = latest.get("2026-01-01T00:00:03.000Z");
        assertThat(third.get("window_start").asText()).isEqualTo("2026-01-01T00:00:03.000Z");
        assertThat(third.get("window_end").asText()).isEqualTo("2026-01-01T00:00:04.000Z");
        assertThat(third.get("status").asText()).isEqualTo("final");
        assertThat(third.get("total").asLong()).isEqualTo(2);
        assertThat(TweetJson.mapper().convertValue(third.get("keywords"), Map.class))
            .isEqualTo(Map.of("kafka", 2, "apache spark", 1));
        assertThat(third.get("keywords").fieldNames()).toIterable().containsExactly("apache spark", "kafka");
        assertThat(third.has("late")).isFalse();
        long windowEnd = at(4).toEpochMilli();
        assertThat(third.get("lag_ms").asLong()).isBetween(before - windowEnd, after - windowEnd);
        assertThat(latest.get("2026-01-01T00:00:30.000Z").get("status").asText()).isEqualTo("provisional");

        List<String> lateKeys = latest.keySet().stream().filter(key -> key.startsWith("2026-01-01T00:00:03.000Z late ")).toList();
        assertThat(lateKeys).hasSize(1);
        JsonNode late = latest.get(lateKeys.get(0));
        assertThat(late.get("status").asText()).isEqualTo("late");
        assertThat(late.get("late").asLong()).isEqualTo(1);
        assertThat(TweetJson.mapper().convertValue(late.get("late_keywords"), Map.class)).isEqualTo(Map.of("spark", 1));
        assertThat(late.has("total")).isFalse();
        assertThat(late.has("keywords")).isFalse();
    }

    private ProducerRecord<String, String> record(long tweetId, String value) {
        return new ProducerRecord<>(topic, Long.toString(tweetId), value);
    }

    private List<Row> parquetRows(Path output) {
        return spark.read().parquet(output.toString()).collectAsList();
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
        return progressOf(query, memoryRows(query.name()));
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

    /** Waits until a running query has published the final count of {@code second}. */
    private void awaitFinal(StreamingQuery query, String table, long second) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            if (query.exception().isDefined()) {
                throw new AssertionError("The query failed", query.exception().get());
            }
            assertThat(finals(memoryRows(table))).containsKey(second);
        });
    }

    private List<Row> memoryRows(String table) {
        return spark.table(table).collectAsList();
    }

    static CountStatus status(Row row) {
        return CountStatus.valueOf(row.<String>getAs(TweetCounts.STATUS).toUpperCase(Locale.ROOT));
    }

    /** The final count of each second, by second after {@link #T0}; fails on a second final twice with different counts. */
    static Map<Long, Count> finals(List<Row> rows) {
        Map<Long, Count> finals = new TreeMap<>();
        for (Row row : rows) {
            if (status(row) == CountStatus.FINAL) {
                Count count = Count.of(row);
                Count before = finals.put(count.second(), count);
                assertThat(before).as("an earlier final count of second %s", count.second()).isIn(null, count);
            }
        }
        return finals;
    }

    /** The late corrections, in the order published. */
    static List<Count> late(List<Row> rows) {
        return rows.stream().filter(row -> status(row) == CountStatus.LATE)
            .sorted(Comparator.comparing(row -> row.<Timestamp>getAs(TweetCounts.PUBLISHED_AT)))
            .map(Count::of).toList();
    }

    /** The latest provisional count of each second that has no final count. */
    static Map<Long, Count> latestOpen(List<Row> rows) {
        Map<Long, Count> open = new TreeMap<>();
        rows.stream().filter(row -> status(row) == CountStatus.PROVISIONAL)
            .sorted(Comparator.comparing(row -> row.<Timestamp>getAs(TweetCounts.PUBLISHED_AT)))
            .map(Count::of).forEach(count -> open.put(count.second(), count));
        open.keySet().removeAll(finals(rows).keySet());
        return open;
    }

    /** The rows and the metrics the query's batches reported, added up. */
    private static Run progressOf(StreamingQuery query, List<Row> rows) {
        InputMetrics input = InputMetrics.NONE;
        OutputMetrics output = OutputMetrics.NONE;
        for (StreamingQueryProgress progress : query.recentProgress()) {
            input = input.plus(InputMetrics.of(progress));
            output = output.plus(OutputMetrics.of(progress));
        }
        return new Run(rows, input, output);
    }

    /** Waits for an available-now query to have processed what the topic held, and to stop. */
    private static void runToEnd(StreamingQuery query) {
        try {
            assertThat(query.awaitTermination(TimeUnit.SECONDS.toMillis(90))).as("query finished").isTrue();
        } catch (StreamingQueryException e) {
            throw new AssertionError("The query failed", e);
        }
    }

    record Run(List<Row> rows, InputMetrics input, OutputMetrics output) {
        Map<Long, Count> finals() {
            return TweetCountIT.finals(rows);
        }

        List<Count> late() {
            return TweetCountIT.late(rows);
        }

        /** The latest count of each second with the given status. */
        Map<Long, Count> latest(CountStatus status) {
            Map<Long, Count> latest = new TreeMap<>();
            rows.stream().filter(row -> TweetCountIT.status(row) == status)
                .sorted(Comparator.comparing(row -> row.<Timestamp>getAs(TweetCounts.PUBLISHED_AT)))
                .map(Count::of).forEach(count -> latest.put(count.second(), count));
            return latest;
        }
    }

    /** {@code count(3, 2, "kafka", 2)}: second 3 after {@link #T0}, a total of 2, of which 2 matched kafka. */
    static Count count(long second, long total, Object... keywordsAndCounts) {
        Map<String, Long> keywords = new TreeMap<>();
        for (int i = 0; i < keywordsAndCounts.length; i += 2) {
            keywords.put((String) keywordsAndCounts[i], ((Number) keywordsAndCounts[i + 1]).longValue());
        }
        return new Count(second, total, keywords);
    }

    /** A published count, with its second as whole seconds after {@link #T0}. */
    record Count(long second, long total, Map<String, Long> keywords) {
        /** Two counts of one second added up, as a reader adds a second's late corrections. */
        Count plus(Count other) {
            Map<String, Long> sum = new TreeMap<>(keywords);
            other.keywords.forEach((keyword, count) -> sum.merge(keyword, count, Long::sum));
            return new Count(second, total + other.total, sum);
        }

        static Count of(Row row) {
            Instant start = row.<Timestamp>getAs(TweetCounts.WINDOW_START).toInstant();
            Map<String, Long> keywords = new TreeMap<>(row.<String, Long>getJavaMap(row.fieldIndex(TweetCounts.KEYWORDS)));
            return new Count(start.getEpochSecond() - T0.getEpochSecond(), row.<Long>getAs(TweetCounts.TOTAL), keywords);
        }
    }
}
