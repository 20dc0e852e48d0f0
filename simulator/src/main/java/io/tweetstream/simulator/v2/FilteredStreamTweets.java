package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.simulator.MatchedRule;
import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.GeneratedTweet;
import io.tweetstream.simulator.generate.TweetGenerator;
import io.tweetstream.simulator.generate.TweetRecipe;
import io.tweetstream.simulator.rules.ActiveRule;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.rules.RuleSubject;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.V2Message;
import io.tweetstream.simulator.stream.V2TweetSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tweets of a filtered stream: for each, a rule in force picked uniformly (so a rule added later gets
 * its share at once), a tweet made to match it, and then every rule in force evaluated against the tweet
 * for {@code matching_rules}, so a tweet can carry several. A tweet that does not match the rule it was made
 * for (a negated word came up, the rule contradicts itself) is made again, and skipped after
 * {@value #ATTEMPTS} attempts. Reads the rule book at every tweet, so rule changes apply to open streams.
 */
public final class FilteredStreamTweets implements V2TweetSource {

    static final int ATTEMPTS = 3;

    private final RuleBook rules;
    private final TweetGenerator generator;
    private final MatchPlanner planner;
    private final Dice dice;
    private final V2Payload payload;
    private final FieldSelection fields;
    private final ObjectMapper mapper;
    private final StreamLedger ledger;

    public FilteredStreamTweets(RuleBook rules, TweetGenerator generator, MatchPlanner planner, Dice dice,
                                V2Payload payload, FieldSelection fields, ObjectMapper mapper, StreamLedger ledger) {
        this.rules = rules;
        this.generator = generator;
        this.planner = planner;
        this.dice = dice;
        this.payload = payload;
        this.fields = fields;
        this.mapper = mapper;
        this.ledger = ledger;
    }

    @Override
    public Optional<V2Message> next(Instant now) {
        List<ActiveRule> active = rules.active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        ActiveRule target = dice.pick(active);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TweetRecipe recipe = planner.plan(target.expression(), dice);
            GeneratedTweet tweet = generator.next(now, recipe);
            StatusView status = new StatusView(tweet.json());
            RuleSubject subject = RuleSubjects.of(status);
            if (!target.expression().matches(subject)) {
                continue;
            }
            List<MatchedRule> matching = active.stream()
                    .filter(rule -> rule.expression().matches(subject))
                    .map(rule -> new MatchedRule(rule.rule().id(), rule.rule().tag()))
                    .toList();
            return Optional.of(new V2Message(write(payload.message(status, fields, matching)), tweet.id(),
                    tweet.userId(), tweet.injectedKeywords(), matching));
        }
        ledger.v2TweetSkipped();
        return Optional.empty();
    }

    private String write(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a v2 message as JSON", e);
        }
    }
}
