package io.tweetstream.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the Spark job's per-second counts as they arrive on the counts topic, one line a second:
 * the total and each keyword, and how late the count came. Keeps every window it saw, for tests.
 */
final class CountsPrinter implements Runnable, AutoCloseable {

    static final String TOTAL = "*";
    private static final long SETTLE_MS = 700;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final KafkaConsumer<String, String> consumer;
    private final PrintStream out;
    private final Map<Instant, Map<String, Long>> windows = new ConcurrentSkipListMap<>();
    private final Map<Instant, Map<String, Long>> printed = new ConcurrentSkipListMap<>();
    private final Map<Instant, Long> lags = new ConcurrentHashMap<>();
    private final Thread thread;

    CountsPrinter(String bootstrapServers, String topic, PrintStream out) {
        this.consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, "tweetstream-demo-printer",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
            new StringDeserializer(), new StringDeserializer());
        this.consumer.subscribe(List.of(topic));
        this.out = out;
        this.thread = new Thread(this, "tweetstream-demo-counts");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Spark writes the rows of the windows a batch closes from several tasks at once, so the rows of
     * one second arrive interleaved with others' within a moment: a second is printed, oldest first,
     * once no row for it has come for {@value #SETTLE_MS} ms.
     */
    @Override
    public void run() {
        TreeMap<Instant, Map<String, Long>> pending = new TreeMap<>();
        Map<Instant, Long> lastRowAt = new java.util.HashMap<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Instant window = read(record.value(), pending);
                    if (window != null) {
                        lastRowAt.put(window, System.nanoTime());
                    }
                }
                long settledBefore = System.nanoTime() - SETTLE_MS * 1_000_000;
                for (Instant window : List.copyOf(pending.keySet())) {
                    if (lastRowAt.get(window) < settledBefore) {
                        print(window, pending.remove(window));
                        lastRowAt.remove(window);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Adds a count row to {@code batch}; returns its window, or null when it could not be read. */
    private Instant read(String value, Map<Instant, Map<String, Long>> batch) {
        try {
            JsonNode count = JSON.readTree(value);
            Instant start = Instant.parse(count.get("window_start").asText().replace("+00:00", "Z"));
            batch.computeIfAbsent(start, s -> new TreeMap<>()).put(count.get("keyword").asText(), count.get("count").asLong());
            windows.computeIfAbsent(start, s -> new ConcurrentSkipListMap<>())
                .put(count.get("keyword").asText(), count.get("count").asLong());
            if (count.has("lag_ms")) {
                lags.put(start, count.get("lag_ms").asLong());
            }
            return start;
        } catch (Exception e) {
            out.println("  (skipped a count that could not be read: " + e.getMessage() + ")");
            return null;
        }
    }

    private void print(Instant window, Map<String, Long> counts) {
        printed.put(window, Map.copyOf(counts));
        StringBuilder line = new StringBuilder(LocalTime.ofInstant(window, ZoneId.systemDefault()).format(TIME));
        line.append(String.format("  total %4d", counts.getOrDefault(TOTAL, 0L)));
        counts.forEach((keyword, count) -> {
            if (!keyword.equals(TOTAL)) {
                line.append(" | ").append(keyword).append(' ').append(count);
            }
        });
        Long lag = lags.get(window);
        if (lag != null) {
            line.append(String.format("   (counted %.1f s after the second ended)", lag / 1000.0));
        }
        out.println(line);
    }

    /** Every window seen so far: its start, and the count of each keyword ("*" for the total). */
    Map<Instant, Map<String, Long>> windows() {
        return windows;
    }

    /** The seconds printed so far, as printed: their rows had settled; a later row would not be shown. */
    Map<Instant, Map<String, Long>> printedWindows() {
        return printed;
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
