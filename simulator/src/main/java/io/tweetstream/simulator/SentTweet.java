package io.tweetstream.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A status the simulator wrote to a stream. A v2 tweet sent on several connections has one of these per connection.
 *
 * @param connectionId     the stream it was written to ({@link ConnectionInfo#id()})
 * @param id               the status id ({@code id} in the JSON; {@code data.id} on v2)
 * @param userId           its author ({@code user.id}; {@code data.author_id} on v2)
 * @param json             exactly the JSON line sent, without the trailing CRLF
 * @param injectedKeywords on v1.1, the {@code track} phrases put into it on purpose, as the client sent them;
 *                         empty when the status was chosen by {@code follow} or {@code locations}. On the v2
 *                         filtered stream, the keywords, phrases, #hashtags, @mentions and $cashtags of the
 *                         rule it was made for, as written in the rule. Empty on the sample stream.
 * @param createdAt        when it was made: its {@code created_at} (v1.1 also {@code timestamp_ms}) and its id's time
 * @param sentAt           when it was delivered: {@code createdAt} plus its delivery delay
 *                         ({@link SimulatorSettings#deliveryDelay()}; {@code createdAt} itself without one). It is
 *                         written a moment later. On v2 the same on every connection, and on a backfill or Recovery
 *                         resend the time of its live delivery.
 * @param matchingRules    on the v2 filtered stream, its {@code matching_rules}: every rule it matched when
 *                         sent; empty on v1.1 and the sample stream
 * @param partition        the partition of the connection it was written to, on X's partitioned volume streams
 *                         (firehose 1-20, sample10 1-2; {@link ConnectionInfo#partition()}); 0 on the other streams
 */
public record SentTweet(long connectionId, long id, long userId, String json, List<String> injectedKeywords,
                        Instant createdAt, Instant sentAt, List<MatchedRule> matchingRules, int partition) {

    public SentTweet {
        injectedKeywords = List.copyOf(injectedKeywords);
        matchingRules = List.copyOf(matchingRules);
    }

    /** A status of a stream that is not partitioned. */
    public SentTweet(long connectionId, long id, long userId, String json, List<String> injectedKeywords,
                     Instant createdAt, Instant sentAt, List<MatchedRule> matchingRules) {
        this(connectionId, id, userId, json, injectedKeywords, createdAt, sentAt, matchingRules, 0);
    }

    /** A v1.1 status, which matches no rules. */
    public SentTweet(long connectionId, long id, long userId, String json, List<String> injectedKeywords,
                     Instant createdAt, Instant sentAt) {
        this(connectionId, id, userId, json, injectedKeywords, createdAt, sentAt, List.of());
    }

    /** How long it took from its creation to its delivery. */
    public Duration deliveryDelay() {
        return Duration.between(createdAt, sentAt);
    }
}
