package io.tweetstream.connect.v2.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.v2.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One line of a compliance job's results (x-api/compliance/batch-compliance/integrate.mdx): an id of the upload
 * that has a compliance event, and what to do with the stored copy: {@code delete} (the Post was deleted, or its
 * author protected, deactivated or suspended), {@code rehydrate} (edited: fetch it again) or {@code scrub_geo}.
 * Ids that are clean are absent. A line X could not read comes back with an {@code error}.
 *
 * @param redactedAt when the event happened; null when X does not know (events before it kept the time)
 */
record JobResult(long tweetId, String action, String reason, Instant redactedAt) {

    static final String DELETE = "delete";

    /** @throws IllegalArgumentException for a line that names no id, or an error line */
    static JobResult parse(String line) {
        JsonNode result;
        try {
            result = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a result line that is not JSON");
        }
        if (result == null || !result.isObject()) {
            throw new IllegalArgumentException("a result line that is not a JSON object");
        }
        String id = result.path("id").asText("");
        if (result.hasNonNull("error")) {
            throw new IllegalArgumentException("X could not check id '" + abbreviated(id) + "': "
                    + result.path("error").asText());
        }
        long tweetId;
        try {
            tweetId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a result for '" + abbreviated(id) + "', which is no Post id");
        }
        String action = result.path("action").asText("");
        if (action.isEmpty()) {
            throw new IllegalArgumentException("a result for Post " + tweetId + " without an action");
        }
        return new JobResult(tweetId, action, result.path("reason").asText(""), time(result.path("redacted_at")));
    }

    private static String abbreviated(String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "...";
    }

    private static Instant time(JsonNode text) {
        try {
            return text.isTextual() ? Instant.parse(text.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    boolean delete() {
        return DELETE.equals(action);
    }
}
