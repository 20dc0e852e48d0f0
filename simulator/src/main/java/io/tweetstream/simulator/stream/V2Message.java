package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.MatchedRule;

import java.util.List;

/**
 * A v2 stream message ready to send, with what the ledger records of it.
 *
 * @param json the whole message, one line without CRLF
 */
public record V2Message(String json, long tweetId, long authorId, List<String> injectedTerms,
                        List<MatchedRule> matchingRules) {

    public V2Message {
        injectedTerms = List.copyOf(injectedTerms);
        matchingRules = List.copyOf(matchingRules);
    }
}
