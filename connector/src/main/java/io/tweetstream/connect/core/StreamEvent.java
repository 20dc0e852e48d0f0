package io.tweetstream.connect.core;

import io.tweetstream.connect.tweet.Like;
import io.tweetstream.connect.tweet.Tweet;
import java.time.Instant;
import java.util.List;

/**
 * What a stream hands to the task: a tweet, or a compliance notice about tweets or users, which the
 * task turns into tombstones and compliance records (see {@code record/StreamRecords}).
 */
public sealed interface StreamEvent {

    /**
     * @param matchedKeywords the configured phrases the tweet matched, for the record's keyword field
     * @param recovered whether it refills a gap (backfill, Recovery, recent search) rather than arrived
     *     live: a recovered tweet at or before the point the task resumed from was written before
     */
    record TweetReceived(Tweet tweet, List<String> matchedKeywords, boolean recovered) implements StreamEvent {

        public TweetReceived {
            matchedKeywords = List.copyOf(matchedKeywords);
        }

        /** A tweet that arrived live. */
        public TweetReceived(Tweet tweet, List<String> matchedKeywords) {
            this(tweet, matchedKeywords, false);
        }
    }

    /**
     * A Like from a likes stream.
     *
     * @param position the Like's time as the id a Post made then would have: where it stands in the stream
     * @param recovered whether it refills a gap rather than arrived live, as for a tweet
     */
    record LikeReceived(Like like, long position, boolean recovered) implements StreamEvent {}

    /** A notice that a tweet was deleted (v1.1 {@code delete}). */
    record TweetDeleted(long tweetId, long userId, long receivedAtMillis) implements StreamEvent {}

    /** A notice that a tweet is now withheld in some countries (v1.1 {@code status_withheld}). */
    record TweetWithheld(long tweetId, long userId, List<String> countries, long receivedAtMillis)
            implements StreamEvent {

        public TweetWithheld {
            countries = List.copyOf(countries);
        }
    }

    /** A notice that a user, and so every tweet of theirs, is withheld in some countries (v1.1 {@code user_withheld}). */
    record UserWithheld(long userId, List<String> countries, long receivedAtMillis) implements StreamEvent {

        public UserWithheld {
            countries = List.copyOf(countries);
        }
    }

    /**
     * A change to a user's account that X's User compliance stream reports and no tweet record shows:
     * {@code user_delete}, {@code user_undelete}, {@code user_protect}, {@code user_unprotect},
     * {@code user_suspend}, {@code user_unsuspend}, or {@code user_profile_modification} (with the field and its
     * new value; null for the others).
     */
    record UserChanged(String type, long userId, long receivedAtMillis, String profileField, String newValue)
            implements StreamEvent {}

    /**
     * A user removed their Like of a Post (the {@code delete} of X's likes compliance stream). It names the Post and
     * the user, not the Like, whose record is keyed by the Like's id: it can only be handed on as a notice.
     */
    record LikeRemoved(long tweetId, long userId, long receivedAtMillis) implements StreamEvent {}

    /**
     * A notice that a user removed the location from their tweets up to a tweet id (v1.1
     * {@code scrub_geo}): records already written still hold it.
     */
    record GeoScrubbed(long userId, long upToTweetId, long receivedAtMillis) implements StreamEvent {}

    /**
     * A gap whose refill runs beside the live stream: the tweets after {@code fromId} and before
     * {@code untilId} are not written until the refill hands them over, and offsets say so meanwhile.
     *
     * @param key what the gap's later events name it by
     */
    record GapPending(long key, long fromId, long untilId) implements StreamEvent {}

    /** The new connection's first live tweet: the gap {@code key} ends before {@code untilId}. */
    record GapEndsAt(long key, long untilId) implements StreamEvent {}

    /** The refill of gap {@code key} has handed over every tweet up to {@code throughId}. */
    record GapRefilledThrough(long key, long throughId) implements StreamEvent {}

    /** The refill of gap {@code key} is over: refilled, or reported as not recoverable. */
    record GapRefilled(long key) implements StreamEvent {}

    /**
     * A stream whose messages are not Posts (the Post compliance stream) has delivered up to
     * {@code at}: its offset keeps the point (an id of that moment, as Posts' ids tell theirs), so that
     * a restart refills the events from there.
     */
    record PositionReached(long id, Instant at) implements StreamEvent {}
}
