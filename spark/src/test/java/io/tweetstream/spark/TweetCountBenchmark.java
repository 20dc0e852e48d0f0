package io.tweetstream.spark;

import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.WorkDirectory;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * How fast the counting query gets through a topic, beside the limits of reading it: a broker of
 * the testkit, a topic pre-filled with tweets as the connector's worker writes them (the value with
 * {@code schemas.enable=true}, so each carries the converter's full schema; the matched phrases in
 * the header; {@code created_at} as the timestamp), then, one after the other over the same topic:
 * <ol>
 *   <li>a plain Kafka consumer reading every record: the limit of the broker and the client;
 *   <li>a Spark batch query counting the records without reading them: the limit of Spark's Kafka source;
 *   <li>the same with the headers read, as the job reads the records;
 *   <li>the header looked up in every record, nothing counted by it: the least a query using it does;
 *   <li>the records counted per second and header text by Spark's own aggregation, nothing else:
 *       the limit of a job that reads the header;
 *   <li>the job's work per record ({@link TweetValues}, the filter and its metrics,
 *       {@link PartialCounts}) as a batch query, summed per second: the job without a streaming
 *       query's state store, offsets and commits;
 *   <li>a streaming query (available-now) doing the same in each batch: the limit of a streaming
 *       query, with its planning, offsets and commits;
 *   <li>the counting query (available-now, {@code local[2]}, into a memory table) reading the
 *       headers, as it does for the connector's records;
 *   <li>the same query with the headers taken away, so it parses every value, as it does for
 *       records of other producers or of connectors before 0.1.0.
 * </ol>
 * A round to warm up, then measured rounds of all of them in turn; prints each rate and the
 * medians side by side. Not a test: run it with
 * <pre>mvn -B -pl spark test-compile exec:exec@benchmark -Dexec.args="[records] [seconds] [rounds]"</pre>
 * (defaults 1,000,000 tweets over 1,000 seconds of created_at, 3 measured rounds).
 */
public final class TweetCountBenchmark {

    private static final String[] KEYWORDS = {"kafka", "spark", "apache spark", "flink", "streaming",
        "java", "scala", "python", "data", "cloud", "ai", "open source"};
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TOPIC = "tweets";
    private static final String KEYWORDS_PROPERTY = "benchmark.keywords";
    private static final boolean SINGLE_KEYWORD = "single".equals(System.getProperty(KEYWORDS_PROPERTY));
    private static final String COUNT_ONLY = "Spark batch: count the records, nothing parsed (the limit of Spark)";

    private TweetCountBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path workDir = Path.of("target", "benchmark").toAbsolutePath();
        WorkDirectory.clean(workDir);
        try (KafkaBroker broker = KafkaBroker.start(workDir.resolve("broker"))) {
            produce(broker.bootstrapServers(), records, seconds);
            measure(broker.bootstrapServers(), workDir, records, rounds);
        }
    }

    static void produce(String bootstrapServers, int records, int seconds) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // Kept whatever their timestamps: the tweets' creation times are months back.
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1).configs(Map.of("retention.ms", "-1"))))
                .all().get(30, TimeUnit.SECONDS);
        }
        Template template = new Template();
        SplittableRandom random = new SplittableRandom(42);
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024),
                ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(256L * 1024 * 1024),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                long id = 1_866_000_000_000_000_000L + i;
                // In created_at order over the period, each up to a second out of order: well
                // inside the watermark, so no tweet is dropped.
                long createdAt = T0.toEpochMilli() + (long) i * seconds * 1000 / records - random.nextInt(1000);
                String[] keywords = keywords(random);
                byte[] value = template.value(id, createdAt, keywords).getBytes(StandardCharsets.UTF_8);
                bytes += value.length;
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, null, createdAt,
                    Long.toString(id).getBytes(StandardCharsets.UTF_8), value);
                record.headers().add(TweetValues.KEYWORDS_HEADER, TweetJson.write(keywords).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Produced %,d tweets (%,.1f MB of JSON values, %,d bytes each on average)"
                + " in %.1f s: %,.0f tweets/s, %,.1f MB/s%n",
            records, bytes / 1e6, bytes / records, elapsed, records / elapsed, bytes / 1e6 / elapsed);
    }

    /**
     * One to three distinct keywords, the first ones more often, as some topics are more popular, in
     * the order drawn: 1,464 combinations, as X's {@code matching_rules} may list them in any order.
     * With {@value #KEYWORDS_PROPERTY}{@code =single}, one keyword per tweet: 12 combinations, to see
     * what the number of distinct headers costs.
     */
    private static String[] keywords(SplittableRandom random) {
        Set<String> chosen = new LinkedHashSet<>();
        int n = SINGLE_KEYWORD ? 1 : 1 + random.nextInt(3);
        while (chosen.size() < n) {
            chosen.add(KEYWORDS[Math.min(random.nextInt(KEYWORDS.length), random.nextInt(KEYWORDS.length))]);
        }
        return chosen.toArray(String[]::new);
    }

    /**
     * A round to warm the JVMs up (JIT, Spark's code generation), then {@code rounds} measured
     * rounds, each running every query once, so that a slower or busier minute of the machine
     * weighs on all queries alike; the summary gives each query's median and its share of the
     * count-only limit's median.
     */
    private static void measure(String bootstrapServers, Path workDir, int records, int rounds) throws Exception {
        Map<String, List<Figure>> measured = new LinkedHashMap<>();
        SparkSession spark = SparkSession.builder()
            .master("local[2]")
            .appName("TweetCountBenchmark")
            .config(TweetCountJob.sessionConf())
            .config("spark.ui.enabled", "false")
            .getOrCreate();
        try {
            for (int round = 0; round <= rounds; round++) {
                String name = round == 0 ? "warm-up" : "round-" + round;
                System.out.println(name + ":");
                Path roundDir = workDir.resolve(name);
                for (Figure figure : List.of(
                        consume(bootstrapServers, records),
                        countOnly(spark, bootstrapServers, records, false),
                        countOnly(spark, bootstrapServers, records, true),
                        headerLookup(spark, bootstrapServers, records),
                        headerCount(spark, bootstrapServers, records),
                        batchCount(spark, bootstrapServers, records),
                        streamCountOnly(spark, bootstrapServers, roundDir, records),
                        count(spark, bootstrapServers, roundDir, records, true),
                        count(spark, bootstrapServers, roundDir, records, false))) {
                    System.out.println(figure.line());
                    if (round > 0) {
                        measured.computeIfAbsent(figure.what(), what -> new ArrayList<>()).add(figure);
                    }
                }
            }
        } finally {
            spark.stop();
        }
        double limit = median(measured.get(COUNT_ONLY));
        System.out.println();
        System.out.printf(Locale.ROOT, "Same topic, %,d records, %d cores, median of %d rounds (the rounds' figures in brackets):%n",
            records, Runtime.getRuntime().availableProcessors(), rounds);
        measured.forEach((what, figures) -> System.out.printf(Locale.ROOT, "  %-88s %,9.0f records/s %4.0f%% of count-only  %s%n",
            what, median(figures), 100 * median(figures) / limit,
            figures.stream().map(figure -> String.format(Locale.ROOT, "%,.0f", figure.perSecond())).toList()));
    }

    /** One query's rate in one round, and its line with the details. */
    private record Figure(String what, double perSecond, String line) {}

    private static double median(List<Figure> figures) {
        double[] rates = figures.stream().mapToDouble(Figure::perSecond).sorted().toArray();
        return rates.length % 2 == 1 ? rates[rates.length / 2] : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
    }

    /** Every record read by a plain consumer, its value's bytes touched: the limit of reading. */
    private static Figure consume(String bootstrapServers, int records) {
        long start = System.nanoTime();
        long read = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < records) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    read++;
                    bytes += record.value().length;
                }
            }
        }
        return rate("plain Kafka consumer (the limit of reading)", read, System.nanoTime() - start,
            String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6));
    }

    /**
     * A Spark batch query counting the records without reading their content: the limit of Spark's
     * Kafka source; with the headers, as the job reads them (the source builds each record's array
     * of headers).
     */
    private static Figure countOnly(SparkSession spark, String bootstrapServers, int records, boolean headers) {
        long start = System.nanoTime();
        long counted = batchRecords(spark, bootstrapServers, headers).count();
        check(counted, records);
        return rate(headers ? "Spark batch: count the records read with their headers, nothing parsed"
                : COUNT_ONLY, counted, System.nanoTime() - start, "");
    }

    /**
     * The job's work per record as a Spark batch query over the whole topic, headers read as for the
     * connector's records: the tweets read ({@link TweetValues}) and counted per input partition
     * ({@link PartialCounts}), then summed per second. A streaming query's state store, offsets
     * and commits are left out (transformWithState in event time runs only in streaming queries).
     */
    private static Figure batchCount(SparkSession spark, String bootstrapServers, int records) {
        long start = System.nanoTime();
        Row published = TweetCounts.partials(TweetCountQuery.tweets(batchRecords(spark, bootstrapServers, true)))
            .groupBy("second").agg(sum("total").as("total"))
            .selectExpr("count(*)", "sum(total)").collectAsList().get(0);
        check(published.getLong(1), records);
        return rate("Spark batch: the job's work per record, header and timestamp, summed per second", records,
            System.nanoTime() - start, String.format(Locale.ROOT, "%,d seconds", published.getLong(0)));
    }

    /**
     * The header looked up in every record and its length summed, as a Spark batch query: the least
     * any query that uses the header does per record, before it counts anything.
     */
    private static Figure headerLookup(SparkSession spark, String bootstrapServers, int records) {
        long start = System.nanoTime();
        Row looked = batchRecords(spark, bootstrapServers, true)
            .select(TweetValues.keywordsHeader().as("keywords"))
            .selectExpr("count(*)", "sum(length(keywords))")
            .collectAsList().get(0);
        check(looked.getLong(0), records);
        return rate("Spark batch: the header looked up in every record, nothing counted by it", records,
            System.nanoTime() - start, String.format(Locale.ROOT, "%,d bytes of headers", looked.getLong(1)));
    }

    /**
     * The least a job reading the header can do, as a Spark batch query: the records counted per
     * second of their timestamp and header text, by Spark's own (generated) aggregation, then
     * summed per second; no check of the header, no metrics, no value. The limit of the job's way
     * of reading the connector's records.
     */
    private static Figure headerCount(SparkSession spark, String bootstrapServers, int records) {
        long start = System.nanoTime();
        Row counted = batchRecords(spark, bootstrapServers, true)
            .groupBy(floor(unix_millis(col("timestamp")).divide(1000)).as("second"),
                TweetValues.keywordsHeader().as("keywords"))
            .count()
            .groupBy("second").agg(sum("count").as("total"))
            .selectExpr("count(*)", "sum(total)").collectAsList().get(0);
        check(counted.getLong(1), records);
        return rate("Spark batch: counted per second and header, nothing else (the floor of a job reading it)",
            records, System.nanoTime() - start, String.format(Locale.ROOT, "%,d seconds", counted.getLong(0)));
    }

    private static Dataset<Row> batchRecords(SparkSession spark, String bootstrapServers, boolean headers) {
        return spark.read().format("kafka")
            .option("kafka.bootstrap.servers", bootstrapServers)
            .option("subscribe", TOPIC)
            .option("startingOffsets", "earliest")
            .option("endingOffsets", "latest")
            .option("includeHeaders", Boolean.toString(headers))
            .load();
    }

    /**
     * A streaming query, available-now, counting each batch's records without reading their
     * content: the limit of a streaming query over the topic (its planning, offsets and commits).
     */
    private static Figure streamCountOnly(SparkSession spark, String bootstrapServers, Path workDir, int records)
            throws Exception {
        TweetCountOptions options = TweetCountOptions.parse("--bootstrap-servers", bootstrapServers, "--topic", TOPIC,
            "--trigger", TweetCountOptions.AVAILABLE_NOW);
        LongAdder counted = new LongAdder();
        long start = System.nanoTime();
        StreamingQuery query = TweetCountQuery.records(spark, options)
            .writeStream()
            .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> counted.add(batch.count()))
            .option("checkpointLocation", workDir.resolve("checkpoint-count-only").toString())
            .trigger(TweetCountQuery.trigger(options))
            .start();
        query.awaitTermination();
        check(counted.sum(), records);
        return rate("Spark streaming, available-now: count each batch, nothing parsed (the limit of a query)",
            counted.sum(), System.nanoTime() - start, "");
    }

    /**
     * The counting query over the whole topic, available-now, into a memory table; without the
     * headers, every value is parsed.
     */
    private static Figure count(SparkSession spark, String bootstrapServers, Path workDir, int records, boolean headers)
            throws Exception {
        String name = headers ? "headers" : "values";
        TweetCountOptions options = TweetCountOptions.parse(
            "--bootstrap-servers", bootstrapServers,
            "--topic", TOPIC,
            "--checkpoint-dir", workDir.resolve("checkpoint-" + name).toString(),
            "--trigger", TweetCountOptions.AVAILABLE_NOW);
        Dataset<Row> kafkaRecords = TweetCountQuery.records(spark, options);
        if (!headers) {
            kafkaRecords = kafkaRecords.withColumn("headers", lit(null).cast(kafkaRecords.schema().apply("headers").dataType()));
        }
        long start = System.nanoTime();
        StreamingQuery query = TweetCountQuery.counts(kafkaRecords, options)
            .writeStream()
            .format("memory")
            .queryName("benchmark_" + name + "_" + workDir.getFileName().toString().replace('-', '_'))
            .outputMode("append")
            .option("checkpointLocation", options.checkpointDir())
            .trigger(TweetCountQuery.trigger(options))
            .start();
        query.awaitTermination();
        long elapsed = System.nanoTime() - start;

        InputMetrics input = InputMetrics.NONE;
        long readingMillis = 0;
        for (StreamingQueryProgress progress : query.recentProgress()) {
            input = input.plus(InputMetrics.of(progress));
            if (progress.numInputRows() > 0) {
                readingMillis += progress.durationMs().get("triggerExecution");
            }
        }
        check(input.counted(), records);
        Row published = spark.table(query.name()).where("status = 'final'").selectExpr("count(*)", "sum(total)")
            .collectAsList().get(0);
        return rate("the counting query, " + (headers ? "header and timestamp (the connector's records)"
                : "every value parsed (no header)"), input.records(), elapsed,
            String.format(Locale.ROOT, "the batch that read them %.1f s, %,.0f records/s; %,d from headers;"
                    + " %,d final seconds of %,d tweets",
                readingMillis / 1e3, input.records() / (readingMillis / 1e3), input.fromHeaders(),
                published.getLong(0), published.isNullAt(1) ? 0 : published.getLong(1)));
    }

    private static Figure rate(String what, long records, long nanos, String more) {
        double seconds = nanos / 1e9;
        return new Figure(what, records / seconds, String.format(Locale.ROOT, "  %-88s %,9.0f records/s  (%,d in %.1f s%s)",
            what, records / seconds, records, seconds, more.isEmpty() ? "" : "; " + more));
    }

    private static void check(long counted, int records) {
        if (counted != records) {
            throw new IllegalStateException("Read " + counted + " records, expected " + records);
        }
    }

    /** The fixture's JSON cut around the id, the creation time and the keywords, to fill in fast. */
    private static final class Template {

        private static final long ID = 1_234_567_890_123_456_789L;
        private static final long CREATED_AT = 987_654_321_012L;
        private static final String KEYWORD = "__keyword__";

        private final String beforeId;
        private final String beforeCreatedAt;
        private final String beforeKeywords;
        private final String afterKeywords;

        Template() {
            String json = TweetJson.withSchema(ID, Instant.ofEpochMilli(CREATED_AT), KEYWORD);
            int id = json.indexOf(Long.toString(ID));
            int createdAt = json.indexOf(Long.toString(CREATED_AT));
            String keywords = "[\"" + KEYWORD + "\"]";
            int keywordsAt = json.indexOf(keywords);
            beforeId = json.substring(0, id);
            beforeCreatedAt = json.substring(id + Long.toString(ID).length(), createdAt);
            beforeKeywords = json.substring(createdAt + Long.toString(CREATED_AT).length(), keywordsAt);
            afterKeywords = json.substring(keywordsAt + keywords.length());
        }

        String value(long id, long createdAt, String... keywords) {
            StringBuilder value = new StringBuilder(beforeId.length() + beforeKeywords.length() + afterKeywords.length() + 200)
                .append(beforeId).append(id).append(beforeCreatedAt).append(createdAt).append(beforeKeywords).append('[');
            for (int k = 0; k < keywords.length; k++) {
                value.append(k == 0 ? "\"" : ",\"").append(keywords[k]).append('"');
            }
            return value.append(']').append(afterKeywords).toString();
        }
    }
}
