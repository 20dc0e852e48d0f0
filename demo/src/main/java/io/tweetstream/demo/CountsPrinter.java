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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the Spark job's seconds as they arrive on the counts topic: a line for a second's
 * provisional count as soon as the second has ended (the job republishes an open second's count
 * every batch; the first record of it after its end is printed), a line when its count is final
 * (about the job's lateness, 15 s, later), and a line for each late correction. Each line has the
 * total, each keyword and how long after the second's end it was printed. A second's provisional and
 * final lines are printed once each: the Spark job writes a batch again, identical, when it redoes it
 * after a failure or a restart, and a late correction read again (same key) is not added twice.
 *
 * <p>Reads from where the previous run's printer stopped (its group's committed offset), or from
 * the start of the topic, which the demo creates with one partition: Kafka orders records within a
 * partition, and the Spark job publishes a second's records in order.
 */
final class CountsPrinter implements Runnable, AutoCloseable {

    static final String TOTAL = "*";
    static final String GROUP = "tweetstream-demo-printer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final PrintStream out;
    private final Map<Instant, Map<String, Long>> provisional = new ConcurrentSkipListMap<>();
    private final Map<Instant, Map<String, Long>> finals = new ConcurrentSkipListMap<>();
    private final Map<String, Long> lateCorrections = new ConcurrentHashMap<>();
    private final Map<Instant, Long> late = new ConcurrentSkipListMap<>();
    private final List<Instant> provisionalOrder = new CopyOnWriteArrayList<>();
    private final List<Instant> finalOrder = new CopyOnWriteArrayList<>();
    private final List<Duration> provisionalAfterEnd = new CopyOnWriteArrayList<>();
    private final long startedAt = System.nanoTime();
    private volatile long firstLineAfterNanos = -1;
    private final Thread thread;

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
                    read(record.key(), record.value());
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

    private void read(String key, String value) {
        try {
            JsonNode second = JSON.readTree(value);
            Instant start = Instant.parse(second.get("window_start").asText().replace("+00:00", "Z"));
            Instant end = start.plusSeconds(1);
            String status = second.path("status").asText("final");
            switch (status) {
                case "provisional" -> {
                    // The second's count so far, once it has ended: the first such record is printed.
                    if (second.path("lag_ms").asLong(-1) >= 0 && !provisional.containsKey(start) && !finals.containsKey(start)) {
                        provisional.put(start, counts(second, "total", "keywords"));
                        provisionalOrder.add(start);
                        provisionalAfterEnd.add(Duration.between(end, Instant.now()));
                        print(start, "provisional", provisional.get(start), end);
                    }
                }
                case "final" -> {
                    if (!finals.containsKey(start)) {
                        finals.put(start, counts(second, "total", "keywords"));
                        finalOrder.add(start);
                        print(start, "final      ", finals.get(start), end);
                    }
                }
                case "late" -> {
                    if (lateCorrections.putIfAbsent(key, 0L) == null) {
                        Map<String, Long> counts = counts(second, "late", "late_keywords");
                        late.merge(start, counts.get(TOTAL), Long::sum);
                        print(start, "late      +", counts, end);
                    }
                }
                default -> out.println("  (skipped a count of unknown status '" + status + "')");
            }
        } catch (Exception e) {
            out.println("  (skipped a count that could not be read: " + e.getMessage() + ")");
        }
    }

    private static Map<String, Long> counts(JsonNode second, String totalField, String keywordsField) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(TOTAL, second.get(totalField).asLong());
        for (Iterator<Map.Entry<String, JsonNode>> keywords = second.get(keywordsField).fields(); keywords.hasNext(); ) {
            Map.Entry<String, JsonNode> keyword = keywords.next();
            counts.put(keyword.getKey(), keyword.getValue().asLong());
        }
        return counts;
    }

    private void print(Instant second, String what, Map<String, Long> counts, Instant end) {
        StringBuilder line = new StringBuilder(LocalTime.ofInstant(second, ZoneId.systemDefault()).format(TIME));
        line.append("  ").append(what).append(String.format(" total %4d", counts.get(TOTAL)));
        counts.forEach((keyword, count) -> {
            if (!keyword.equals(TOTAL)) {
                line.append(" | ").append(keyword).append(' ').append(count);
            }
        });
        line.append(String.format("   (%.1f s after the second ended)", Duration.between(end, Instant.now()).toMillis() / 1000.0));
        out.println(line);
        if (firstLineAfterNanos < 0) {
            firstLineAfterNanos = System.nanoTime() - startedAt;
        }
    }

    /** The provisional counts printed, by second: the count of each keyword ("*" for the total). */
    Map<Instant, Map<String, Long>> provisionalCounts() {
        return provisional;
    }

    /** The final counts printed, by second: the count of each keyword ("*" for the total). */
    Map<Instant, Map<String, Long>> finalCounts() {
        return finals;
    }

    /** The late tweets of each second that had any, from its late corrections. */
    Map<Instant, Long> lateTotals() {
        return late;
    }

    /** The seconds in the order their provisional counts were printed. */
    List<Instant> provisionalOrder() {
        return List.copyOf(provisionalOrder);
    }

    /** The seconds in the order their final counts were printed. */
    List<Instant> finalOrder() {
        return List.copyOf(finalOrder);
    }

    /** For each provisional count printed, how long after its second's end. */
    List<Duration> provisionalAfterEnd() {
        return List.copyOf(provisionalAfterEnd);
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
