package io.tweetstream.connect.v2.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A batch compliance job as X describes it ({@code POST /2/compliance/jobs}, x-api/compliance/batch-compliance):
 * {@code created} until its ids are uploaded, then {@code in_progress}, then {@code complete} with results to
 * download for about 7 days; or {@code failed} or {@code expired}. Its upload and download URLs carry a token of
 * their own: never log them.
 *
 * @param name the name the connector gave it, which tells its jobs from the app's others; null when none
 * @param error why it failed, when it did; null otherwise
 */
public record ComplianceJob(String id, String type, String name, String status, Instant createdAt, String uploadUrl,
        Instant uploadExpiresAt, String downloadUrl, Instant downloadExpiresAt, String error) {

    public static final String CREATED = "created";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    public static final String EXPIRED = "expired";

    /** The job in X's JSON ({@code data} of a job response, or one element of a list). */
    static ComplianceJob of(JsonNode job) {
        String id = job.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("X described a compliance job without an id");
        }
        return new ComplianceJob(id, job.path("type").asText(null), job.path("name").asText(null),
                job.path("status").asText(""), time(job.path("created_at")), job.path("upload_url").asText(null),
                time(job.path("upload_expires_at")), job.path("download_url").asText(null),
                time(job.path("download_expires_at")), job.path("error").asText(null));
    }

    private static Instant time(JsonNode text) {
        if (!text.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(text.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether it holds the app's one active slot for its type: created or in progress. */
    public boolean active() {
        return CREATED.equals(status) || IN_PROGRESS.equals(status);
    }

    public boolean complete() {
        return COMPLETE.equals(status);
    }

    /** Whether it ended without results: failed, expired, or a status X added since. */
    public boolean ended() {
        return !active() && !complete();
    }

    /** Whether its results can still be downloaded at {@code now}. */
    public boolean downloadable(Instant now) {
        return complete() && downloadUrl != null && (downloadExpiresAt == null || now.isBefore(downloadExpiresAt));
    }

    /** For log lines: the id, status and time, never the URLs. */
    @Override
    public String toString() {
        return "compliance job " + id + " (" + status + ", created " + createdAt + (error == null ? "" : ", " + error)
                + ")";
    }
}
