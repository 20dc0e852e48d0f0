package io.tweetstream.simulator;

/** An entry of a v2 tweet's {@code matching_rules}: the id and tag of a rule the tweet matched. */
public record MatchedRule(String id, String tag) {
}
