package io.tweetstream.simulator.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A status ready to send.
 *
 * @param json             the status in its v1.1 form, from which the v2 form is written too
 * @param injectedKeywords the track phrases put into it on purpose; empty when it was chosen by follow or locations
 * @param v2               what its v2 rendering needs besides
 */
public record GeneratedTweet(ObjectNode json, long id, long userId, List<String> injectedKeywords, V2Context v2) {

    public GeneratedTweet {
        injectedKeywords = List.copyOf(injectedKeywords);
    }
}
