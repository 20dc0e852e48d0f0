package io.tweetstream.connect.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.Fixtures;
import io.tweetstream.connect.record.TweetConverter;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.connect.v2.V2Fixtures;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same tweet, as v1.1 and as X API v2 deliver it, gives the same record: each case is a pair of
 * fixtures of one tweet, {@code tweets/<name>} (v1.1) and {@code v2/<name>}, through the real mappers
 * and the converter. Compared is the whole {@code Struct}, except {@code raw_json} (the payloads
 * differ by nature) and the fields the README calls v2-only, which v1.1 leaves null: where the v1.1
 * payload does carry one (an edited post's history), the two must agree.
 */
class FixtureParityTest {

    /** The README's "v2-only" fields (section "Record value schema"). */
    private static final Set<String> V2_ONLY = Set.of(TweetSchema.CONVERSATION_ID, TweetSchema.EDIT_HISTORY_TWEET_IDS);

    private static final List<String> KEYWORDS = List.of("kafka");

    @ParameterizedTest
    @ValueSource(strings = {"retweet-with-entities.json", "retweet-of-extended.json", "html-escaped.json", "photo.json",
            "video.json", "edited.json", "withheld.json", "possibly-sensitive.json", "reply-with-parent.json"})
    void theSameTweetGivesTheSameRecordOnBothApis(String fixture) {
        Struct v1 = TweetConverter.toStruct(Fixtures.tweet(fixture), KEYWORDS);
        Struct v2 = TweetConverter.toStruct(V2Fixtures.tweet(fixture), KEYWORDS);

        assertThat(comparable(v2, v1)).isEqualTo(comparable(v1, v1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"edited.json"})
    void aV2OnlyFieldV1CarriesIsCompared(String fixture) {
        Struct v1 = TweetConverter.toStruct(Fixtures.tweet(fixture), KEYWORDS);
        Struct v2 = TweetConverter.toStruct(V2Fixtures.tweet(fixture), KEYWORDS);

        assertThat(v1.getArray(TweetSchema.EDIT_HISTORY_TWEET_IDS)).isNotNull()
                .isEqualTo(v2.getArray(TweetSchema.EDIT_HISTORY_TWEET_IDS));
    }

    /** The record without raw_json, and without the v2-only fields the v1.1 record lacks. */
    private static Struct comparable(Struct record, Struct v1) {
        Struct copy = new Struct(record.schema());
        for (Field field : record.schema().fields()) {
            boolean v2Only = V2_ONLY.contains(field.name()) && v1.get(field.name()) == null;
            if (!field.name().equals(TweetSchema.RAW_JSON) && !v2Only) {
                copy.put(field, record.get(field));
            }
        }
        return copy;
    }
}
