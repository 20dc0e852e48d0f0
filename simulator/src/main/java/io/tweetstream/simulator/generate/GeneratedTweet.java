package io.tweetstream.simulator.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A status ready to send.
 *
 * @param injectedKeywords the track phrases put into it on purpose; empty when it was chosen by follow or locations
 */
public record GeneratedTweet(ObjectNode json, long id, long userId, List<String> injectedKeywords) {

    public GeneratedTweet {
        injectedKeywords = List.copyOf(injectedKeywords);
    }
}
