package io.tweetstream.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A tweet the v2 filtered stream made (live, in continuous mode, or by {@link StreamSimulator#madeEarlier}), whether or
 * not any client got it: the oracle of a test that checks nothing was lost.
 *
 * @param id            its id (a Snowflake id: its creation time in the high bits)
 * @param createdAt     its {@code created_at}
 * @param matchingRules every rule it matched when made (id and tag), as the stream sends them in {@code matching_rules}
 */
public record MadeTweet(long id, Instant createdAt, List<MatchedRule> matchingRules) {

    public MadeTweet {
        matchingRules = List.copyOf(matchingRules);
    }
}
