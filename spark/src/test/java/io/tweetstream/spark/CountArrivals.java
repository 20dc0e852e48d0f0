package io.tweetstream.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the job's counts topic (Kafka sink, see {@link CountWriter}) as it is written, in a thread
 * of its own, and notes per second when its records arrived here (wall clock): the first
 * provisional one, the first provisional one that a batch started after the second's end published
 * ({@code lag_ms >= 0}: the whole second, as delivered so far), and the final one, with the final
 * total and the late corrections' tweets.
 */
final class CountArrivals implements AutoCloseable {

    /**
     * One second's arrivals, epoch ms ({@code null}: none yet).
     *
     * @param provisionalBeforeFinal whether a provisional record had arrived when the first final one did
     * @param finals final records received (more than one: a replayed batch, or a bug)
     * @param provisionalAfterFinal whether a provisional record arrived after a final one (a bug)
     */
    record Second(long start, Long firstProvisionalAt, Long closedProvisionalAt, Long finalAt, long finalTotal,
                  long lateTotal, boolean provisionalBeforeFinal, int finals, boolean provisionalAfterFinal) {
        static Second none(long start) {
            return new Second(start, null, null, null, 0, 0, false, 0, false);
        }

        long end() {
            return start + 1000;
        }
    }

    /** What has arrived of one second. */
    private static final class Arrivals {
        Long firstProvisionalAt;
        Long closedProvisionalAt;
        Long finalAt;
        long finalTotal;
        /** Late corrections by key: a replayed batch writes the same record again under the same key. */
        final Map<String, Long> late = new HashMap<>();
        boolean provisionalBeforeFinal;
        int finals;
        boolean provisionalAfterFinal;

        Second snapshot(long start) {
            return new Second(start, firstProvisionalAt, closedProvisionalAt, finalAt, finalTotal,
                late.values().stream().mapToLong(Long::longValue).sum(), provisionalBeforeFinal, finals,
                provisionalAfterFinal);
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread = new Thread(this::run, "count-arrivals");
    /** Second (epoch ms of its start) → its arrivals. Guarded by this. */
    private final Map<Long, Arrivals> seconds = new TreeMap<>();
    private volatile long firstRecordAt;
    private volatile RuntimeException failure;

    CountArrivals(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            // Returned as soon as a record is there: the arrival times are the broker's, not the poll's.
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50"),
            new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread.setDaemon(true);
    }

    CountArrivals start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    arrived(record, System.currentTimeMillis());
                }
            }
        } catch (WakeupException e) {
            // close()
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private synchronized void arrived(ConsumerRecord<String, String> record, long now) {
        if (firstRecordAt == 0) {
            firstRecordAt = now;
        }
        JsonNode value = read(record.value());
        long start = Instant.parse(value.get(TweetCounts.WINDOW_START).asText()).toEpochMilli();
        Arrivals second = seconds.computeIfAbsent(start, s -> new Arrivals());
        switch (CountStatus.valueOf(value.get(TweetCounts.STATUS).asText().toUpperCase(Locale.ROOT))) {
            case PROVISIONAL -> {
                second.firstProvisionalAt = first(second.firstProvisionalAt, now);
                if (value.get(TweetCounts.LAG_MS).asLong() >= 0) {
                    second.closedProvisionalAt = first(second.closedProvisionalAt, now);
                }
                second.provisionalAfterFinal |= second.finals > 0;
            }
            case FINAL -> {
                if (second.finals++ == 0) {
                    second.finalAt = now;
                    second.finalTotal = value.get(TweetCounts.TOTAL).asLong();
                    second.provisionalBeforeFinal = second.firstProvisionalAt != null;
                }
            }
            case LATE -> second.late.put(record.key(), value.get("late").asLong());
        }
    }

    private static Long first(Long earlier, long now) {
        return earlier != null ? earlier : now;
    }

    private static JsonNode read(String json) {
        try {
            return TweetJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Second (epoch ms of its start) → its arrivals so far; throws if reading failed. */
    synchronized Map<Long, Second> seconds() {
        if (failure != null) {
            throw new IllegalStateException("Could not read the counts", failure);
        }
        Map<Long, Second> snapshot = new TreeMap<>();
        seconds.forEach((start, second) -> snapshot.put(start, second.snapshot(start)));
        return snapshot;
    }

    /** When the first count record of any second arrived, epoch ms (0: none yet). */
    long firstRecordAt() {
        return firstRecordAt;
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(10));
    }
}
