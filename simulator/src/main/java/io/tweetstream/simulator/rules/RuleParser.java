package io.tweetstream.simulator.rules;

import io.tweetstream.simulator.LocationBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a filtered-stream rule in the subset of X's syntax the simulator evaluates: keywords,
 * {@code "quoted phrases"}, implicit AND, {@code OR} (binding looser than AND), parentheses, negation,
 * {@code #}, {@code @}, {@code $}, {@code from:}, {@code lang:}, {@code bounding_box:}, {@code is:} and
 * {@code has:} with a few values. Anything else is refused, naming what is not supported, so that a client
 * never believes a rule works here when it is silently ignored. One parser per rule; not thread-safe.
 */
public final class RuleParser {

    /** X's limit on each side of a bounding box. */
    static final double MAX_BOX_SIDE_MILES = 25.0;
    private static final double MILES_PER_DEGREE = 69.09;

    private static final Pattern OPERATOR = Pattern.compile("([a-z_]+):(.*)", Pattern.DOTALL);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+");
    private static final Map<String, RuleExpression.Is.Kind> IS_VALUES = Map.of(
            "retweet", RuleExpression.Is.Kind.RETWEET, "quote", RuleExpression.Is.Kind.QUOTE,
            "reply", RuleExpression.Is.Kind.REPLY);
    private static final Map<String, RuleExpression.Has.Kind> HAS_VALUES = Map.of(
            "links", RuleExpression.Has.Kind.LINKS, "hashtags", RuleExpression.Has.Kind.HASHTAGS,
            "mentions", RuleExpression.Has.Kind.MENTIONS);
    /** Operators X offers that the simulator does not evaluate: refused as unsupported rather than as unknown. */
    private static final Set<String> OTHER_X_OPERATORS = Set.of("to", "url", "retweets_of", "context", "entity",
            "conversation_id", "bio", "bio_name", "bio_location", "place", "place_country", "point_radius", "sample",
            "in_reply_to_tweet_id", "retweets_of_tweet_id", "quotes_of_tweet_id", "source", "followers_count",
            "tweets_count", "following_count", "listed_count", "url_title", "url_description", "url_contains",
            "list", "has", "is");

    private final String rule;
    private int position;

    private RuleParser(String rule) {
        this.rule = rule;
    }

    /**
     * @param maxLength X's limit on a rule's length, in characters (1024 on Pro, 512 below)
     * @throws InvalidRuleException with the reason X would give in {@code details}
     */
    public static RuleExpression parse(String rule, int maxLength) throws InvalidRuleException {
        if (rule == null || rule.isBlank()) {
            throw new InvalidRuleException("Rules must not be empty");
        }
        int length = rule.codePointCount(0, rule.length());
        if (length > maxLength) {
            throw new InvalidRuleException("Rule is too long: " + length + " characters, at most " + maxLength);
        }
        RuleParser parser = new RuleParser(rule);
        RuleExpression expression = parser.anyOf();
        parser.skipSpaces();
        if (parser.position < rule.length()) {
            throw new InvalidRuleException("Unexpected ')' at position " + (parser.position + 1) + " (unbalanced parentheses)");
        }
        if (!expression.standsAlone()) {
            throw new InvalidRuleException("Rules must contain at least one positive, non-negated standalone operator "
                    + "(a keyword, \"phrase\", #hashtag, @mention, $cashtag, from: or bounding_box:); "
                    + "negations, is:, has: and lang: cannot stand alone");
        }
        return expression;
    }

    private RuleExpression anyOf() throws InvalidRuleException {
        List<RuleExpression> alternatives = new ArrayList<>();
        alternatives.add(allOf());
        while (peekOr()) {
            position += 2;
            alternatives.add(allOf());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new RuleExpression.Any(alternatives);
    }

    private RuleExpression allOf() throws InvalidRuleException {
        List<RuleExpression> terms = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (atEnd() || peek() == ')' || peekOr()) {
                break;
            }
            terms.add(term());
        }
        if (terms.isEmpty()) {
            String where = atEnd() ? "at the end" : "at position " + (position + 1);
            throw new InvalidRuleException("Expected a term " + where + " (an OR or a group without operands?)");
        }
        return terms.size() == 1 ? terms.get(0) : new RuleExpression.All(terms);
    }

    private RuleExpression term() throws InvalidRuleException {
        if (peek() == '-') {
            position++;
            if (atEnd() || Character.isWhitespace(peek())) {
                throw new InvalidRuleException("A '-' must be followed by the term it negates, without a space");
            }
            return new RuleExpression.Not(term());
        }
        if (peek() == '(') {
            int open = position++;
            RuleExpression group = anyOf();
            skipSpaces();
            if (atEnd() || peek() != ')') {
                throw new InvalidRuleException("Unbalanced parentheses: '(' at position " + (open + 1) + " is not closed");
            }
            position++;
            return group;
        }
        if (peek() == '"') {
            return phrase();
        }
        return word(readWord());
    }

    private RuleExpression phrase() throws InvalidRuleException {
        int start = position++;
        StringBuilder text = new StringBuilder();
        while (!atEnd() && peek() != '"') {
            char c = rule.charAt(position++);
            if (c == '\\' && !atEnd()) {
                c = rule.charAt(position++);
            }
            text.append(c);
        }
        if (atEnd()) {
            throw new InvalidRuleException("Unterminated quoted phrase starting at position " + (start + 1));
        }
        position++;
        List<String> tokens = TextTokens.of(text.toString());
        if (tokens.isEmpty()) {
            throw new InvalidRuleException("The quoted phrase \"" + text + "\" has no letters or digits to match");
        }
        return new RuleExpression.Words(text.toString(), tokens, true);
    }

    /** A run up to a space or parenthesis; a bounding box runs to its closing bracket. */
    private String readWord() {
        int start = position;
        while (!atEnd() && !Character.isWhitespace(peek()) && peek() != '(' && peek() != ')') {
            if (peek() == '[') {
                int close = rule.indexOf(']', position);
                position = close < 0 ? rule.length() : close + 1;
            } else {
                position++;
            }
        }
        return rule.substring(start, position);
    }

    private RuleExpression word(String word) throws InvalidRuleException {
        char first = word.charAt(0);
        if (first == '#' || first == '$' || first == '@') {
            return entityName(word);
        }
        var operator = OPERATOR.matcher(word);
        if (operator.matches()) {
            return operator(operator.group(1), operator.group(2));
        }
        List<String> tokens = TextTokens.of(word);
        if (tokens.isEmpty()) {
            throw new InvalidRuleException("The keyword '" + word + "' has no letters or digits to match");
        }
        return new RuleExpression.Words(word, tokens, false);
    }

    private RuleExpression entityName(String word) throws InvalidRuleException {
        String name = word.substring(1);
        RuleExpression.EntityName.Kind kind = switch (word.charAt(0)) {
            case '#' -> RuleExpression.EntityName.Kind.HASHTAG;
            case '$' -> RuleExpression.EntityName.Kind.CASHTAG;
            default -> RuleExpression.EntityName.Kind.MENTION;
        };
        boolean valid = kind == RuleExpression.EntityName.Kind.MENTION ? USERNAME.matcher(name).matches()
                : TAG.matcher(name).matches() && name.codePoints().anyMatch(Character::isLetter);
        if (!valid) {
            throw new InvalidRuleException("'" + word + "' is not a valid " + kind.name().toLowerCase(Locale.ROOT));
        }
        return new RuleExpression.EntityName(kind, name);
    }

    private RuleExpression operator(String name, String value) throws InvalidRuleException {
        switch (name) {
            case "from" -> {
                if (!USERNAME.matcher(value).matches() && !USER_ID.matcher(value).matches()) {
                    throw new InvalidRuleException("from: needs a username or a numeric user id, was '" + value + "'");
                }
                return new RuleExpression.From(value);
            }
            case "lang" -> {
                if (!LANGUAGE.matcher(value).matches()) {
                    throw new InvalidRuleException("lang: needs a BCP 47 language code like en or pt, was '" + value + "'");
                }
                return new RuleExpression.Lang(value);
            }
            case "bounding_box" -> {
                return new RuleExpression.InBox(box(value));
            }
            case "is" -> {
                if (IS_VALUES.containsKey(value)) {
                    return new RuleExpression.Is(IS_VALUES.get(value));
                }
            }
            case "has" -> {
                if (HAS_VALUES.containsKey(value)) {
                    return new RuleExpression.Has(HAS_VALUES.get(value));
                }
            }
            default -> {
            }
        }
        String operator = name.equals("is") || name.equals("has") ? name + ":" + value : name + ":";
        if (OTHER_X_OPERATORS.contains(name)) {
            throw new InvalidRuleException("The operator '" + operator + "' is not supported by the simulator "
                    + "(supported: keywords, \"phrases\", OR, -, (), #, @, $, from:, lang:, bounding_box:, "
                    + "is:retweet, is:quote, is:reply, has:links, has:hashtags, has:mentions)");
        }
        throw new InvalidRuleException("Reference to invalid operator '" + name + "'. Operator is not available in "
                + "current product or product packaging.");
    }

    private static LocationBox box(String value) throws InvalidRuleException {
        String usage = "bounding_box: needs [west_long south_lat east_long north_lat], was '" + value + "'";
        if (!value.startsWith("[") || !value.endsWith("]")) {
            throw new InvalidRuleException(usage);
        }
        String[] numbers = value.substring(1, value.length() - 1).trim().split("\\s+");
        if (numbers.length != 4) {
            throw new InvalidRuleException(usage);
        }
        LocationBox box;
        try {
            box = new LocationBox(Double.parseDouble(numbers[0]), Double.parseDouble(numbers[1]),
                    Double.parseDouble(numbers[2]), Double.parseDouble(numbers[3]));
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(usage + ": " + e.getMessage());
        }
        double midLatitude = Math.toRadians((box.swLatitude() + box.neLatitude()) / 2);
        double width = (box.neLongitude() - box.swLongitude()) * MILES_PER_DEGREE * Math.cos(midLatitude);
        double height = (box.neLatitude() - box.swLatitude()) * MILES_PER_DEGREE;
        if (width > MAX_BOX_SIDE_MILES || height > MAX_BOX_SIDE_MILES) {
            throw new InvalidRuleException("The width and height of a bounding_box must each be less than 25 miles");
        }
        return box;
    }

    private boolean peekOr() {
        skipSpaces();
        return rule.startsWith("OR", position)
                && (position + 2 == rule.length() || Character.isWhitespace(rule.charAt(position + 2))
                || rule.charAt(position + 2) == '(')
                && !atEnd();
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= rule.length();
    }

    private char peek() {
        return rule.charAt(position);
    }
}
