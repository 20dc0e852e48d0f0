package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.MatchedRule;
import io.tweetstream.simulator.rules.ActiveRule;
import io.tweetstream.simulator.rules.RuleExpression;
import io.tweetstream.simulator.rules.RuleSubject;
import io.tweetstream.simulator.stream.V2Tweet;

import java.util.List;

/**
 * Rules and queries evaluated against a tweet made earlier, as Recovery and recent search evaluate today's rules or a
 * query against the archive: a tweet matches what it matches now, whatever rules were in force when it was made.
 */
public final class HistoricMatches {

    private HistoricMatches() {
    }

    /** What rules see of a tweet, generated or replayed. */
    public static RuleSubject subject(V2Tweet tweet) {
        return tweet.recorded() != null ? RecordedSubjects.of(tweet.recorded())
                : RuleSubjects.of(new StatusView(tweet.status()));
    }

    public static boolean matches(V2Tweet tweet, RuleExpression query) {
        return query.matches(subject(tweet));
    }

    /** The tweet with {@code rules}' matches as its matching_rules; {@code null} when it matches none of them. */
    public static V2Tweet withCurrentRules(V2Tweet tweet, List<ActiveRule> rules) {
        RuleSubject subject = subject(tweet);
        List<MatchedRule> matching = rules.stream().filter(rule -> rule.expression().matches(subject))
                .map(rule -> new MatchedRule(rule.rule().id(), rule.rule().tag())).toList();
        if (matching.isEmpty()) {
            return null;
        }
        return tweet.withMatchingRules(matching);
    }
}
