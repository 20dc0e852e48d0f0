package io.tweetstream.simulator.rules;

/** A rule X would refuse; the message is the {@code details} entry of the 400 answer. */
public final class InvalidRuleException extends Exception {

    public InvalidRuleException(String detail) {
        super(detail);
    }
}
