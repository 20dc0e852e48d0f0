package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.MatchedRule;
import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.GeneratedTweet;
import io.tweetstream.simulator.generate.TweetGenerator;
import io.tweetstream.simulator.generate.TweetRecipe;
import io.tweetstream.simulator.rules.ActiveRule;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.rules.RuleSubject;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.V2Tweet;
import io.tweetstream.simulator.stream.V2TweetSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tweets of a filtered stream: for each, a rule in force picked uniformly (so a rule added later gets
 * its share at once), a tweet made to match it, and then every rule in force evaluated against the tweet
 * for {@code matching_rules}, so a tweet can carry several. A tweet that does not match the rule it was made
 * for (a negated word came up, the rule contradicts itself) is made again, and skipped after
 * {@value #ATTEMPTS} attempts. Reads the rule book at every tweet, so rule changes apply to open streams at once.
 * One source serves every connection of the app; each connection writes the tweets with its own fields.
 */
public final class FilteredStreamTweets implements V2TweetSource {

    static final int ATTEMPTS = 3;

    private final RuleBook rules;
    private final TweetGenerator generator;
    private final MatchPlanner planner;
    private final Dice dice;
    private final StreamLedger ledger;

    public FilteredStreamTweets(RuleBook rules, TweetGenerator generator, MatchPlanner planner, Dice dice,
                                StreamLedger ledger) {
        this.rules = rules;
        this.generator = generator;
        this.planner = planner;
        this.dice = dice;
        this.ledger = ledger;
    }

    @Override
    public Optional<V2Tweet> next(Instant now) {
        return make(now, false);
    }

    /**
     * A tweet for the rules in force, dated {@code createdAt} in the past with an id of that time: one of
     * {@code madeEarlier}'s. Empty when there are no rules or it could not be made to match.
     */
    public Optional<V2Tweet> earlier(Instant createdAt) {
        return make(createdAt, true);
    }

    private Optional<V2Tweet> make(Instant now, boolean earlier) {
        List<ActiveRule> active = rules.active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        ActiveRule target = dice.pick(active);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TweetRecipe recipe = planner.plan(target.expression(), dice);
            GeneratedTweet tweet = earlier ? generator.earlier(now, recipe) : generator.next(now, recipe);
            StatusView status = new StatusView(tweet.json());
            RuleSubject subject = RuleSubjects.of(status);
            if (!target.expression().matches(subject)) {
                continue;
            }
            List<MatchedRule> matching = active.stream()
                    .filter(rule -> rule.expression().matches(subject))
                    .map(rule -> new MatchedRule(rule.rule().id(), rule.rule().tag()))
                    .toList();
            return Optional.of(new V2Tweet(tweet.id(), tweet.userId(), tweet.json(), tweet.injectedKeywords(), matching,
                    now, tweet.v2()));
        }
        ledger.v2TweetSkipped();
        return Optional.empty();
    }
}
