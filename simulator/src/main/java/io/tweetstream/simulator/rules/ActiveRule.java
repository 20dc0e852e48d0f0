package io.tweetstream.simulator.rules;

import io.tweetstream.simulator.StreamRule;

/** A rule in force and its parsed form, ready to evaluate. */
public record ActiveRule(StreamRule rule, RuleExpression expression) {
}
