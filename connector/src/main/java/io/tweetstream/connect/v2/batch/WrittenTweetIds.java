package io.tweetstream.connect.v2.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of the tweets the topic holds that were made since a time (a tweet's record carries its creation time
 * as timestamp) and not tombstoned since: what a compliance job must check. Reads each partition from the first
 * record at that time to its end as it was when the read began, committed records only, with a consumer of its
 * own (no group, nothing committed). Ids are kept as a sorted {@code long[]}, 8 bytes each.
 */
public final class WrittenTweetIds {

    private static final Logger log = LoggerFactory.getLogger(WrittenTweetIds.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long PROGRESS_EVERY_MS = 10_000;

    /**
     * @param ids sorted, distinct, none tombstoned after its record
     * @param unreadableKeys records whose key {@link TweetKeys} could not read
     */
    public record Read(long[] ids, long records, long unreadableKeys) {}

    private WrittenTweetIds() {}

    /**
     * @param consumerConfig the consumer's settings: {@code bootstrap.servers} and any security settings
     * @param stop says when to give up (the task is stopping)
     */
    static Read since(Map<String, Object> consumerConfig, String topic, Instant since, BooleanSupplier stop) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(1)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofMinutes(1)));
            Map<TopicPartition, Long> starts = new HashMap<>();
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(partition -> query.put(partition, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, Duration.ofMinutes(1));
            found.forEach((partition, offset) -> {
                if (offset != null && offset.offset() < ends.get(partition)) {
                    starts.put(partition, offset.offset());
                }
            });
            // Tweets arrive out of order, so a few records before the first of the time may hold tweets made
            // after it, and a few after it tweets made before: the timestamp is checked record by record.
            consumer.assign(starts.keySet());
            starts.forEach(consumer::seek);
            long toRead = starts.entrySet().stream().mapToLong(e -> ends.get(e.getKey()) - e.getValue()).sum();
            return read(consumer, ends, starts, since, toRead, topic, stop);
        }
    }

    private static Read read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends,
            Map<TopicPartition, Long> starts, Instant since, long toRead, String topic, BooleanSupplier stop) {
        LongList written = new LongList();
        LongList tombstoned = new LongList();
        long records = 0;
        long unreadable = 0;
        long nextProgress = System.currentTimeMillis() + PROGRESS_EVERY_MS;
        Map<TopicPartition, Long> remaining = new HashMap<>(starts);
        while (!remaining.isEmpty() && !stop.getAsBoolean()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= ends.get(partition)) {
                    continue;
                }
                records++;
                OptionalLong id = TweetKeys.decode(record.key());
                if (id.isEmpty()) {
                    unreadable++;
                } else if (record.value() == null) {
                    tombstoned.add(id.getAsLong());
                } else if (record.timestamp() >= since.toEpochMilli()) {
                    written.add(id.getAsLong());
                }
            }
            remaining.keySet().removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            consumer.pause(consumer.assignment().stream().filter(p -> !remaining.containsKey(p)).toList());
            if (System.currentTimeMillis() >= nextProgress) {
                log.info("Reading the tweet ids of topic {} for a compliance job: {} of {} records", topic, records,
                        toRead);
                nextProgress = System.currentTimeMillis() + PROGRESS_EVERY_MS;
            }
        }
        return new Read(written.sortedWithout(tombstoned), records, unreadable);
    }

    /** A growable list of longs: millions of ids without a boxed {@code Long} each. */
    private static final class LongList {

        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        /** The distinct values, sorted, without any in {@code removed}. */
        long[] sortedWithout(LongList removed) {
            long[] kept = Arrays.copyOf(values, size);
            Arrays.sort(kept);
            long[] gone = Arrays.copyOf(removed.values, removed.size);
            Arrays.sort(gone);
            int out = 0;
            for (int i = 0; i < kept.length; i++) {
                long id = kept[i];
                if ((out == 0 || kept[out - 1] != id) && Arrays.binarySearch(gone, id) < 0) {
                    kept[out++] = id;
                }
            }
            return Arrays.copyOf(kept, out);
        }
    }
}
