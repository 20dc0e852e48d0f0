package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.LocationBox;
import io.tweetstream.simulator.generate.GeoPoint;
import io.tweetstream.simulator.generate.TwitterTime;

import java.time.Instant;
import java.util.Optional;

/**
 * Typed reading of a generated status in its v1.1 form. The v2 payloads are written from it, so that the
 * v2 API serves the very tweets the v1.1 API would (same people, text, entities, places).
 */
public record StatusView(JsonNode json) {

    public long id() {
        return json.path("id").asLong();
    }

    /** The whole text: {@code extended_tweet.full_text} when the status has one. */
    public String text() {
        JsonNode extended = json.path("extended_tweet");
        return extended.isObject() ? extended.path("full_text").asText() : json.path("text").asText();
    }

    /** The entities of the whole text. */
    public JsonNode entities() {
        JsonNode extended = json.path("extended_tweet");
        return extended.isObject() ? extended.path("entities") : json.path("entities");
    }

    /** Where the media, polls and entities of the whole text are: {@code extended_tweet} when the status has one. */
    private JsonNode whole() {
        JsonNode extended = json.path("extended_tweet");
        return extended.isObject() ? extended : json;
    }

    /** The media items (v1.1 {@code extended_entities.media}), none when the status has none. */
    public JsonNode media() {
        return whole().path("extended_entities").path("media");
    }

    /** The polls (the enterprise format's {@code entities.polls}), none when the status has none. */
    public JsonNode polls() {
        return entities().path("polls");
    }

    /** Every version's id, oldest first: this status's own id alone when it was never edited. */
    public JsonNode editTweetIds() {
        return json.path("edit_history").path("edit_tweet_ids");
    }

    public JsonNode editControls() {
        return json.path("edit_controls");
    }

    public boolean possiblySensitive() {
        return json.path("possibly_sensitive").asBoolean(false);
    }

    /** The countries the status is withheld in; none when it is not withheld. */
    public JsonNode withheldInCountries() {
        return json.path("withheld_in_countries");
    }

    public boolean withheldForCopyright() {
        return json.path("withheld_copyright").asBoolean(false);
    }

    public long authorId() {
        return json.path("user").path("id").asLong();
    }

    public String authorScreenName() {
        return json.path("user").path("screen_name").asText();
    }

    public String lang() {
        return json.path("lang").asText();
    }

    public Instant createdAt() {
        JsonNode millis = json.path("timestamp_ms");
        return millis.isTextual() ? Instant.ofEpochMilli(Long.parseLong(millis.asText()))
                : TwitterTime.parse(json.path("created_at").asText());
    }

    /** The client's name, without the HTML anchor v1.1 wraps it in. */
    public String sourceName() {
        return json.path("source").asText().replaceAll("<[^>]*>", "");
    }

    public Optional<StatusView> retweeted() {
        JsonNode original = json.path("retweeted_status");
        return original.isObject() ? Optional.of(new StatusView(original)) : Optional.empty();
    }

    public Optional<StatusView> quoted() {
        JsonNode quoted = json.path("quoted_status");
        return quoted.isObject() ? Optional.of(new StatusView(quoted)) : Optional.empty();
    }

    public boolean isReply() {
        return json.path("in_reply_to_status_id").isNumber();
    }

    public long inReplyToStatusId() {
        return json.path("in_reply_to_status_id").asLong();
    }

    public long inReplyToUserId() {
        return json.path("in_reply_to_user_id").asLong();
    }

    /** Exact coordinates, or {@code null}. */
    public GeoPoint point() {
        JsonNode coordinates = json.path("coordinates").path("coordinates");
        return coordinates.isArray() ? new GeoPoint(coordinates.get(0).asDouble(), coordinates.get(1).asDouble()) : null;
    }

    /** The v1.1 place object, or a missing node. */
    public JsonNode place() {
        return json.path("place");
    }

    /** The box of the place, or {@code null} when there is no place. */
    public LocationBox placeBox() {
        JsonNode ring = place().path("bounding_box").path("coordinates").path(0);
        if (!ring.isArray()) {
            return null;
        }
        return new LocationBox(ring.get(0).get(0).asDouble(), ring.get(0).get(1).asDouble(),
                ring.get(2).get(0).asDouble(), ring.get(2).get(1).asDouble());
    }
}
