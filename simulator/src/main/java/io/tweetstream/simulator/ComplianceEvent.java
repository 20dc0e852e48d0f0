package io.tweetstream.simulator;

import java.time.Instant;
import java.util.List;

/**
 * An event of X's Post compliance stream ({@code GET /2/tweets/compliance/stream?partition=1..4}) that the simulator
 * made, whether or not a client got it, in the shapes of X's "Compliance Data Objects" page:
 * <ul>
 *   <li>{@code delete}: {@code {"data":{"delete":{"tweet":{"id":"…","author_id":"…"},"event_at":"…"}}}}</li>
 *   <li>{@code tweet_edit}: {@code {"data":{"tweet_edit":{"tweet":{"id":"NEW"},"initial_tweet_id":"…",
 *       "edit_tweet_ids":["…",…,"NEW"],"event_at":"…"}}}}</li>
 *   <li>{@code withheld}: {@code {"data":{"withheld":{"tweet":{"id":"…","author_id":"…"},
 *       "withheld_in_countries":["XY"],"event_at":"…"}}}}</li>
 *   <li>{@code drop}, {@code undrop}: as {@code delete}, under their own name</li>
 * </ul>
 *
 * @param type                 {@link #DELETE}, {@link #TWEET_EDIT}, {@link #WITHHELD}, {@link #DROP} or {@link #UNDROP}
 * @param tweetId              the id in {@code tweet.id}: the Post itself, or, for {@code tweet_edit}, its new version
 * @param authorId             the Post's author ({@code tweet.author_id}; not in a {@code tweet_edit}'s JSON, as on X)
 * @param eventAt              its {@code event_at} (milliseconds), when it was made
 * @param partition            the one partition (1-4) that carries it, chosen by {@code tweetId}
 * @param json                 exactly the line sent, without the CRLF
 * @param editTweetIds         a {@code tweet_edit}'s {@code edit_tweet_ids}, oldest first, the new version last; empty
 *                             for the other types
 * @param withheldInCountries  a {@code withheld}'s {@code withheld_in_countries}; empty for the other types
 * @param automatic            whether the simulator chose it (the compliance fractions of the settings) rather than a
 *                             test ({@link StreamSimulator#deletePost(long)} and friends)
 */
public record ComplianceEvent(String type, long tweetId, long authorId, Instant eventAt, int partition, String json,
                              List<Long> editTweetIds, List<String> withheldInCountries, boolean automatic)
        implements ComplianceStreamEvent {

    public static final String DELETE = "delete";
    public static final String TWEET_EDIT = "tweet_edit";
    public static final String WITHHELD = "withheld";
    public static final String DROP = "drop";
    public static final String UNDROP = "undrop";

    public ComplianceEvent {
        editTweetIds = List.copyOf(editTweetIds);
        withheldInCountries = List.copyOf(withheldInCountries);
    }

    /**
     * The Post the event is about, as it was streamed: {@link #tweetId()}, but for a {@code tweet_edit} the version that
     * was edited (the one before the new version in {@link #editTweetIds()}).
     */
    public long postId() {
        return TWEET_EDIT.equals(type) ? editTweetIds.get(editTweetIds.size() - 2) : tweetId;
    }
}
