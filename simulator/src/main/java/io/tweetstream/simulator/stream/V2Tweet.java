package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.MatchedRule;
import io.tweetstream.simulator.generate.V2Context;

import java.time.Duration;
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
 * @param createdAt     when it was made: its {@code created_at} (and its id's time)
 * @param context       what the v2 rendering needs besides the status; {@code null} for a replayed one
 * @param recorded      a replayed message as recorded (sent as it is, but for {@code matching_rules}); {@code null}
 *                      for a generated one
 * @param deliveredAt   when the live stream offers it to its connections: {@code createdAt} plus its delivery delay
 *                      ({@link io.tweetstream.simulator.SimulatorSettings#deliveryDelay()}); the {@code sentAt} of
 *                      every send of it
 */
public record V2Tweet(long id, long authorId, JsonNode status, List<String> injectedTerms,
                      List<MatchedRule> matchingRules, Instant createdAt, V2Context context, ObjectNode recorded,
                      Instant deliveredAt) {

    public V2Tweet {
        injectedTerms = List.copyOf(injectedTerms);
        matchingRules = List.copyOf(matchingRules);
    }

    /** A replayed tweet, or a generated one ({@code recorded} null), delivered when made. */
    public V2Tweet(long id, long authorId, JsonNode status, List<String> injectedTerms,
                   List<MatchedRule> matchingRules, Instant createdAt, V2Context context, ObjectNode recorded) {
        this(id, authorId, status, injectedTerms, matchingRules, createdAt, context, recorded, createdAt);
    }

    /** A generated tweet, delivered when made. */
    public V2Tweet(long id, long authorId, JsonNode status, List<String> injectedTerms,
                   List<MatchedRule> matchingRules, Instant createdAt, V2Context context) {
        this(id, authorId, status, injectedTerms, matchingRules, createdAt, context, null);
    }

    /** This tweet delivered {@code delay} after it was made. */
    public V2Tweet deliveredAfter(Duration delay) {
        return new V2Tweet(id, authorId, status, injectedTerms, matchingRules, createdAt, context, recorded,
                createdAt.plus(delay));
    }

    /** This tweet with other {@code matching_rules}: those of today's rules, for Recovery. */
    public V2Tweet withMatchingRules(List<MatchedRule> rules) {
        return new V2Tweet(id, authorId, status, injectedTerms, rules, createdAt, context, recorded, deliveredAt);
    }
}
