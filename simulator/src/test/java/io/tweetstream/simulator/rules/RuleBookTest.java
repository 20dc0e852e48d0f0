package io.tweetstream.simulator.rules;

import io.tweetstream.simulator.RuleChange;
import io.tweetstream.simulator.StreamRule;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleBookTest {

    private final RuleBook book = new RuleBook(3, 30, Clock.systemUTC());

    @Test
    void givesIncreasingNumericIdsAndKeepsTags() throws Exception {
        List<StreamRule> created = book.add(List.of(candidate("kafka", "streams"), candidate("spark", null)), false).created();

        assertThat(created).extracting(StreamRule::value).containsExactly("kafka", "spark");
        assertThat(created).extracting(StreamRule::tag).containsExactly("streams", null);
        assertThat(created).allSatisfy(rule -> assertThat(rule.id()).matches("[1-9][0-9]{17,19}"));
        assertThat(Long.parseLong(created.get(1).id())).isGreaterThan(Long.parseLong(created.get(0).id()));
        assertThat(book.rules()).isEqualTo(created);
        assertThat(book.changes()).extracting(RuleChange::kind).containsExactly(RuleChange.Kind.ADDED, RuleChange.Kind.ADDED);
    }

    @Test
    void aDryRunAnswersTheSameAndChangesNothing() throws Exception {
        RuleBook.Added dry = book.add(List.of(candidate("kafka", "t")), true);

        assertThat(dry.created()).singleElement().extracting(StreamRule::value).isEqualTo("kafka");
        assertThat(book.rules()).isEmpty();
        assertThat(book.changes()).isEmpty();
    }

    @Test
    void leavesOutValuesThatExistWhateverTheTag() throws Exception {
        StreamRule kafka = book.add(List.of(candidate("kafka", "a")), false).created().get(0);

        RuleBook.Added added = book.add(List.of(candidate("kafka", "b"), candidate("Kafka", null), candidate("Kafka", null)), false);

        assertThat(added.created()).extracting(StreamRule::value).as("values compare exactly").containsExactly("Kafka");
        assertThat(added.duplicates()).containsExactly(new RuleBook.Duplicate("kafka", kafka.id()),
                new RuleBook.Duplicate("Kafka", added.created().get(0).id()));
    }

    @Test
    void refusesTheWholeRequestWhenOneRuleIsInvalidOrTheCapIsPassed() throws Exception {
        assertThatThrownBy(() -> book.add(List.of(candidate("kafka", null), candidate("-spark", null)), false))
                .isInstanceOfSatisfying(RuleBook.InvalidRulesException.class, e -> assertThat(e.invalid())
                        .singleElement().extracting(RuleBook.Invalid::value).isEqualTo("-spark"));
        assertThatThrownBy(() -> book.add(List.of(candidate("x".repeat(31), null)), false))
                .isInstanceOf(RuleBook.InvalidRulesException.class);
        assertThat(book.rules()).isEmpty();

        book.add(List.of(candidate("a", null), candidate("b", null)), false);
        assertThatThrownBy(() -> book.add(List.of(candidate("c", null), candidate("d", null)), false))
                .isInstanceOf(RuleBook.CapExceededException.class);
        assertThat(book.rules()).extracting(StreamRule::value).containsExactly("a", "b");
        book.add(List.of(candidate("c", null), candidate("a", null)), false);
        assertThat(book.rules()).hasSize(3);
    }

    @Test
    void deletesByIdOrValueAndReportsTheRest() throws Exception {
        List<StreamRule> created = book.add(List.of(candidate("a", null), candidate("b", null)), false).created();

        RuleBook.Deleted dry = book.delete(List.of(created.get(0).id()), List.of(), true);
        assertThat(dry.deleted()).containsExactly(created.get(0));
        assertThat(book.rules()).hasSize(2);

        RuleBook.Deleted deleted = book.delete(List.of(created.get(0).id(), "42"), List.of("b"), false);
        assertThat(deleted.deleted()).containsExactlyElementsOf(created);
        assertThat(deleted.notFound()).containsExactly("42");
        assertThat(book.rules()).isEmpty();
        assertThat(book.changes()).extracting(RuleChange::kind).endsWith(RuleChange.Kind.DELETED, RuleChange.Kind.DELETED);
    }

    private static RuleBook.Candidate candidate(String value, String tag) {
        return new RuleBook.Candidate(value, tag);
    }
}
