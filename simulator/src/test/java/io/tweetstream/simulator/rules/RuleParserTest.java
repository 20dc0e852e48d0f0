package io.tweetstream.simulator.rules;

import io.tweetstream.simulator.LocationBox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleParserTest {

    private static final int MAX = 1024;

    @Test
    void readsEachSupportedOperator() throws Exception {
        assertThat(RuleParser.parse("kafka", MAX)).isEqualTo(new RuleExpression.Words("kafka", List.of("kafka"), false));
        assertThat(RuleParser.parse("\"apache \\\"spark\\\"\"", MAX))
                .isEqualTo(new RuleExpression.Words("apache \"spark\"", List.of("apache", "spark"), true));
        assertThat(RuleParser.parse("#Kafka", MAX)).isEqualTo(new RuleExpression.EntityName(RuleExpression.EntityName.Kind.HASHTAG, "Kafka"));
        assertThat(RuleParser.parse("@confluentinc", MAX))
                .isEqualTo(new RuleExpression.EntityName(RuleExpression.EntityName.Kind.MENTION, "confluentinc"));
        assertThat(RuleParser.parse("$TSLA", MAX)).isEqualTo(new RuleExpression.EntityName(RuleExpression.EntityName.Kind.CASHTAG, "TSLA"));
        assertThat(RuleParser.parse("from:2244994945", MAX)).isEqualTo(new RuleExpression.From("2244994945"));
        assertThat(RuleParser.parse("from:XDevelopers", MAX)).isEqualTo(new RuleExpression.From("XDevelopers"));
        assertThat(RuleParser.parse("bounding_box:[-105.30 39.96 -105.26 39.99]", MAX))
                .isEqualTo(new RuleExpression.InBox(new LocationBox(-105.30, 39.96, -105.26, 39.99)));
        assertThat(RuleParser.parse("kafka lang:en is:retweet has:links", MAX)).isEqualTo(new RuleExpression.All(List.of(
                new RuleExpression.Words("kafka", List.of("kafka"), false), new RuleExpression.Lang("en"),
                new RuleExpression.Is(RuleExpression.Is.Kind.RETWEET), new RuleExpression.Has(RuleExpression.Has.Kind.LINKS))));
    }

    @Test
    void orBindsLooserThanImplicitAndAndParenthesesGroup() throws Exception {
        RuleExpression a = words("a");
        RuleExpression b = words("b");
        RuleExpression c = words("c");
        assertThat(RuleParser.parse("a b OR c", MAX)).isEqualTo(any(new RuleExpression.All(List.of(a, b)), c));
        assertThat(RuleParser.parse("a (b OR c)", MAX)).isEqualTo(new RuleExpression.All(List.of(a, any(b, c))));
        assertThat(RuleParser.parse("a -(b OR c)", MAX))
                .isEqualTo(new RuleExpression.All(List.of(a, new RuleExpression.Not(any(b, c)))));
        assertThat(RuleParser.parse("(a)OR(b)", MAX)).isEqualTo(any(a, b));
        assertThat(RuleParser.parse("a or b", MAX)).as("only upper-case OR is an operator")
                .isEqualTo(new RuleExpression.All(List.of(a, words("or"), b)));
        assertThat(RuleParser.parse("ORACLE", MAX)).isEqualTo(words("oracle", "ORACLE"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                    | must not be empty
            '   '                                 | must not be empty
            -kafka                                | positive, non-negated standalone operator
            -kafka -spark                         | positive, non-negated standalone operator
            lang:en                               | cannot stand alone
            is:retweet has:links                  | cannot stand alone
            kafka OR -spark                       | positive, non-negated
            (kafka                                | Unbalanced parentheses
            kafka)                                | unbalanced parentheses
            ()                                    | Expected a term
            kafka OR                              | Expected a term at the end
            OR kafka                              | Expected a term
            "open phrase                          | Unterminated quoted phrase
            - kafka                               | must be followed by the term
            url:kafka.apache.org                  | 'url:' is not supported by the simulator
            kafka is:verified                     | 'is:verified' is not supported
            kafka has:media                       | 'has:media' is not supported
            point_radius:[2.35 48.85 10km]        | 'point_radius:' is not supported
            kafka foo:bar                         | Reference to invalid operator 'foo'
            from:not-a-user                       | from: needs a username or a numeric user id
            kafka lang:english                    | lang: needs a BCP 47 language code
            bounding_box:[1 2 3]                  | bounding_box: needs [west_long south_lat east_long north_lat]
            bounding_box:[2 1 1 2]                | south-west corner
            bounding_box:[-74.3 40.4 -73.7 40.9]  | less than 25 miles
            #                                     | is not a valid hashtag
            @has-dash                             | is not a valid mention
            !!!                                   | has no letters or digits
            """)
    void refusesWhatXRefusesSayingWhy(String rule, String reason) {
        assertThatThrownBy(() -> RuleParser.parse(rule, MAX)).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusesARuleLongerThanTheLimitInCharacters() throws Exception {
        String rule = "a".repeat(20);
        assertThat(RuleParser.parse(rule, 20)).isNotNull();
        assertThatThrownBy(() -> RuleParser.parse(rule + "b", 20)).hasMessage("Rule is too long: 21 characters, at most 20");
        assertThat(RuleParser.parse("東".repeat(20), 20)).as("counted in characters, not bytes").isNotNull();
    }

    private static RuleExpression words(String token) {
        return words(token, token);
    }

    private static RuleExpression words(String token, String text) {
        return new RuleExpression.Words(text, List.of(token), false);
    }

    private static RuleExpression any(RuleExpression... terms) {
        return new RuleExpression.Any(List.of(terms));
    }
}
