package io.tweetstream.dashboard.kafka;

import io.tweetstream.dashboard.count.CountIngester;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the counts topic into the store, on a thread of its own.
 *
 * <p>No consumer group: every partition is assigned by hand and, at start, sought to the first record
 * written within {@code history} (by record timestamp), so the chart opens with the last minutes
 * instead of empty. Nothing is committed, so any number of dashboards can read the same topic
 * without taking partitions from each other, and a restarted one simply reloads its history. The
 * topic may not exist yet (the Spark job creates it on its first write): the consumer waits for it
 * and looks for new partitions every {@value #PARTITION_CHECK_MS} ms.
 *
 * <p>Each record's key and value go to the ingester: the key identifies a late correction. Fetches
 * are answered as soon as a record is written, so a count is in the store about 100 ms after.
 */
public final class CountsConsumer implements AutoCloseable {

    /** Where the consumer is, for {@code /health}. */
    public enum State { STARTING, WAITING_FOR_TOPIC, CONSUMING, RETRYING, STOPPED }

    private static final Logger log = LoggerFactory.getLogger(CountsConsumer.class);

    /** How long poll() may wait when nothing comes: it returns as soon as records do, so this adds no delay. */
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    static final int FETCH_MAX_WAIT_MS = 100;
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
    private static final long PARTITION_CHECK_MS = 30_000;
    private static final long RETRY_BACKOFF_MS = 1_000;

    private final Consumer<String, String> consumer;
    private final String bootstrapServers;
    private final String topic;
    private final Duration history;
    private final CountIngester ingester;
    private final Clock clock;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile State state = State.STARTING;
    private long nextPartitionCheckMs;

    CountsConsumer(Consumer<String, String> consumer, String bootstrapServers, String topic, Duration history, CountIngester ingester,
            Clock clock) {
        this.consumer = consumer;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.history = history;
        this.ingester = ingester;
        this.clock = clock;
        this.thread = new Thread(this::run, "counts-consumer");
    }

    /**
     * A consumer of {@code topic} on {@code bootstrapServers}, not reading yet: {@link #start()} it.
     *
     * @throws IllegalArgumentException when the client rejects {@code bootstrapServers}
     */
    public static CountsConsumer create(String bootstrapServers, String topic, Duration history, CountIngester ingester) {
        KafkaConsumer<String, String> client;
        try {
            client = new KafkaConsumer<>(config(bootstrapServers));
        } catch (KafkaException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("cannot use bootstrap servers '" + bootstrapServers + "': " + cause.getMessage(), e);
        }
        return new CountsConsumer(client, bootstrapServers, topic, history, ingester, Clock.systemUTC());
    }

    /** Starts reading, on a thread of its own. */
    public void start() {
        thread.start();
    }

    static Properties config(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tweetstream-dashboard");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Waiting for the topic must not create it with broker defaults before the Spark job does.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // Only used when a sought offset has been deleted meanwhile.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // A record should be in the store within about 100 ms of its write: the page shows a second's
        // count within a second of its end. With fetch.min.bytes 1 the broker answers a waiting fetch
        // as soon as a record arrives; fetch.max.wait.ms (default 500) bounds the wait in any case,
        // for the price of ten empty fetches a second on an idle topic.
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(FETCH_MAX_WAIT_MS));
        return config;
    }

    public State state() {
        return state;
    }

    private void run() {
        try {
            while (closing.getCount() > 0) {
                try {
                    if (clock.millis() >= nextPartitionCheckMs) {
                        assignNewPartitions();
                    }
                    if (consumer.assignment().isEmpty()) {
                        enter(State.WAITING_FOR_TOPIC);
                        nextPartitionCheckMs = 0;
                        pause(RETRY_BACKOFF_MS);
                        continue;
                    }
                    enter(State.CONSUMING);
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
                        ingester.accept(record.key(), record.value());
                    }
                } catch (WakeupException e) {
                    // close() woke us up: the loop ends.
                } catch (KafkaException e) {
                    if (state != State.RETRYING) {
                        log.warn("Cannot read topic {} from {}; retrying every {} ms: {}", topic, bootstrapServers, RETRY_BACKOFF_MS,
                                e.toString());
                    } else {
                        log.debug("Still cannot read topic {}: {}", topic, e.toString());
                    }
                    state = State.RETRYING;
                    pause(RETRY_BACKOFF_MS);
                }
            }
        } catch (RuntimeException e) {
            log.error("The counts consumer stopped; the chart will not update any more", e);
        } finally {
            state = State.STOPPED;
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** Moves to {@code next}, saying so once per change rather than once per attempt. */
    private void enter(State next) {
        if (next == state) {
            return;
        }
        if (next == State.WAITING_FOR_TOPIC) {
            log.info("Topic {} does not exist yet; waiting for the Spark job to create it", topic);
        } else if (next == State.CONSUMING && state == State.RETRYING) {
            log.info("Reading topic {} again", topic);
        }
        state = next;
    }

    /**
     * Assigns the partitions not assigned yet, each sought to the start of the history. Offsets are
     * looked up before anything is assigned, so a failure leaves no partition at the reset position
     * (the end) and the next loop tries again.
     */
    private void assignNewPartitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        Set<TopicPartition> assigned = new HashSet<>(consumer.assignment());
        Map<TopicPartition, Long> fresh = new HashMap<>();
        long historyStart = clock.millis() - history.toMillis();
        for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
            TopicPartition partition = new TopicPartition(info.topic(), info.partition());
            if (!assigned.contains(partition)) {
                fresh.put(partition, historyStart);
            }
        }
        if (!fresh.isEmpty()) {
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(fresh, METADATA_TIMEOUT);
            assigned.addAll(fresh.keySet());
            consumer.assign(assigned);
            for (TopicPartition partition : fresh.keySet()) {
                OffsetAndTimestamp offset = offsets.get(partition);
                if (offset == null) {
                    consumer.seekToEnd(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            log.info("Reading {} partition(s) of {}, from the records of the last {} s", assigned.size(), topic, history.toSeconds());
        }
        nextPartitionCheckMs = clock.millis() + PARTITION_CHECK_MS;
    }

    private void pause(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
        }
    }

    /** Stops reading and closes the consumer; safe to call from any thread, more than once, started or not. */
    @Override
    public synchronized void close() {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        if (thread.getState() == Thread.State.NEW) {
            state = State.STOPPED;
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
