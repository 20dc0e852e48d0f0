package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.ComplianceJobInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import static io.tweetstream.simulator.ComplianceJobInfo.COMPLETE;
import static io.tweetstream.simulator.ComplianceJobInfo.CREATED;
import static io.tweetstream.simulator.ComplianceJobInfo.EXPIRED;
import static io.tweetstream.simulator.ComplianceJobInfo.FAILED;
import static io.tweetstream.simulator.ComplianceJobInfo.IN_PROGRESS;

/**
 * One batch compliance job and the way it goes (x-api/compliance/batch-compliance/integrate.mdx, "Job lifecycle"):
 * {@code created}, its upload makes it {@code in_progress}, its processing {@code complete} (or {@code failed});
 * {@code expired} when its upload window lapses or it is cancelled. Time moves it on only when it is looked at
 * ({@link #advance}), each step dated when it was due, so that no thread has to watch it. Not thread-safe:
 * {@link ComplianceJobs} guards it.
 */
final class ComplianceJob {

    final String id;
    final String type;
    final String name;
    final Instant createdAt;
    final Instant uploadExpiresAt;
    final Instant downloadExpiresAt;
    final String uploadToken;
    final String downloadToken;

    private String status = CREATED;
    private String error;
    private Instant uploadedAt;
    private Instant processedAt;
    private Instant finishedAt;
    private String failWith;
    private UploadedIds uploaded;
    private long uploadedIds;
    private long invalidLines;
    private String results = "";
    private int resultLines;
    private int downloads;

    ComplianceJob(String id, String type, String name, Instant createdAt, Duration uploadWindow,
                  Duration downloadWindow, String uploadToken, String downloadToken) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.createdAt = createdAt;
        this.uploadExpiresAt = createdAt.plus(uploadWindow);
        this.downloadExpiresAt = createdAt.plus(downloadWindow);
        this.uploadToken = uploadToken;
        this.downloadToken = downloadToken;
    }

    String status() {
        return status;
    }

    boolean active() {
        return CREATED.equals(status) || IN_PROGRESS.equals(status);
    }

    /**
     * Takes the steps due by {@code now}: the upload window lapsing, the processing ending.
     *
     * @param results the result lines of the ids uploaded, as of the moment processing ended
     */
    void advance(Instant now, BiFunction<UploadedIds, Instant, List<String>> results) {
        if (CREATED.equals(status) && !now.isBefore(uploadExpiresAt)) {
            finish(EXPIRED, uploadExpiresAt);
        } else if (IN_PROGRESS.equals(status) && !now.isBefore(processedAt)) {
            if (failWith != null) {
                error = failWith;
                finish(FAILED, processedAt);
            } else {
                List<String> lines = results.apply(uploaded, processedAt);
                this.results = String.join("", lines);
                resultLines = lines.size();
                finish(COMPLETE, processedAt);
            }
            uploaded = null;
        }
    }

    /** Takes the upload: {@code in_progress} until {@code processing} has passed; then failed if {@code failWith}. */
    void upload(UploadedIds ids, Instant now, Duration processing, String failWith) {
        uploaded = ids;
        uploadedIds = ids.count();
        invalidLines = ids.invalid().size();
        uploadedAt = now;
        processedAt = now.plus(processing);
        this.failWith = failWith;
        status = IN_PROGRESS;
    }

    /** Cancelled: {@code expired}, as a job whose upload window lapsed, and its slot free. */
    void cancel(Instant now) {
        uploaded = null;
        finish(EXPIRED, now);
    }

    /** The results, counted as downloaded once more. */
    String download() {
        downloads++;
        return results;
    }

    int downloads() {
        return downloads;
    }

    ComplianceJobInfo info() {
        return new ComplianceJobInfo(id, type, name, status, error, createdAt, uploadExpiresAt, downloadExpiresAt,
                uploadedAt, finishedAt, uploadedIds, invalidLines, resultLines, downloads);
    }

    private void finish(String status, Instant at) {
        this.status = status;
        finishedAt = at;
    }
}
