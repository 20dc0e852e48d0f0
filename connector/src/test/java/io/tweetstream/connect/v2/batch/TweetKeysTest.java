package io.tweetstream.connect.v2.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

/** The tweet id read back from the key bytes that Kafka's own converters write for the connector's INT64 key. */
class TweetKeysTest {

    private static final long ID = 1_861_234_567_890_123_456L;

    private static byte[] json(boolean schemas) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", Boolean.toString(schemas)), true);
        return converter.fromConnectData("tweets", Schema.INT64_SCHEMA, ID);
    }

    @Test
    void readsTheKeysOfJsonStringAndLongConverters() {
        StringConverter string = new StringConverter();
        string.configure(Map.of(), true);

        assertThat(TweetKeys.decode(json(false))).hasValue(ID);
        assertThat(TweetKeys.decode(json(true))).hasValue(ID);
        assertThat(TweetKeys.decode(string.fromConnectData("tweets", Schema.INT64_SCHEMA, ID))).hasValue(ID);
        // Kafka's LongConverter writes what its LongSerializer does.
        try (LongSerializer longs = new LongSerializer()) {
            assertThat(TweetKeys.decode(longs.serialize("tweets", ID))).hasValue(ID);
        }
    }

    @Test
    void eightRawBytesOfAnIdAreNotTakenForDigits() {
        byte[] raw = ByteBuffer.allocate(8).putLong(ID).array();
        assertThat(TweetKeys.decode(raw)).hasValue(ID);
        assertThat(TweetKeys.decode("12345678".getBytes(StandardCharsets.US_ASCII))).hasValue(12_345_678L);
    }

    @Test
    void keysThatAreNoIdAreNotRead() {
        assertThat(TweetKeys.decode(null)).isEmpty();
        assertThat(TweetKeys.decode(new byte[0])).isEmpty();
        assertThat(TweetKeys.decode("kafka".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(TweetKeys.decode("{\"schema\":{\"type\":\"string\"},\"payload\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // A schema registry's Avro key: a magic byte, a schema id and a varint.
        assertThat(TweetKeys.decode(new byte[] {0, 0, 0, 0, 1, (byte) 0x80, 0x01})).isEmpty();
    }
}
