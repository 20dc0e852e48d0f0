package io.tweetstream.simulator.filter;

import io.tweetstream.simulator.LocationBox;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamFilterParserTest {

    @Test
    void readsEveryParameterTwitter4jSends() throws Exception {
        StreamFilter filter = StreamFilterParser.parse(Map.of(
                "count", "0",
                "track", "kafka, apache  spark,",
                "follow", "12,783214",
                "locations", "-122.75,36.8,-121.75,37.8,-74,40,-73,41",
                "language", "en,es",
                "filter_level", "low",
                "stall_warnings", "true"));

        assertThat(filter.track()).containsExactly("kafka", "apache spark");
        assertThat(filter.follow()).containsExactly(12L, 783_214L);
        assertThat(filter.locations()).containsExactly(
                new LocationBox(-122.75, 36.8, -121.75, 37.8), new LocationBox(-74, 40, -73, 41));
        assertThat(filter.languages()).containsExactly("en", "es");
        assertThat(filter.filterLevel()).isEqualTo("low");
        assertThat(filter.stallWarnings()).isTrue();
    }

    @Test
    void anyOnePredicateIsEnough() throws Exception {
        assertThat(StreamFilterParser.parse(Map.of("follow", "1")).track()).isEmpty();
        assertThat(StreamFilterParser.parse(Map.of("locations", "-180,-90,180,90")).locations()).hasSize(1);
    }

    @Test
    void refusesARequestWithoutTrackFollowOrLocationsWith406() {
        assertRejected(Map.of("count", "0", "language", "en", "track", " , "), 406, "No filter parameters found");
    }

    @Test
    void refusesMalformedParametersWith406() {
        assertRejected(Map.of("follow", "12,abc"), 406, "abc");
        assertRejected(Map.of("follow", "-5"), 406, "-5");
        assertRejected(Map.of("locations", "1,2,3"), 406, "groups of 4");
        assertRejected(Map.of("locations", "10,10,5,20"), 406, "south-west");
        assertRejected(Map.of("locations", "-200,0,0,1"), 406, "longitude");
        assertRejected(Map.of("track", "ok," + "x".repeat(61)), 406, "index 1 too long");
        assertRejected(Map.of("track", "kafka", "filter_level", "high"), 406, "filter_level");
    }

    @Test
    void refusesMoreItemsThanTwitterAllowsWith413() {
        assertRejected(Map.of("track", String.join(",", Collections.nCopies(401, "k"))), 413, "track");
        assertRejected(Map.of("follow", String.join(",", Collections.nCopies(5_001, "1"))), 413, "follow");
        assertRejected(Map.of("locations", String.join(",", Collections.nCopies(26 * 4, "0"))), 413, "locations");
    }

    @Test
    void phraseLengthIsMeasuredInUtf8Bytes() throws Exception {
        String twentyJapanese = "東".repeat(20);

        assertThat(StreamFilterParser.parse(Map.of("track", twentyJapanese)).track()).containsExactly(twentyJapanese);
        assertRejected(Map.of("track", "東".repeat(21)), 406, "too long");
    }

    @Test
    void wordsOfAPhraseAreSeparatedBySpaces() {
        assertThat(StreamFilter.wordsOf("  apache   spark ")).isEqualTo(List.of("apache", "spark"));
    }

    private static void assertRejected(Map<String, String> parameters, int status, String reason) {
        assertThatThrownBy(() -> StreamFilterParser.parse(parameters))
                .isInstanceOfSatisfying(FilterRejectedException.class,
                        rejected -> assertThat(rejected.httpStatus()).isEqualTo(status))
                .hasMessageContaining(reason);
    }
}
