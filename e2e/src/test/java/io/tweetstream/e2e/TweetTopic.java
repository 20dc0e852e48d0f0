package io.tweetstream.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Reads the connector's topic with a plain consumer and the JsonConverter, as a downstream
 * application configured like the worker (keys without schema, values with) would.
 */
final class TweetTopic implements AutoCloseable {

    /**
     * A record as read back: the key, the value (a Struct, or null for a tombstone), the record
     * timestamp and the header of matched phrases as its bytes say (null when absent).
     */
    record Tweet(Object key, Object value, long timestamp, String keywordsHeader) {}

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final JsonConverter keyConverter = new JsonConverter();
    private final JsonConverter valueConverter = new JsonConverter();
    private final String topic;

    TweetTopic(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, false);
    }

    /** @param readCommitted read only what transactions committed, as an exactly-once consumer does */
    TweetTopic(String bootstrapServers, String topic, boolean readCommitted) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted"),
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        keyConverter.configure(Map.of("schemas.enable", "false"), true);
        valueConverter.configure(Map.of("schemas.enable", "true"), false);
    }

    /** What arrived within one poll. */
    List<Tweet> poll() {
        List<Tweet> tweets = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            SchemaAndValue key = keyConverter.toConnectData(topic, record.key());
            SchemaAndValue value = valueConverter.toConnectData(topic, record.value());
            Header keywords = record.headers().lastHeader("tweetstream.matched_keywords");
            tweets.add(new Tweet(key.value(), value.value(), record.timestamp(),
                keywords == null ? null : new String(keywords.value(), StandardCharsets.UTF_8)));
        }
        return tweets;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
