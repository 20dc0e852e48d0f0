package io.tweetstream.connect.v2.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.v2.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Reads a tweet's id from the key bytes of its record, as the worker's key converter wrote the connector's
 * INT64 key: Kafka's JsonConverter with or without schemas ({@code 123} or
 * {@code {"schema":{...},"payload":123}}), its StringConverter ({@code 123}) or its LongConverter (8 bytes, big
 * endian). Keys of other converters (a schema registry's) are not read.
 */
final class TweetKeys {

    private static final int LONG_BYTES = 8;

    private TweetKeys() {}

    static OptionalLong decode(byte[] key) {
        if (key == null || key.length == 0) {
            return OptionalLong.empty();
        }
        if (isDecimal(key)) {
            return parse(new String(key, StandardCharsets.US_ASCII));
        }
        if (key[0] == '{' || key[0] == '"') {
            return fromJson(key);
        }
        if (key.length == LONG_BYTES) {
            long id = ByteBuffer.wrap(key).getLong();
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * Whether the key is decimal digits. Eight raw bytes of an X id are never all ASCII digits: its first byte
     * stays below '0' (0x30) until ids pass 3.4 * 10^18, decades away.
     */
    private static boolean isDecimal(byte[] key) {
        for (byte b : key) {
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return true;
    }

    private static OptionalLong fromJson(byte[] key) {
        try {
            JsonNode json = Json.MAPPER.readTree(key);
            JsonNode id = json.isObject() ? json.path("payload") : json;
            return id.isIntegralNumber() || id.isTextual() ? parse(id.asText()) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong parse(String text) {
        try {
            long id = Long.parseLong(text.trim());
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
