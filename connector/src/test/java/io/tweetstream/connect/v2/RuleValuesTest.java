package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.config.BoundingBox;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RuleValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kafka|kafka",
        "apache kafka|apache kafka",
        "  apache   kafka |apache kafka",
        "#kafka|#kafka",
        "@apachekafka|@apachekafka",
        "$TSLA|$TSLA",
        "café olé|café olé",
        "c++|\"c++\"",
        "don't|\"don't\"",
        "-kafka|\"-kafka\"",
        "from:123|\"from:123\"",
        "OR|\"OR\"",
        "say \"hi\"|say \"\\\"hi\\\"\"",
    })
    void phraseWordsAreAndedAndOddWordsQuoted(String phrase, String rule) {
        assertThat(RuleValues.phrase(phrase, List.of())).isEqualTo(rule);
    }

    @Test
    void languagesRestrictEveryRule() {
        assertThat(RuleValues.phrase("apache kafka", List.of("en"))).isEqualTo("apache kafka lang:en");
        assertThat(RuleValues.phrase("kafka", List.of("en", "de"))).isEqualTo("kafka (lang:en OR lang:de)");
    }

    @Test
    void followedUsersArePackedIntoRulesThatFit() {
        List<Long> ids = LongStream.rangeClosed(1_000_001, 1_000_100).boxed().toList();

        List<String> rules = RuleValues.followed(ids, List.of("en"), 100);

        assertThat(rules).allSatisfy(rule -> assertThat(rule.length()).isLessThanOrEqualTo(100));
        assertThat(rules).allSatisfy(rule -> assertThat(rule).startsWith("(from:").endsWith(") lang:en"));
        assertThat(String.join(" OR ", rules).split("from:")).hasSize(101);
        // 97 characters; a sixth id would make 102.
        assertThat(rules.get(0)).isEqualTo("(from:1000001 OR from:1000002 OR from:1000003 OR from:1000004 OR"
                + " from:1000005) lang:en");
    }

    @Test
    void aSingleClauseNeedsNoParentheses() {
        assertThat(RuleValues.followed(List.of(42L), List.of(), 1024)).containsExactly("from:42");
        assertThat(RuleValues.followed(List.of(42L), List.of("en"), 1024)).containsExactly("from:42 lang:en");
        assertThat(RuleValues.followed(List.of(), List.of("en"), 1024)).isEmpty();
    }

    @Test
    void locationsBecomeBoundingBoxes() {
        List<String> rules = RuleValues.located(
                List.of(new BoundingBox(-74.0, 40.5, -73.5, 41.0), new BoundingBox(2.2, 48.8, 2.5, 48.9)), List.of(), 1024);

        assertThat(rules).containsExactly(
                "bounding_box:[-74.0 40.5 -73.5 41.0] OR bounding_box:[2.2 48.8 2.5 48.9]");
    }
}
