package io.tweetstream.dashboard.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountParserTest {

    private static final long TEN_O_ONE = Instant.parse("2026-11-25T10:00:01Z").toEpochMilli();
    private static final String LATE_KEY = "2026-11-25T10:00:01.000Z late 2026-11-25T10:01:08.250Z";

    private final CountParser parser = new CountParser();

    @Test
    void readsAProvisionalSecond() throws MalformedCountException {
        assertThat(parse("""
                {"window_start":"2026-11-25T10:00:01.000Z","window_end":"2026-11-25T10:00:02.000Z","status":"provisional",\
                "total":23,"keywords":{"apache spark":5,"kafka":12},"lag_ms":-120}"""))
            .isEqualTo(new SecondCount(TEN_O_ONE, false, 23, Map.of("apache spark", 5L, "kafka", 12L), OptionalLong.of(-120)));
    }

    @Test
    void readsAFinalSecond() throws MalformedCountException {
        assertThat(parse("""
                {"window_start":"2026-11-25T10:00:01.000Z","window_end":"2026-11-25T10:00:02.000Z","status":"final",\
                "total":24,"keywords":{"apache spark":5,"kafka":13},"lag_ms":15230}"""))
            .isEqualTo(new SecondCount(TEN_O_ONE, true, 24, Map.of("apache spark", 5L, "kafka", 13L), OptionalLong.of(15230)));
    }

    @Test
    void readsALateCorrectionIdentifiedByItsRecordKey() throws MalformedCountException {
        assertThat(parser.parse(LATE_KEY, """
                {"window_start":"2026-11-25T10:00:01.000Z","window_end":"2026-11-25T10:00:02.000Z","status":"late",\
                "late":2,"late_keywords":{"kafka":1},"lag_ms":67000}"""))
            .isEqualTo(new LateCorrection(TEN_O_ONE, LATE_KEY, 2, Map.of("kafka", 1L), OptionalLong.of(67000)));
    }

    @Test
    void identifiesALateCorrectionWithoutAKeyByItsValue() throws MalformedCountException {
        String value = "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"late\",\"late\":2,\"late_keywords\":{}}";

        assertThat(parse(value)).isEqualTo(new LateCorrection(TEN_O_ONE, value, 2, Map.of(), OptionalLong.empty()));
    }

    @Test
    void readsAWholeSecondWithoutStatusAsFinal() throws MalformedCountException {
        assertThat(parse("""
                {"window_start":"2026-11-25T10:00:01.000Z","window_end":"2026-11-25T10:00:02.000Z",\
                "total":23,"keywords":{"apache kafka":9,"spark":5},"lag_ms":3400}"""))
            .isEqualTo(new SecondCount(TEN_O_ONE, true, 23, Map.of("apache kafka", 9L, "spark", 5L), OptionalLong.of(3400)));
    }

    @Test
    void readsACountRowOfAnEarlierJob() throws MalformedCountException {
        CountRecord row = parse("""
                {"window_start":"2026-11-25T10:00:01.000Z","window_end":"2026-11-25T10:00:02.000Z",\
                "keyword":"*","count":12,"lag_ms":2300}""");

        assertThat(row).isEqualTo(new WindowCount(TEN_O_ONE, "*", 12, OptionalLong.of(2300)));
        assertThat(((WindowCount) row).isTotal()).isTrue();
    }

    @Test
    void readsASecondThatMatchedNoKeywordAsItsTotal() throws MalformedCountException {
        assertThat(parse("{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"provisional\",\"total\":4,\"keywords\":{}}"))
            .isEqualTo(new SecondCount(TEN_O_ONE, false, 4, Map.of(), OptionalLong.empty()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"Final\"         | true",
        "\" provisional \" | false",
        "null              | true"})
    void readsTheStatusWhateverItsCaseAndANullOneAsNone(String status, boolean expectedFinal) throws MalformedCountException {
        SecondCount second = (SecondCount) parse("{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":" + status
                + ",\"total\":4,\"keywords\":{}}");

        assertThat(second.isFinal()).isEqualTo(expectedFinal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"pending\"", "\"\"", "5", "true", "{\"final\":true}"})
    void refusesAnUnknownStatus(String status) {
        assertThatThrownBy(() -> parse("{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":" + status + ",\"total\":4,\"keywords\":{}}"))
                .isInstanceOf(MalformedCountException.class)
                .hasMessageStartingWith("unknown status");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":4}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":4,\"keywords\":[1]}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":-4,\"keywords\":{}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":4,\"keywords\":{\"kafka\":\"many\"}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":4,\"keywords\":{\" \":1}}",
        "{\"total\":4,\"keywords\":{}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"provisional\",\"keywords\":{}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"provisional\",\"total\":4}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"final\",\"keyword\":\"*\",\"count\":4}",
        "{\"status\":\"final\",\"total\":4,\"keywords\":{}}"})
    void refusesABrokenSecond(String value) {
        assertThatThrownBy(() -> parse(value)).isInstanceOf(MalformedCountException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"late\",\"late_keywords\":{}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"late\",\"late\":-1,\"late_keywords\":{}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"late\",\"late\":1}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"late\",\"late\":1,\"late_keywords\":[\"kafka\"]}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"late\",\"late\":1,\"late_keywords\":{\"\":1}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"late\",\"late\":1,\"late_keywords\":{\"kafka\":0.5}}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"late\",\"total\":4,\"keywords\":{}}",
        "{\"status\":\"late\",\"late\":1,\"late_keywords\":{}}"})
    void refusesABrokenLateCorrection(String value) {
        assertThatThrownBy(() -> parser.parse(LATE_KEY, value))
                .isInstanceOf(MalformedCountException.class)
                .hasMessageMatching("(no whole count|negative count|no late_keywords object|a blank keyword|no window_start).*");
    }

    @Test
    void readsAnOffsetTimestampAsTheSameWindowAsZ() throws MalformedCountException {
        CountRecord withZ = parse("{\"window_start\":\"2026-11-25T10:00:01.000Z\",\"keyword\":\"kafka\",\"count\":3}");
        CountRecord withOffset = parse("{\"window_start\":\"2026-11-25T10:00:01.000+00:00\",\"keyword\":\"kafka\",\"count\":3}");

        assertThat(withOffset).isEqualTo(withZ);
        assertThat(withOffset.windowStartMs()).isEqualTo(TEN_O_ONE);
    }

    @Test
    void readsAWindowStartInEpochMillis() throws MalformedCountException {
        assertThat(parse("{\"window_start\":" + TEN_O_ONE + ",\"status\":\"final\",\"total\":1,\"keywords\":{}}").windowStartMs())
                .isEqualTo(TEN_O_ONE);
    }

    @Test
    void keepsAKeywordOfSeveralWordsAndNonLatinLetters() throws MalformedCountException {
        SecondCount second = (SecondCount) parse(
                "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"final\",\"total\":1,\"keywords\":{\"apache kafka ☕\":1}}");

        assertThat(second.keywords()).containsOnlyKeys("apache kafka ☕");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                       | ''",
        "\"lag_ms\":null,       | ''",
        "\"lag_ms\":\"soon\",   | ''",
        "\"lag_ms\":1500.7,     | 1500",
        "\"lag_ms\":-250,       | -250"})
    void takesALagThatIsMissingOrOddAsUnknownButKeepsTheCount(String lagField, String expectedLag) throws MalformedCountException {
        CountRecord second = parse("{\"window_start\":\"2026-11-25T10:00:01Z\"," + (lagField == null ? "" : lagField)
                + "\"status\":\"provisional\",\"total\":7,\"keywords\":{}}");

        assertThat(((SecondCount) second).total()).isEqualTo(7);
        assertThat(second.lagMs()).isEqualTo(expectedLag.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(expectedLag)));
    }

    @Test
    void acceptsACountWrittenAsAWholeDouble() throws MalformedCountException {
        assertThat(((WindowCount) parse("{\"window_start\":\"2026-11-25T10:00:01Z\",\"keyword\":\"*\",\"count\":12.0}")).count())
                .isEqualTo(12);
        assertThat(((SecondCount) parse("{\"window_start\":\"2026-11-25T10:00:01Z\",\"total\":3.0,\"keywords\":{\"kafka\":2.0}}"))
                .keywords()).containsEntry("kafka", 2L);
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
        "{\"window_start\":{\"start\":\"2026-11-25T10:00:01Z\"},\"keyword\":\"*\",\"count\":1}",
        "{\"window_start\":\"2026-11-25T10:00:01Z\",\"status\":\"soon\",\"total\":1,\"keywords\":{}}"})
    void rejectsAnythingThatIsNotACountWithAReason(String value) {
        assertThatThrownBy(() -> parse(value))
                .isInstanceOf(MalformedCountException.class)
                .hasMessageMatching("(empty value|not JSON|not a JSON object|no window_start|not a timestamp|no keyword|no whole count"
                        + "|negative count|unknown status).*");
    }

    private CountRecord parse(String value) throws MalformedCountException {
        return parser.parse(null, value);
    }
}
