package io.tweetstream.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the Spark job's seconds as they arrive on the counts topic, a line each: the total, each
 * keyword, and how late the count came. Each record is a whole second (the Spark job folds a
 * second's counts into one record), so a line is printed as soon as its record arrives, with no
 * guess about whether more is coming. A second already printed is not printed again: the Spark job
 * writes a batch again, identical, when it redoes it after a failure or a restart.
 *
 * <p>Reads from where the previous run's printer stopped (its group's committed offset), or from
 * the start of the topic, which the demo creates with one partition: Kafka orders records within a
 * partition, and the Spark job writes each batch's seconds oldest first.
 */
final class CountsPrinter implements Runnable, AutoCloseable {

    static final String TOTAL = "*";
    static final String GROUP = "tweetstream-demo-printer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final PrintStream out;
    private final Map<Instant, Map<String, Long>> printed = new ConcurrentSkipListMap<>();
    private final List<Instant> printOrder = new CopyOnWriteArrayList<>();
    private final long startedAt = System.nanoTime();
    private volatile long firstLineAfterNanos = -1;
    private final Thread thread;
    private Instant lastPrinted = Instant.MIN;

    CountsPrinter(String bootstrapServers, String topic, PrintStream out) {
        this.consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, GROUP,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
            new StringDeserializer(), new StringDeserializer());
        this.topic = topic;
        this.out = out;
        this.thread = new Thread(this, "tweetstream-demo-counts");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            assignPartitions();
            while (!Thread.currentThread().isInterrupted()) {
                boolean any = false;
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read(record.value());
                    any = true;
                }
                if (any) {
                    consumer.commitAsync();
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            try {
                consumer.commitSync(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                // the next run prints a few seconds again at worst
            }
            consumer.close();
        }
    }

    /**
     * Assigns the topic's partitions, with no group rebalance to wait for; the consumer then starts
     * at the group's committed offsets, or at the beginning where it has none.
     */
    private void assignPartitions() {
        consumer.assign(consumer.partitionsFor(topic, Duration.ofMinutes(1)).stream()
            .map(info -> new TopicPartition(topic, info.partition())).toList());
    }

    private void read(String value) {
        try {
            JsonNode second = JSON.readTree(value);
            Instant start = Instant.parse(second.get("window_start").asText().replace("+00:00", "Z"));
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(TOTAL, second.get("total").asLong());
            for (Iterator<Map.Entry<String, JsonNode>> keywords = second.get("keywords").fields(); keywords.hasNext(); ) {
                Map.Entry<String, JsonNode> keyword = keywords.next();
                counts.put(keyword.getKey(), keyword.getValue().asLong());
            }
            JsonNode lag = second.get("lag_ms");
            if (start.isAfter(lastPrinted)) {
                print(start, counts, lag != null && lag.isNumber() ? OptionalLong.of(lag.asLong()) : OptionalLong.empty());
            }
        } catch (Exception e) {
            out.println("  (skipped a count that could not be read: " + e.getMessage() + ")");
        }
    }

    private void print(Instant second, Map<String, Long> counts, OptionalLong lagMs) {
        lastPrinted = second;
        StringBuilder line = new StringBuilder(LocalTime.ofInstant(second, ZoneId.systemDefault()).format(TIME));
        line.append(String.format("  total %4d", counts.get(TOTAL)));
        counts.forEach((keyword, count) -> {
            if (!keyword.equals(TOTAL)) {
                line.append(" | ").append(keyword).append(' ').append(count);
            }
        });
        lagMs.ifPresent(lag -> line.append(String.format("   (counted %.1f s after the second ended)", lag / 1000.0)));
        out.println(line);
        printed.put(second, Map.copyOf(counts));
        printOrder.add(second);
        if (firstLineAfterNanos < 0) {
            firstLineAfterNanos = System.nanoTime() - startedAt;
        }
    }

    /** The seconds printed so far, as printed: their start, and the count of each keyword ("*" for the total). */
    Map<Instant, Map<String, Long>> printedWindows() {
        return printed;
    }

    /** The seconds in the order they were printed. */
    List<Instant> printOrder() {
        return List.copyOf(printOrder);
    }

    /** How long after this printer was made it printed its first line; empty while it has printed none. */
    Optional<Duration> firstLineAfter() {
        long nanos = firstLineAfterNanos;
        return nanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
