package io.tweetstream.connect.v2;

/**
 * A filtered-stream rule as the X API holds it.
 *
 * @param id X's id, or null for a rule not created yet
 * @param value the rule text, e.g. {@code apache kafka lang:en}
 * @param tag free text X hands back with every tweet the rule matches; see {@link RuleTag}
 */
public record StreamRule(String id, String value, String tag) {

    /** A rule to create. */
    public static StreamRule of(String value, String tag) {
        return new StreamRule(null, value, tag);
    }

    /** The rule without its id: two rules that ask for the same thing under the same tag are equal so. */
    StreamRule withoutId() {
        return id == null ? this : new StreamRule(null, value, tag);
    }
}
