package io.tweetstream.connect.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.core.StreamEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of X's Post, User or likes compliance stream ({@code GET /2/tweets/compliance/stream},
 * {@code GET /2/users/compliance/stream}, {@code GET /2/likes/compliance/stream}) read as what the task does with it
 * (x-api/compliance/streams, "Compliance Data Objects"; the OpenAPI spec's LikeComplianceSchema). A removed Like
 * names the Post and the user, not the Like's record: it becomes a compliance notice. A user's event (a delete,
 * protection, suspension, withholding, profile change or location scrub, or its undoing) names no record to
 * rewrite: it becomes a compliance notice. A {@code delete} or a {@code drop} (the Post is no longer public)
 * becomes a tombstone of the Post's record, a {@code withheld} one too (a record cannot be shown only outside the
 * countries, as for v1.1's notices). A {@code tweet_edit} and an {@code undrop} name no record that can be
 * rewritten, so they are reported, not applied; any other type is one X added since, reported the same way.
 */
final class ComplianceEvents {

    /** What a line said: the events to hand over, the time of the event, or why nothing is applied. */
    record Read(List<StreamEvent> events, Instant eventAt, String notApplied) {}

    private ComplianceEvents() {}

    /** @return empty when the line holds no compliance event X documents the shape of */
    static Optional<Read> read(JsonNode data) {
        if (data == null || !data.isObject() || data.size() != 1) {
            return Optional.empty();
        }
        String type = data.fieldNames().next();
        JsonNode event = data.get(type);
        Optional<Instant> eventAt = time(event.path("event_at"));
        if (eventAt.isEmpty()) {
            return Optional.empty();
        }
        if (type.equals("delete") && event.has("favorite")) {
            // The likes compliance stream's: {"favorite":{"id":"<the Post>","user_id":"<the user>"},"event_at":...}
            return likeRemoved(event.get("favorite"), eventAt.get());
        }
        long at = eventAt.get().toEpochMilli();
        long tweetId = id(event.path("tweet").path("id"));
        long authorId = id(event.path("tweet").path("author_id"));
        long userId = id(event.path("user").path("id"));
        return switch (type) {
            case "user_delete", "user_undelete", "user_protect", "user_unprotect", "user_suspend", "user_unsuspend" ->
                    userId < 0 ? Optional.empty() : Optional.of(new Read(
                            List.of(new StreamEvent.UserChanged(type, userId, at, null, null)), eventAt.get(), null));
            case "user_profile_modification" -> userId < 0 ? Optional.empty() : Optional.of(new Read(
                    List.of(new StreamEvent.UserChanged(type, userId, at, event.path("profile_field").asText(null),
                            event.path("new_value").asText(null))), eventAt.get(), null));
            case "user_withheld" -> userId < 0 ? Optional.empty() : Optional.of(new Read(
                    List.of(new StreamEvent.UserWithheld(userId, strings(event.path("withheld_in_countries")), at)),
                    eventAt.get(), null));
            case "scrub_geo" -> userId < 0 || id(event.path("up_to_tweet_id")) < 0 ? Optional.empty()
                    : Optional.of(new Read(List.of(new StreamEvent.GeoScrubbed(userId,
                            id(event.path("up_to_tweet_id")), at)), eventAt.get(), null));
            case "delete", "drop" -> tweetId < 0 ? Optional.empty() : Optional.of(new Read(
                    List.of(new StreamEvent.TweetDeleted(tweetId, authorId, at)), eventAt.get(), null));
            case "withheld" -> tweetId < 0 ? Optional.empty() : Optional.of(new Read(
                    List.of(new StreamEvent.TweetWithheld(tweetId, authorId, strings(event.path("withheld_in_countries")),
                            at)), eventAt.get(), null));
            case "tweet_edit" -> Optional.of(new Read(List.of(), eventAt.get(), "Post " + id(event.path("initial_tweet_id"))
                    + " was edited into " + tweetId + " (versions " + strings(event.path("edit_tweet_ids"))
                    + "): each version is a Post of its own, and records already written are left as they are"));
            case "undrop" -> Optional.of(new Read(List.of(), eventAt.get(), "Post " + tweetId
                    + " is public again: its record, tombstoned at its drop, is not written again"));
            default -> Optional.of(new Read(List.of(), eventAt.get(), "a compliance event of a type this connector"
                    + " does not know ('" + type + "') was not applied"));
        };
    }

    private static Optional<Read> likeRemoved(JsonNode favorite, Instant eventAt) {
        long tweetId = id(favorite.path("id"));
        long userId = id(favorite.path("user_id"));
        return tweetId < 0 || userId < 0 ? Optional.empty() : Optional.of(new Read(
                List.of(new StreamEvent.LikeRemoved(tweetId, userId, eventAt.toEpochMilli())), eventAt, null));
    }

    private static Optional<Instant> time(JsonNode text) {
        if (!text.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long id(JsonNode id) {
        try {
            return id.isTextual() || id.isNumber() ? Long.parseLong(id.asText()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
