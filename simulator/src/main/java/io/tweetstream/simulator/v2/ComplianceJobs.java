package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.ComplianceEvent;
import io.tweetstream.simulator.ComplianceJobInfo;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.generate.SnowflakeIds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The app's batch compliance jobs (x-api/compliance/batch-compliance/): at most one active ({@code created} or
 * {@code in_progress}) job per type, a {@code users} job beside a {@code tweets} one; each with an upload and a
 * download token that bind its two URLs to one operation on it. A {@code tweets} job's results come from the Post
 * compliance stream's events ({@link ComplianceJobResults}); a {@code users} job's hold only its invalid lines, as the
 * simulator has no user compliance events. All bearer tokens are one app here, as for the rules. Jobs are never
 * forgotten; nothing is billed. Thread-safe.
 */
public final class ComplianceJobs {

    /** {@code download_expires_at} is this long after creation, X's "~7 days". */
    public static final Duration DOWNLOAD_WINDOW = Duration.ofDays(7);
    private static final int TOKEN_BYTES = 24;

    private final SimulatorSettings settings;
    private final Supplier<List<ComplianceEvent>> events;
    private final SnowflakeIds ids = new SnowflakeIds();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ComplianceJob> jobs = new LinkedHashMap<>();
    private final Map<Long, Instant> scrubbedGeo = new HashMap<>();
    private String failNext;
    /** The requests that listed jobs ({@code GET /2/compliance/jobs}). */
    private int listings;

    /** Why a request about a job was refused; the endpoint answers each with X's status for it. */
    public static final class RefusedException extends Exception {

        public enum Reason {
            /** No job has that id: 404. */
            NOT_FOUND,
            /** A job of that type is active already: 409. */
            ACTIVE_JOB,
            /** The job's status does not allow it (an upload after the upload, a download before complete): 409. */
            WRONG_STATUS,
            /** The URL's token is missing or none the simulator gave: 401. */
            UNUSABLE_TOKEN,
            /** The URL's token is one of another job, or of the other operation, or expired: 403. */
            WRONG_TOKEN
        }

        private final Reason reason;

        RefusedException(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** A job as of one moment, with what its URLs need. */
    public record View(ComplianceJobInfo info, String uploadToken, String downloadToken) {
    }

    /** @param events the Post compliance stream's events made so far, oldest first */
    public ComplianceJobs(SimulatorSettings settings, Supplier<List<ComplianceEvent>> events) {
        this.settings = settings;
        this.events = events;
    }

    /** @param name {@code null} for none */
    public synchronized View create(String type, String name, Instant now) throws RefusedException {
        advanceAll(now);
        Optional<ComplianceJob> active = jobs.values().stream()
                .filter(job -> job.type.equals(type) && job.active()).findFirst();
        if (active.isPresent()) {
            throw new RefusedException(RefusedException.Reason.ACTIVE_JOB, "A " + type + " compliance job is "
                    + "active already (" + active.get().id + ", " + active.get().status() + "): wait for it to end, "
                    + "or cancel it.");
        }
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        ComplianceJob job = new ComplianceJob(Long.toString(ids.next(at)), type, name, at,
                settings.complianceJobUploadWindow(), DOWNLOAD_WINDOW, token(), token());
        jobs.put(job.id, job);
        return view(job);
    }

    /** The job {@code id} as of {@code now}. */
    public synchronized View show(String id, Instant now) throws RefusedException {
        return view(advanced(id, now));
    }

    /** The jobs of {@code type}, newest first, of {@code status} only unless it is {@code null}. */
    public synchronized List<View> list(String type, String status, Instant now) {
        listings++;
        advanceAll(now);
        List<View> listed = new ArrayList<>();
        // Kept oldest first (ids grow with creation): the list is the other way round.
        jobs.values().stream().filter(job -> job.type.equals(type))
                .filter(job -> status == null || status.equals(job.status()))
                .forEach(job -> listed.add(0, view(job)));
        return listed;
    }

    /** Cancels a {@code created} or {@code in_progress} job: it is {@code expired} then, its type's slot free. */
    public synchronized View cancel(String id, Instant now) throws RefusedException {
        ComplianceJob job = advanced(id, now);
        if (!job.active()) {
            throw wrongStatus(job, "cancelled: only a created or in_progress job can be");
        }
        job.cancel(now);
        return view(job);
    }

    /** Checks an upload before its body is read; {@link #upload} checks again. */
    public synchronized void admitUpload(String id, String token, Instant now) throws RefusedException {
        ComplianceJob job = authorized(id, token, true, now);
        if (!ComplianceJobInfo.CREATED.equals(job.status())) {
            throw wrongStatus(job, "uploaded: it took its upload already");
        }
    }

    /** Takes the ids: the job is {@code in_progress} for {@link SimulatorSettings#complianceJobProcessing()}. */
    public synchronized View upload(String id, String token, UploadedIds uploaded, Instant now)
            throws RefusedException {
        admitUpload(id, token, now);
        ComplianceJob job = jobs.get(id);
        job.upload(uploaded, now, settings.complianceJobProcessing(), failNext);
        failNext = null;
        return view(job);
    }

    /** The results of a {@code complete} job, newline-delimited JSON (empty when every id is clean). */
    public synchronized String download(String id, String token, Instant now) throws RefusedException {
        ComplianceJob job = authorized(id, token, false, now);
        if (!ComplianceJobInfo.COMPLETE.equals(job.status())) {
            throw wrongStatus(job, "downloaded before it is complete");
        }
        return job.download();
    }

    /** The next job uploaded ends {@code failed} with {@code error} after its processing, instead of complete. */
    public synchronized void failNext(String error) {
        failNext = error;
    }

    /** Records that the Post's geo data was scrubbed at {@code at}: a {@code scrub_geo} in later results. */
    public synchronized void scrubGeo(long tweetId, Instant at) {
        scrubbedGeo.put(tweetId, at);
    }

    /** Every job as of {@code now}, oldest first. */
    public synchronized List<ComplianceJobInfo> infos(Instant now) {
        advanceAll(now);
        return jobs.values().stream().map(ComplianceJob::info).toList();
    }

    /** The uploads taken, all jobs (at most one each). */
    public synchronized int uploads() {
        return (int) jobs.values().stream().filter(job -> job.info().uploadedAt() != null).count();
    }

    /** The requests that listed jobs, for a test to see a client look before it acts. */
    public synchronized int listings() {
        return listings;
    }

    /** The GETs of download URLs that got results, all jobs. */
    public synchronized int downloads() {
        return jobs.values().stream().mapToInt(ComplianceJob::downloads).sum();
    }

    /** The job {@code id}, moved on to {@code now}. */
    private ComplianceJob advanced(String id, Instant now) throws RefusedException {
        ComplianceJob job = jobs.get(id);
        if (job == null) {
            throw new RefusedException(RefusedException.Reason.NOT_FOUND, "Could not find compliance job with id: ["
                    + id + "].");
        }
        advance(job, now);
        return job;
    }

    /**
     * The job of a URL whose token binds it to that job and operation, unexpired. X answers a token it cannot use with
     * 401, a valid one that is expired or for another purpose with 403 (integrate.mdx, "Error handling").
     */
    private ComplianceJob authorized(String id, String token, boolean upload, Instant now) throws RefusedException {
        ComplianceJob owner = token == null || token.isEmpty() ? null : jobs.values().stream()
                .filter(job -> same(token, job.uploadToken) || same(token, job.downloadToken))
                .findFirst().orElse(null);
        if (owner == null) {
            throw new RefusedException(RefusedException.Reason.UNUSABLE_TOKEN, "Unauthorized");
        }
        advance(owner, now);
        boolean bound = owner.id.equals(id) && same(token, upload ? owner.uploadToken : owner.downloadToken);
        if (!bound) {
            throw new RefusedException(RefusedException.Reason.WRONG_TOKEN, "The token of this URL is not for "
                    + (upload ? "uploading to" : "downloading from") + " compliance job " + id + ".");
        }
        if (!now.isBefore(upload ? owner.uploadExpiresAt : owner.downloadExpiresAt)) {
            throw new RefusedException(RefusedException.Reason.WRONG_TOKEN, "The " + (upload ? "upload" : "download")
                    + " URL of compliance job " + id + " expired at " + V2Json.time(upload ? owner.uploadExpiresAt
                    : owner.downloadExpiresAt) + ".");
        }
        return owner;
    }

    private void advanceAll(Instant now) {
        jobs.values().forEach(job -> advance(job, now));
    }

    private void advance(ComplianceJob job, Instant now) {
        job.advance(now, (uploaded, asOf) -> ComplianceJobResults.of(uploaded,
                ComplianceJobInfo.TWEETS.equals(job.type), events.get(), scrubbedGeo, asOf));
    }

    private static RefusedException wrongStatus(ComplianceJob job, String what) {
        return new RefusedException(RefusedException.Reason.WRONG_STATUS, "Compliance job " + job.id + " is "
                + job.status() + " and cannot be " + what + ".");
    }

    private View view(ComplianceJob job) {
        return new View(job.info(), job.uploadToken, job.downloadToken);
    }

    /** An opaque token: random, URL-safe. */
    private String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Compares a token in constant time, as secrets are compared. */
    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
