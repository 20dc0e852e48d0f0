package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.MatchedRule;

import java.time.Instant;
import java.util.List;

/**
 * A v2 tweet made once for every connection of a stream, not yet written: each connection renders it with its
 * own fields and expansions. Its status is shared between connections and must not be changed.
 *
 * @param status        the generated status in its v1.1 form, from which the v2 message is written
 * @param injectedTerms the terms of the rule it was made for, as written in the rule; empty on the sample stream
 * @param matchingRules every rule in force it matched when made; empty on the sample stream
 * @param createdAt     when it was made: its {@code created_at}, and the {@code sentAt} of every send of it
 */
public record V2Tweet(long id, long authorId, JsonNode status, List<String> injectedTerms,
                      List<MatchedRule> matchingRules, Instant createdAt) {

    public V2Tweet {
        injectedTerms = List.copyOf(injectedTerms);
        matchingRules = List.copyOf(matchingRules);
    }
}
