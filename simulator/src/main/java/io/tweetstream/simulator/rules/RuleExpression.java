package io.tweetstream.simulator.rules;

import io.tweetstream.simulator.LocationBox;

import java.util.List;
import java.util.Locale;

/**
 * A parsed filtered-stream rule: a tree of the operators the simulator supports. {@link #matches} is the
 * evaluation X performs for each tweet against each rule.
 */
public sealed interface RuleExpression {

    boolean matches(RuleSubject tweet);

    /**
     * Whether this can carry a rule on its own. X requires a positive standalone operator (keyword,
     * phrase, #, @, $, from:, bounding_box:); negations and is:, has:, lang: only narrow one down.
     */
    boolean standsAlone();

    /** Terms side by side: all must match. */
    record All(List<RuleExpression> terms) implements RuleExpression {
        public All {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean matches(RuleSubject tweet) {
            return terms.stream().allMatch(term -> term.matches(tweet));
        }

        @Override
        public boolean standsAlone() {
            return terms.stream().anyMatch(RuleExpression::standsAlone);
        }
    }

    /** Terms joined by {@code OR}. */
    record Any(List<RuleExpression> terms) implements RuleExpression {
        public Any {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean matches(RuleSubject tweet) {
            return terms.stream().anyMatch(term -> term.matches(tweet));
        }

        @Override
        public boolean standsAlone() {
            return terms.stream().allMatch(RuleExpression::standsAlone);
        }
    }

    /** {@code -term}. */
    record Not(RuleExpression term) implements RuleExpression {
        @Override
        public boolean matches(RuleSubject tweet) {
            return !term.matches(tweet);
        }

        @Override
        public boolean standsAlone() {
            return false;
        }
    }

    /**
     * A bare keyword or a {@code "quoted phrase"}: its tokens, consecutive, in the text's tokens.
     *
     * @param text   as written in the rule (without quotes)
     * @param quoted whether it was a quoted phrase
     */
    record Words(String text, List<String> tokens, boolean quoted) implements RuleExpression {
        public Words {
            tokens = List.copyOf(tokens);
        }

        @Override
        public boolean matches(RuleSubject tweet) {
            return TextTokens.containsRun(tweet.tokens(), tokens);
        }

        @Override
        public boolean standsAlone() {
            return true;
        }
    }

    /** {@code #tag}, {@code @username} or {@code $tag}: an entity of the tweet, regardless of case. */
    record EntityName(Kind kind, String name) implements RuleExpression {
        public enum Kind { HASHTAG, MENTION, CASHTAG }

        @Override
        public boolean matches(RuleSubject tweet) {
            String key = name.toLowerCase(Locale.ROOT);
            return switch (kind) {
                case HASHTAG -> tweet.hashtags().contains(key);
                case MENTION -> tweet.mentions().contains(key);
                case CASHTAG -> tweet.cashtags().contains(key);
            };
        }

        @Override
        public boolean standsAlone() {
            return true;
        }
    }

    /** {@code from:} a numeric user id or a username. */
    record From(String user) implements RuleExpression {
        public boolean byId() {
            return user.chars().allMatch(Character::isDigit);
        }

        @Override
        public boolean matches(RuleSubject tweet) {
            return byId() ? Long.toString(tweet.authorId()).equals(user) : user.equalsIgnoreCase(tweet.authorUsername());
        }

        @Override
        public boolean standsAlone() {
            return true;
        }
    }

    /** {@code lang:code}. */
    record Lang(String code) implements RuleExpression {
        @Override
        public boolean matches(RuleSubject tweet) {
            return code.equalsIgnoreCase(tweet.lang());
        }

        @Override
        public boolean standsAlone() {
            return false;
        }
    }

    /**
     * {@code bounding_box:[west south east north]}: exact coordinates inside the box, or else a place whose
     * box lies wholly inside it, as X matches.
     */
    record InBox(LocationBox box) implements RuleExpression {
        @Override
        public boolean matches(RuleSubject tweet) {
            if (tweet.point() != null) {
                return box.contains(tweet.point().longitude(), tweet.point().latitude());
            }
            LocationBox place = tweet.placeBox();
            return place != null && box.contains(place.swLongitude(), place.swLatitude())
                    && box.contains(place.neLongitude(), place.neLatitude());
        }

        @Override
        public boolean standsAlone() {
            return true;
        }
    }

    /** {@code is:retweet}, {@code is:quote}, {@code is:reply}. */
    record Is(Kind kind) implements RuleExpression {
        public enum Kind { RETWEET, QUOTE, REPLY }

        @Override
        public boolean matches(RuleSubject tweet) {
            return switch (kind) {
                case RETWEET -> tweet.retweet();
                case QUOTE -> tweet.quote();
                case REPLY -> tweet.reply();
            };
        }

        @Override
        public boolean standsAlone() {
            return false;
        }
    }

    /** {@code has:links}, {@code has:hashtags}, {@code has:mentions}. */
    record Has(Kind kind) implements RuleExpression {
        public enum Kind { LINKS, HASHTAGS, MENTIONS }

        @Override
        public boolean matches(RuleSubject tweet) {
            return switch (kind) {
                case LINKS -> tweet.hasLinks();
                case HASHTAGS -> !tweet.hashtags().isEmpty();
                case MENTIONS -> !tweet.mentions().isEmpty();
            };
        }

        @Override
        public boolean standsAlone() {
            return false;
        }
    }
}
