package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.simulator.stream.V2Tweet;

import java.util.function.Function;

/**
 * Writes tweets as one connection's messages: with the fields and expansions it asked for, and, on the filtered
 * stream, {@code matching_rules}. Connections that get the same tweets may ask for different fields, so each has
 * its own writer.
 */
public final class MessageWriter implements Function<V2Tweet, String> {

    private final V2Payload payload;
    private final FieldSelection fields;
    private final boolean withMatchingRules;
    private final ObjectMapper mapper;

    /** @param withMatchingRules true on the filtered stream; the sample stream has no rules */
    public MessageWriter(V2Payload payload, FieldSelection fields, boolean withMatchingRules, ObjectMapper mapper) {
        this.payload = payload;
        this.fields = fields;
        this.withMatchingRules = withMatchingRules;
        this.mapper = mapper;
    }

    /** The message, one line without CRLF. */
    @Override
    public String apply(V2Tweet tweet) {
        try {
            if (tweet.recorded() != null) {
                return mapper.writeValueAsString(Replayed.withRules(tweet.recorded(),
                        withMatchingRules ? tweet.matchingRules() : null));
            }
            return mapper.writeValueAsString(payload.message(new StatusView(tweet.status()), tweet.context(), fields,
                    withMatchingRules ? tweet.matchingRules() : null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a v2 message as JSON", e);
        }
    }
}
