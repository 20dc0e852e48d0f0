package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A batch compliance job ({@code POST /2/compliance/jobs}) as the simulator holds it, for tests to check what a client
 * did with it: its status as of the moment it was read ({@link StreamSimulator#complianceJobs()}), what was uploaded
 * and how often the results were fetched. The upload and download tokens are not here: they are secrets, and the job's
 * URLs carry them.
 *
 * @param id                its {@code id}, a numeric string
 * @param type              {@link #TWEETS} or {@link #USERS}
 * @param name              the {@code name} given at creation; {@code null} when none was
 * @param status            {@link #CREATED}, {@link #IN_PROGRESS}, {@link #COMPLETE}, {@link #FAILED} or {@link #EXPIRED}
 *                          (cancelled, or its upload window lapsed)
 * @param error             why a {@code failed} job failed ({@link StreamSimulator#failNextComplianceJob}); else {@code null}
 * @param createdAt         its {@code created_at}
 * @param uploadExpiresAt   its {@code upload_expires_at}: the upload URL takes a PUT until then
 * @param downloadExpiresAt its {@code download_expires_at}: the download URL answers until then
 * @param uploadedAt        when its upload was taken; {@code null} before
 * @param finishedAt        when it became {@code complete}, {@code failed} or {@code expired}; {@code null} while active
 * @param uploadedIds       the numeric ids of the upload, repeats included; 0 before it
 * @param invalidLines      the lines of the upload that were no id (blank lines aside)
 * @param resultLines       the lines of its results: ids with a compliance event, then invalid lines; 0 until complete
 * @param downloads         the GETs of its download URL that got the results
 */
public record ComplianceJobInfo(String id, String type, String name, String status, String error, Instant createdAt,
                                Instant uploadExpiresAt, Instant downloadExpiresAt, Instant uploadedAt,
                                Instant finishedAt, long uploadedIds, long invalidLines, int resultLines,
                                int downloads) {

    public static final String TWEETS = "tweets";
    public static final String USERS = "users";

    public static final String CREATED = "created";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    public static final String EXPIRED = "expired";

    /** Whether it holds its type's one slot: {@code created} or {@code in_progress}. */
    public boolean active() {
        return CREATED.equals(status) || IN_PROGRESS.equals(status);
    }
}
