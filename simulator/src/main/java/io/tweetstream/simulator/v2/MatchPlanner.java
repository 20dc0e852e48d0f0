package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.LocationBox;
import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.TweetRecipe;
import io.tweetstream.simulator.generate.UserPool;
import io.tweetstream.simulator.generate.UserProfile;
import io.tweetstream.simulator.rules.RuleExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rule into a {@link TweetRecipe} for a tweet that matches it: every positive term of one way through
 * the rule (one alternative of each {@code OR}, all terms of an AND). Negated terms are left out rather than
 * planned against; the caller evaluates the tweet and tries again on the rare text that trips one.
 */
public final class MatchPlanner {

    private final UserPool users;

    public MatchPlanner(UserPool users) {
        this.users = users;
    }

    public TweetRecipe plan(RuleExpression rule, Dice dice) {
        Plan plan = new Plan();
        collect(rule, plan, dice);
        return new TweetRecipe(plan.keywords, plan.phrases, plan.hashtags, plan.mentions, plan.cashtags, plan.author,
                plan.lang, plan.box, plan.shape, plan.link, plan.hashtag, plan.mention);
    }

    private static final class Plan {
        final List<String> keywords = new ArrayList<>();
        final List<String> phrases = new ArrayList<>();
        final List<String> hashtags = new ArrayList<>();
        final List<String> mentions = new ArrayList<>();
        final List<String> cashtags = new ArrayList<>();
        UserProfile author;
        String lang;
        LocationBox box;
        TweetRecipe.Shape shape = TweetRecipe.Shape.ANY;
        boolean link;
        boolean hashtag;
        boolean mention;
    }

    private void collect(RuleExpression expression, Plan plan, Dice dice) {
        if (expression instanceof RuleExpression.All all) {
            all.terms().forEach(term -> collect(term, plan, dice));
        } else if (expression instanceof RuleExpression.Any any) {
            collect(dice.pick(any.terms()), plan, dice);
        } else if (expression instanceof RuleExpression.Words words) {
            (words.quoted() ? plan.phrases : plan.keywords).add(words.text());
        } else if (expression instanceof RuleExpression.EntityName name) {
            switch (name.kind()) {
                case HASHTAG -> plan.hashtags.add(name.name());
                case MENTION -> plan.mentions.add(name.name());
                case CASHTAG -> plan.cashtags.add(name.name());
            }
        } else if (expression instanceof RuleExpression.From from) {
            plan.author = from.byId() ? users.withId(Long.parseLong(from.user())) : users.withScreenName(from.user());
        } else if (expression instanceof RuleExpression.Lang lang) {
            plan.lang = lang.code();
        } else if (expression instanceof RuleExpression.InBox inBox) {
            plan.box = inBox.box();
        } else if (expression instanceof RuleExpression.Is is) {
            plan.shape = switch (is.kind()) {
                case RETWEET -> TweetRecipe.Shape.RETWEET;
                case QUOTE -> TweetRecipe.Shape.QUOTE;
                case REPLY -> TweetRecipe.Shape.REPLY;
            };
        } else if (expression instanceof RuleExpression.Has has) {
            switch (has.kind()) {
                case LINKS -> plan.link = true;
                case HASHTAGS -> plan.hashtag = true;
                case MENTIONS -> plan.mention = true;
            }
        }
        // A negation asks for nothing: the tweet is checked afterwards.
    }
}
