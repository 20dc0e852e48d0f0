package io.tweetstream.dashboard.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountParserTest {

    private static final long TEN_O_ONE = Instant.parse("2026-11-25T10:00:01Z").toEpochMilli();

    private final CountParser parser = new CountParser();

    @Test
    void readsTheSparkJobsRecord() throws MalformedCountException {
        WindowCount count = parser.parse("""
                {"window_start":"2026-11-25T10:00:01.000Z","window_end":"2026-11-25T10:00:02.000Z",\
                "keyword":"*","count":12,"lag_ms":2300}""");

        assertThat(count).isEqualTo(new WindowCount(TEN_O_ONE, "*", 12, OptionalLong.of(2300)));
        assertThat(count.isTotal()).isTrue();
    }

    @Test
    void readsAWholeSecondAsItsTotalAndEachKeyword() throws MalformedCountException {
        assertThat(parser.parseAll("""
                {"window_start":"2026-11-25T10:00:01.000Z","window_end":"2026-11-25T10:00:02.000Z",\
                "total":23,"keywords":{"apache kafka":9,"spark":5},"lag_ms":3400}"""))
            .containsExactly(
                new WindowCount(TEN_O_ONE, "*", 23, OptionalLong.of(3400)),
                new WindowCount(TEN_O_ONE, "apache kafka", 9, OptionalLong.of(3400)),
                new WindowCount(TEN_O_ONE, "spark", 5, OptionalLong.of(3400)));
    }

    @Test
    void readsASecondThatMatchedNoKeywordAsItsTotal() throws MalformedCountException {
        assertThat(parser.parseAll("{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":4,\"keywords\":{}}"))
            .containsExactly(new WindowCount(TEN_O_ONE, "*", 4, OptionalLong.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":4}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":4,\"keywords\":[1]}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":-4,\"keywords\":{}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":4,\"keywords\":{\"kafka\":\"many\"}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":4,\"keywords\":{\" \":1}}",
        "{\"total\":4,\"keywords\":{}}"})
    void refusesABrokenSecond(String value) {
        assertThatThrownBy(() -> parser.parseAll(value)).isInstanceOf(MalformedCountException.class);
    }

    @Test
    void readsARowThroughParseAllToo() throws MalformedCountException {
        assertThat(parser.parseAll("{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"kafka\",\"count\":3}"))
            .containsExactly(new WindowCount(TEN_O_ONE, "kafka", 3, OptionalLong.empty()));
    }

    @Test
    void readsAnOffsetTimestampAsTheSameWindowAsZ() throws MalformedCountException {
        WindowCount withZ = parser.parse("{\"window_start\":\"2026-11-25T10:00:01.000Z\",\"keyword\":\"kafka\",\"count\":3}");
        WindowCount withOffset = parser.parse("{\"window_start\":\"2026-11-25T10:00:01.000+00:00\",\"keyword\":\"kafka\",\"count\":3}");

        assertThat(withOffset).isEqualTo(withZ);
        assertThat(withOffset.windowStartMs()).isEqualTo(TEN_O_ONE);
    }

    @Test
    void readsAWindowStartInEpochMillis() throws MalformedCountException {
        assertThat(parser.parse("{\"window_start\":" + TEN_O_ONE + ",\"keyword\":\"spark\",\"count\":1}").windowStartMs())
                .isEqualTo(TEN_O_ONE);
    }

    @Test
    void keepsAKeywordOfSeveralWordsAndNonLatinLetters() throws MalformedCountException {
        assertThat(parser.parse("{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"apache kafka ☕\",\"count\":1}").keyword())
                .isEqualTo("apache kafka ☕");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                       | ''",
        "\"lag_ms\":null,       | ''",
        "\"lag_ms\":\"soon\",   | ''",
        "\"lag_ms\":1500.7,     | 1500"})
    void takesALagThatIsMissingOrOddAsUnknownButKeepsTheCount(String lagField, String expectedLag) throws MalformedCountException {
        WindowCount count = parser.parse("{\"window_start\":\"2026-11-25T10:00:01Z\"," + (lagField == null ? "" : lagField)
                + "\"keyword\":\"*\",\"count\":7}");

        assertThat(count.count()).isEqualTo(7);
        assertThat(count.lagMs()).isEqualTo(expectedLag.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(expectedLag)));
    }

    @Test
    void acceptsACountWrittenAsAWholeDouble() throws MalformedCountException {
        assertThat(parser.parse("{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"*\",\"count\":12.0}").count()).isEqualTo(12);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "", "   ", "null", "42", "\"text\"", "[]", "{", "not json at all", "{\"window_start\":",
        "{}",
        "{\"keyword\":\"*\",\"count\":1}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"count\":1}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"\",\"count\":1}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":7,\"count\":1}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"*\"}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"*\",\"count\":\"12\"}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"*\",\"count\":-1}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"*\",\"count\":1.5}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"*\",\"count\":1e300}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"*\",\"count\":99999999999999999999999}",
        "{\"window_start\":\"tomorrow\",\"keyword\":\"*\",\"count\":1}",
        "{\"window_start\":true,\"keyword\":\"*\",\"count\":1}",
        "{\"window_start\":{\"start\":\"2026-11-25T10:00:01Z\"},\"keyword\":\"*\",\"count\":1}"})
    void rejectsAnythingThatIsNotACountWithAReason(String value) {
        assertThatThrownBy(() -> parser.parse(value))
                .isInstanceOf(MalformedCountException.class)
                .hasMessageMatching("(empty value|not JSON|not a JSON object|no window_start|not a timestamp|no keyword|no whole count"
                        + "|negative count).*");
    }
}
