package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.MatchedRule;
import io.tweetstream.simulator.generate.V2Context;

import java.time.Instant;
import java.util.List;

/**
 * A v2 tweet made once for every connection of a stream, not yet written: each connection renders it with its
 * own fields and expansions. Its status is shared between connections and must not be changed.
 *
 * @param status        the generated status in its v1.1 form, from which the v2 message is written; {@code null} for
 *                      a replayed one
 * @param injectedTerms the terms of the rule it was made for, as written in the rule; empty on the sample stream
 * @param matchingRules every rule in force it matched when made; empty on the sample stream
 * @param createdAt     when it was made: its {@code created_at}, and the {@code sentAt} of every send of it
 * @param context       what the v2 rendering needs besides the status; {@code null} for a replayed one
 * @param recorded      a replayed message as recorded (sent as it is, but for {@code matching_rules}); {@code null}
 *                      for a generated one
 */
public record V2Tweet(long id, long authorId, JsonNode status, List<String> injectedTerms,
                      List<MatchedRule> matchingRules, Instant createdAt, V2Context context, ObjectNode recorded) {

    public V2Tweet {
        injectedTerms = List.copyOf(injectedTerms);
        matchingRules = List.copyOf(matchingRules);
    }

    /** A generated tweet. */
    public V2Tweet(long id, long authorId, JsonNode status, List<String> injectedTerms,
                   List<MatchedRule> matchingRules, Instant createdAt, V2Context context) {
        this(id, authorId, status, injectedTerms, matchingRules, createdAt, context, null);
    }
}
