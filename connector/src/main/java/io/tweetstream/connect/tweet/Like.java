package io.tweetstream.connect.tweet;

import java.time.Instant;

/**
 * A Like of a Post, as X's likes streams deliver it (x-api/likes, LikeWithTweetAuthor): X names the Post and its
 * author, never the user who liked it.
 *
 * @param id X's id of the Like, an opaque string (32 hex digits)
 * @param likedTweetAuthorId the liked Post's author; -1 when X left it out
 * @param tweetCreatedAt when the liked Post was made; null when X left it out
 * @param likedAt when the Like was made ({@code timestamp_ms})
 * @param rawJson the line exactly as X sent it, when the connector keeps it; else null
 */
public record Like(String id, long likedTweetId, long likedTweetAuthorId, Instant tweetCreatedAt, Instant likedAt,
        String rawJson) {

    /**
     * A number for the id, for the task's cache of recent ids: the id's two 64-bit halves folded together, so two
     * Likes share one only by a 1 in 2^64 chance.
     */
    public long dedupeKey() {
        if (id.length() == 32 && isHex(id)) {
            return Long.parseUnsignedLong(id.substring(0, 16), 16) ^ Long.parseUnsignedLong(id.substring(16), 16);
        }
        long hash = 1_125_899_906_842_597L;
        for (int i = 0; i < id.length(); i++) {
            hash = 31 * hash + id.charAt(i);
        }
        return hash;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
