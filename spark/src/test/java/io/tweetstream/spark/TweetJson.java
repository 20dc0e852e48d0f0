package io.tweetstream.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Record values exactly as the connector's worker writes them with Kafka's JsonConverter. The
 * fixtures are the converter's output for one tweet of the connector's {@code io.tweetstream.Tweet}
 * schema, with {@code schemas.enable} true (the {@code schema} and {@code payload} envelope) and
 * false (the fields alone); a value here is a fixture with another id, creation time and keywords.
 */
final class TweetJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectNode WITH_SCHEMA = load("tweet-schemas-enabled.json");
    private static final ObjectNode WITHOUT_SCHEMA = load("tweet-schemas-disabled.json");

    private TweetJson() {}

    /** A value of a worker with {@code value.converter.schemas.enable=true}. */
    static String withSchema(long id, Instant createdAt, String... keywords) {
        ObjectNode value = WITH_SCHEMA.deepCopy();
        tweet((ObjectNode) value.get("payload"), id, createdAt, keywords);
        return write(value);
    }

    /** A value of a worker with {@code value.converter.schemas.enable=false}. */
    static String withoutSchema(long id, Instant createdAt, String... keywords) {
        ObjectNode value = WITHOUT_SCHEMA.deepCopy();
        tweet(value, id, createdAt, keywords);
        return write(value);
    }

    /**
     * A record as the connector writes it: the value of a worker with {@code schemas.enable=true},
     * {@code created_at} as the record timestamp and the matched phrases in the header
     * {@value TweetValues#KEYWORDS_HEADER}, as Connect's default header converter writes a string.
     */
    static ProducerRecord<String, String> connectorRecord(String topic, long id, Instant createdAt, String... keywords) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, createdAt.toEpochMilli(),
            Long.toString(id), withSchema(id, createdAt, keywords));
        record.headers().add(TweetValues.KEYWORDS_HEADER, write(keywords).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The fixture's {@code schema} object: the JsonConverter's schema of a tweet. */
    static ObjectNode schema() {
        return (ObjectNode) WITH_SCHEMA.get("schema").deepCopy();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static void tweet(ObjectNode tweet, long id, Instant createdAt, String... keywords) {
        tweet.put("id", id);
        tweet.put("created_at", createdAt.toEpochMilli());
        ArrayNode matched = tweet.putArray("matched_keywords");
        for (String keyword : keywords) {
            matched.add(keyword);
        }
    }

    private static ObjectNode load(String fixture) {
        try (InputStream in = TweetJson.class.getResourceAsStream(fixture)) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
