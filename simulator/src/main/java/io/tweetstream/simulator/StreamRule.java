package io.tweetstream.simulator;

/**
 * A filtered-stream rule as X lists it.
 *
 * @param id  a numeric string, Snowflake-like: rules made later have larger ids
 * @param tag {@code null} when the rule was added without one
 */
public record StreamRule(String id, String value, String tag) {
}
