package io.tweetstream.simulator;

import java.time.Instant;

/** A rule added or deleted through {@code POST /2/tweets/search/stream/rules} (dry runs are not recorded). */
public record RuleChange(Instant at, Kind kind, StreamRule rule) {

    public enum Kind { ADDED, DELETED }
}
