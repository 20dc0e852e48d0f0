package io.tweetstream.simulator.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * Everything that goes into one status object, decided before it is written as JSON by {@link StatusJson}.
 *
 * @param fullText        the whole text; longer than 140 code points makes an extended tweet
 * @param linkToTweet     the t.co link ending the truncated {@code text} of an extended tweet; unused otherwise
 * @param reply           {@code null} unless the status replies to another
 * @param whereabouts     {@code null} for a status without place and coordinates
 * @param retweetedStatus the original, for a retweet; else {@code null}
 * @param quoted          the quoted status, for a quote; else {@code null}
 * @param streamed        whether this is the top-level status of a stream message (only those carry {@code timestamp_ms})
 * @param details         media, poll, edits, sensitivity, withholding
 */
public record StatusSpec(
        long id,
        Instant createdAt,
        UserProfile author,
        TweetText fullText,
        Link linkToTweet,
        Corpus.Source source,
        Reply reply,
        Whereabouts whereabouts,
        ObjectNode retweetedStatus,
        Quoted quoted,
        Engagement engagement,
        String filterLevel,
        String lang,
        boolean streamed,
        PostDetails details) {

    /** The status replied to and its author. */
    public record Reply(long statusId, Mention user) {
    }

    /** A quoted status: its id, its JSON and the permalink to it. */
    public record Quoted(long id, ObjectNode json, Link permalink) {
    }

    /** The counters of a status; all zero for a status that was just posted. */
    public record Engagement(int quotes, int replies, int retweets, int favorites) {
        public static final Engagement NONE = new Engagement(0, 0, 0, 0);
    }
}
