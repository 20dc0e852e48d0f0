package io.tweetstream.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A status the simulator wrote to a stream.
 *
 * @param connectionId     the stream it was written to ({@link ConnectionInfo#id()})
 * @param id               the status id ({@code id} in the JSON)
 * @param userId           its author ({@code user.id})
 * @param json             exactly the JSON line sent, without the trailing CRLF
 * @param injectedKeywords the {@code track} phrases put into it on purpose, as the client sent them;
 *                         empty when the status was chosen by {@code follow} or {@code locations}
 * @param sentAt           when it was written; its {@code timestamp_ms}
 */
public record SentTweet(long connectionId, long id, long userId, String json, List<String> injectedKeywords, Instant sentAt) {

    public SentTweet {
        injectedKeywords = List.copyOf(injectedKeywords);
    }
}
