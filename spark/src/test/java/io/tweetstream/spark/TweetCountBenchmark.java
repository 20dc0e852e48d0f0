package io.tweetstream.spark;

import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.WorkDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * How fast the counting query gets through a topic: a broker of the testkit, a topic pre-filled
 * with tweets as the connector's worker writes them ({@code schemas.enable=true}, so each value
 * carries the converter's full schema), then the query in a {@code local[2]} session with the
 * available-now trigger, into a memory table. Prints the rates. Not a test: run it with
 * <pre>mvn -B -pl spark test-compile exec:exec@benchmark -Dexec.args="[records] [seconds]"</pre>
 * (defaults 1,000,000 tweets over 1,000 seconds of created_at).
 */
public final class TweetCountBenchmark {

    private static final String[] KEYWORDS = {"kafka", "spark", "apache spark", "flink", "streaming",
        "java", "scala", "python", "data", "cloud", "ai", "open source"};
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TOPIC = "tweets";

    private TweetCountBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path workDir = Path.of("target", "benchmark").toAbsolutePath();
        WorkDirectory.clean(workDir);
        try (KafkaBroker broker = KafkaBroker.start(workDir.resolve("broker"))) {
            produce(broker.bootstrapServers(), records, seconds);
            count(broker.bootstrapServers(), workDir, records);
        }
    }

    private static void produce(String bootstrapServers, int records, int seconds) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
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
                byte[] value = template.value(id, createdAt, keywords(random)).getBytes(StandardCharsets.UTF_8);
                bytes += value.length;
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(id).getBytes(StandardCharsets.UTF_8), value));
            }
            producer.flush();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Produced %,d tweets (%,.1f MB of JSON values, %,d bytes each on average)"
                + " in %.1f s: %,.0f tweets/s, %,.1f MB/s%n",
            records, bytes / 1e6, bytes / records, elapsed, records / elapsed, bytes / 1e6 / elapsed);
    }

    /** One to three distinct keywords, the first ones more often, as some topics are more popular. */
    private static String[] keywords(SplittableRandom random) {
        Set<String> chosen = new LinkedHashSet<>();
        int n = 1 + random.nextInt(3);
        while (chosen.size() < n) {
            chosen.add(KEYWORDS[Math.min(random.nextInt(KEYWORDS.length), random.nextInt(KEYWORDS.length))]);
        }
        return chosen.toArray(String[]::new);
    }

    private static void count(String bootstrapServers, Path workDir, int records) throws Exception {
        SparkSession spark = SparkSession.builder()
            .master("local[2]")
            .appName("TweetCountBenchmark")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
        try {
            TweetCountOptions options = TweetCountOptions.parse(
                "--bootstrap-servers", bootstrapServers,
                "--topic", TOPIC,
                "--checkpoint-dir", workDir.resolve("checkpoint").toString(),
                "--trigger", TweetCountOptions.AVAILABLE_NOW);
            long start = System.nanoTime();
            StreamingQuery query = TweetCountQuery.counts(TweetCountQuery.records(spark, options), options)
                .writeStream()
                .format("memory")
                .queryName("benchmark_counts")
                .outputMode("append")
                .option("checkpointLocation", options.checkpointDir())
                .trigger(TweetCountQuery.trigger(options))
                .start();
            query.awaitTermination();
            double elapsed = (System.nanoTime() - start) / 1e9;

            InputMetrics input = InputMetrics.NONE;
            long readingMillis = 0;
            for (StreamingQueryProgress progress : query.recentProgress()) {
                input = input.plus(InputMetrics.of(progress));
                if (progress.numInputRows() > 0) {
                    readingMillis += progress.durationMs().get("triggerExecution");
                }
            }
            List<Row> totals = spark.table("benchmark_counts").where("keyword = '*'").selectExpr("count(*)", "sum(count)")
                .collectAsList();
            System.out.printf(Locale.ROOT, "Counted %,d records (%,d tweets, %,d malformed, %,d tombstones)"
                    + " with local[2] in %.1f s: %,.0f records/s%n",
                input.records(), input.counted(), input.malformed(), input.tombstones(), elapsed, input.records() / elapsed);
            System.out.printf(Locale.ROOT, "  of which the batches that read them: %.1f s, %,.0f records/s;"
                    + " the rest is the query's start and the batch that emits the last windows%n",
                readingMillis / 1e3, input.records() / (readingMillis / 1e3));
            System.out.printf(Locale.ROOT, "Emitted %,d one-second windows holding %,d tweets; the last ones stay"
                    + " open until later tweets move the watermark past them%n",
                totals.get(0).getLong(0), totals.get(0).isNullAt(1) ? 0 : totals.get(0).getLong(1));
            if (input.records() != records) {
                throw new IllegalStateException("Read " + input.records() + " records, expected " + records);
            }
        } finally {
            spark.stop();
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
