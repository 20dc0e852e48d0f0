package io.tweetstream.connect.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.tweet.Like;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code data} of a likes stream's line read as a Like (X's LikeWithTweetAuthor: {@code id}, {@code created_at}
 * of the liked Post, {@code liked_tweet_id}, {@code liked_tweet_author_id} (or {@code tweet_author_id}, as one of
 * X's examples names it), {@code timestamp_ms}).
 */
final class LikeEvents {

    private LikeEvents() {}

    /** @return empty when the data lacks the Like's id, the liked Post or the time of the Like */
    static Optional<Like> read(JsonNode data, String rawJson) {
        if (data == null || !data.isObject()) {
            return Optional.empty();
        }
        String id = data.path("id").asText("");
        long likedTweetId = id(data.path("liked_tweet_id"));
        JsonNode timestamp = data.path("timestamp_ms");
        if (id.isEmpty() || likedTweetId < 0 || !(timestamp.canConvertToLong() || timestamp.isTextual())) {
            return Optional.empty();
        }
        long likedAtMillis;
        try {
            likedAtMillis = timestamp.isTextual() ? Long.parseLong(timestamp.asText()) : timestamp.asLong();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        JsonNode author = data.has("liked_tweet_author_id") ? data.path("liked_tweet_author_id")
                : data.path("tweet_author_id");
        return Optional.of(new Like(id, likedTweetId, id(author), time(data.path("created_at")),
                Instant.ofEpochMilli(likedAtMillis), rawJson));
    }

    private static long id(JsonNode id) {
        try {
            return id.isTextual() || id.isIntegralNumber() ? Long.parseLong(id.asText()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant time(JsonNode text) {
        try {
            return text.isTextual() ? Instant.parse(text.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
