package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.GeneratedTweet;
import io.tweetstream.simulator.generate.Seeds;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.generate.TweetGenerator;
import io.tweetstream.simulator.generate.TweetRecipe;
import io.tweetstream.simulator.rules.ActiveRule;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.rules.RuleExpression;
import io.tweetstream.simulator.rules.RuleSubject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many Posts a second the filtered stream's generator makes that match a query, at its configured rate: what
 * counts/recent reports. The stream makes {@code postsPerSecond} tweets, each for a rule in force picked uniformly and
 * made by the {@link MatchPlanner} (made again up to {@value FilteredStreamTweets#ATTEMPTS} times when it does not
 * match that rule, then skipped), so the rate is {@code postsPerSecond} times the mean, over the rules, of the share
 * of the tweets made for a rule that match the query. The share is measured on a fixed sample of tweets made as the
 * stream makes them ({@value #SAMPLE_BUDGET} in all, at least {@value #MIN_SAMPLES_PER_RULE} per rule), seeded by
 * the simulator's seed and the rule's value: the same seed and rules give the same rate, and a rule's own value as
 * the query gives exactly {@code postsPerSecond / rules} unless some tweets for it are skipped. Computed once per
 * query and rule set. Thread-safe.
 */
public final class MatchRates {

    static final int SAMPLE_BUDGET = 4096;
    static final int MIN_SAMPLES_PER_RULE = 16;
    private static final long SAMPLE_SEED_SALT = 0xC0047L;
    /** The samples' creation time: fixed, so that they do not depend on when they are made. */
    private static final Instant SAMPLED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private final RuleBook rules;
    private final TweetFactory tweets;
    private final MatchPlanner planner;
    private final long seed;
    private final double postsPerSecond;
    private List<ActiveRule> cachedFor;
    private final Map<String, Double> cache = new HashMap<>();

    /** @param postsPerSecond the filtered stream's mean rate (bursts averaged in) */
    public MatchRates(RuleBook rules, TweetFactory tweets, long seed, double postsPerSecond) {
        this.rules = rules;
        this.tweets = tweets;
        this.planner = new MatchPlanner(tweets.users());
        this.seed = seed;
        this.postsPerSecond = postsPerSecond;
    }

    /** Posts a second matching {@code query} (its text, as the cache key) with the rules in force now. */
    public synchronized double perSecond(String text, RuleExpression query) {
        List<ActiveRule> active = rules.active();
        if (active != cachedFor) {
            cachedFor = active;
            cache.clear();
        }
        return cache.computeIfAbsent(text, key -> measure(active, query));
    }

    private double measure(List<ActiveRule> active, RuleExpression query) {
        if (active.isEmpty()) {
            return 0;
        }
        int samples = Math.max(MIN_SAMPLES_PER_RULE, SAMPLE_BUDGET / active.size());
        double shares = 0;
        for (ActiveRule rule : active) {
            shares += (double) matching(rule, query, samples) / samples;
        }
        return postsPerSecond * shares / active.size();
    }

    /** Of {@code samples} tweets made for {@code rule} as the stream makes them, how many match {@code query}. */
    private int matching(ActiveRule rule, RuleExpression query, int samples) {
        long salt = rule.rule().value().hashCode();
        Dice dice = new Dice(Seeds.derive(seed ^ SAMPLE_SEED_SALT, salt));
        TweetGenerator generator = tweets.forV2Stream(Seeds.derive(SAMPLE_SEED_SALT, salt));
        int matching = 0;
        for (int i = 0; i < samples; i++) {
            for (int attempt = 0; attempt < FilteredStreamTweets.ATTEMPTS; attempt++) {
                TweetRecipe recipe = planner.plan(rule.expression(), dice);
                GeneratedTweet tweet = generator.earlier(SAMPLED_AT, recipe);
                RuleSubject subject = RuleSubjects.of(new StatusView(tweet.json()));
                if (rule.expression().matches(subject)) {
                    matching += query.matches(subject) ? 1 : 0;
                    break;
                }
            }
        }
        return matching;
    }
}
