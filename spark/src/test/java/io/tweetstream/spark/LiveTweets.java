package io.tweetstream.spark;

import io.tweetstream.simulator.DeliveryDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A live stream of tweets into the tweets topic, in a thread of its own: {@code perSecond} tweets
 * a second for {@code duration}, each created now and written as the connector writes it
 * ({@link TweetJson#connectorRecord}) once its delivery delay has passed, so that they reach the
 * topic out of order, as X delivers them. Counts the tweets it made per second of
 * {@code created_at}.
 */
final class LiveTweets implements AutoCloseable {

    private static final String[] KEYWORDS = {"kafka", "spark", "apache spark", "flink"};

    private final String topic;
    private final int perSecond;
    /** Epoch ms from which no tweet is made: the start plus the duration, unless {@link #endAfter} moved it. */
    private volatile long endAt;
    private final DeliveryDelay delay;
    private final SplittableRandom random = new SplittableRandom(42);
    private final KafkaProducer<String, String> producer;
    private final Thread thread = new Thread(this::run, "live-tweets");
    /** Second (epoch ms of its start) → tweets created in it. Guarded by this. */
    private final Map<Long, Long> made = new TreeMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile long lastCreatedAt;

    private record Pending(long sendAt, ProducerRecord<String, String> record) {}

    LiveTweets(String bootstrapServers, String topic, int perSecond, Duration duration, DeliveryDelay delay) {
        this.topic = topic;
        this.perSecond = perSecond;
        this.endAt = System.currentTimeMillis() + duration.toMillis();
        this.delay = delay;
        this.producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        thread.setDaemon(true);
    }

    LiveTweets start() {
        thread.start();
        return this;
    }

    private void run() {
        PriorityQueue<Pending> undelivered = new PriorityQueue<>(Comparator.comparingLong(Pending::sendAt));
        long start = System.currentTimeMillis();
        long id = 0;
        try {
            while (failure.get() == null) {
                long now = System.currentTimeMillis();
                // Behind schedule (a pause of this thread), the tweets due are made now, together.
                while (start + id * 1000 / perSecond <= Math.min(now, endAt - 1)) {
                    id++;
                    undelivered.add(new Pending(now + delay.draw(random).toMillis(),
                        TweetJson.connectorRecord(topic, id, Instant.ofEpochMilli(now), keywords())));
                    synchronized (this) {
                        made.merge(now - Math.floorMod(now, 1000L), 1L, Long::sum);
                    }
                    lastCreatedAt = now;
                }
                while (!undelivered.isEmpty() && undelivered.peek().sendAt() <= now) {
                    producer.send(undelivered.poll().record(), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                long due = start + id * 1000 / perSecond;
                if (due >= endAt && undelivered.isEmpty()) {
                    break;
                }
                long next = Math.min(due < endAt ? due : Long.MAX_VALUE,
                    undelivered.isEmpty() ? Long.MAX_VALUE : undelivered.peek().sendAt());
                Thread.sleep(Math.max(1, next - System.currentTimeMillis()));
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Makes tweets for {@code duration} from now, and then no more (sooner or later than first said). */
    void endAfter(Duration duration) {
        endAt = System.currentTimeMillis() + duration.toMillis();
    }

    /** None to two phrases, as the connector's header lists the rules' matches. */
    private String[] keywords() {
        return random.ints(random.nextInt(3), 0, KEYWORDS.length).mapToObj(i -> KEYWORDS[i]).distinct()
            .toArray(String[]::new);
    }

    /** Whether every tweet has been made and written (acknowledged); throws if a write failed. */
    boolean done() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("Could not write a tweet to " + topic, e);
        }
        return !thread.isAlive();
    }

    /** Second (epoch ms of its start) → the tweets created in it, so far. */
    synchronized Map<Long, Long> madePerSecond() {
        return new TreeMap<>(made);
    }

    /** The newest tweet's created_at, epoch ms (0 before the first). */
    long lastCreatedAt() {
        return lastCreatedAt;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
