package io.tweetstream.connect.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.connect.Fixtures;
import io.tweetstream.connect.tweet.Tweet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.junit.jupiter.api.Test;

class TweetRecordsTest {

    private final TweetRecords records = new TweetRecords("tweets", "track=kafka,spark");

    @Test
    void tweetRecordIsKeyedByIdAndStampedWithCreationTime() {
        Tweet tweet = Fixtures.tweet("classic.json");

        SourceRecord record = records.tweet(tweet, List.of("kafka"));

        assertThat(record.topic()).isEqualTo("tweets");
        assertThat(record.keySchema()).isEqualTo(TweetSchema.KEY);
        assertThat(record.key()).isEqualTo(1050118621198921728L);
        assertThat(record.valueSchema()).isEqualTo(TweetSchema.VALUE);
        assertThat(((Struct) record.value()).getArray(TweetSchema.MATCHED_KEYWORDS)).containsExactly("kafka");
        assertThat(record.timestamp()).isEqualTo(1539202764000L);
        assertThat(record.sourcePartition()).isEqualTo(Map.of(TweetRecords.PARTITION_FILTER, "track=kafka,spark"));
        assertThat(record.sourceOffset()).isEqualTo(Map.of(
                TweetRecords.OFFSET_TWEET_ID, 1050118621198921728L, TweetRecords.OFFSET_CREATED_AT, 1539202764000L));
    }

    /** What the Spark job reads instead of the value: the phrases as JSON, as the worker's default header converter writes them. */
    @Test
    void tweetRecordCarriesItsMatchedPhrasesAsAJsonArrayHeader() throws Exception {
        Tweet tweet = Fixtures.tweet("classic.json");
        List<String> phrases = List.of("kafka", "say \"hi\"", "naïve\\path");

        SourceRecord record = records.tweet(tweet, phrases);

        Header header = record.headers().lastWithName(TweetRecords.KEYWORDS_HEADER);
        assertThat(header.schema()).isEqualTo(Schema.STRING_SCHEMA);
        try (SimpleHeaderConverter converter = new SimpleHeaderConverter()) {
            converter.configure(Map.of());
            byte[] bytes = converter.fromConnectHeader("tweets", header.key(), header.schema(), header.value());
            assertThat(new ObjectMapper().readValue(bytes, List.class)).isEqualTo(phrases);
        }
        assertThat(records.tweet(tweet, List.of()).headers().lastWithName(TweetRecords.KEYWORDS_HEADER).value())
                .isEqualTo("[]");
        assertThat(records.tombstone(1L, Map.of(), 2L).headers().isEmpty()).isTrue();
    }

    @Test
    void deleteNoticeBecomesTombstone() {
        Map<String, Long> lastOffset = Map.of(TweetRecords.OFFSET_TWEET_ID, 7L, TweetRecords.OFFSET_CREATED_AT, 9L);

        SourceRecord tombstone = records.tombstone(1050118621198921728L, lastOffset, 1700000000000L);

        assertThat(tombstone.key()).isEqualTo(1050118621198921728L);
        assertThat(tombstone.keySchema()).isEqualTo(TweetSchema.KEY);
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.valueSchema()).isNull();
        assertThat(tombstone.sourceOffset()).isEqualTo(lastOffset);
        assertThat(tombstone.timestamp()).isEqualTo(1700000000000L);
    }
}
