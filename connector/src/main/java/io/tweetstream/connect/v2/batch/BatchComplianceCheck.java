package io.tweetstream.connect.v2.batch;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.ResumePoint;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TweetStream;
import io.tweetstream.connect.cost.XClock;
import io.tweetstream.connect.v2.Snowflake;
import io.tweetstream.connect.v2.XApiClient;
import io.tweetstream.connect.v2.XApiException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the tweets the topic holds against X's batch compliance jobs, on a schedule (X's advice: daily or
 * weekly), for apps without the compliance streams (pay-per-use): reads the ids of the tweets made within the
 * look-back, uploads them to a job, waits for it, and hands each {@code delete} result over as a deleted tweet,
 * which the task writes as a tombstone. {@code rehydrate} (an edited Post) and {@code scrub_geo} name nothing a
 * tombstone fixes: they are logged and counted as not applied.
 *
 * <p>X keeps the jobs, so a restart looks there first: a job of this connector still in progress is waited for,
 * a complete one not yet applied (its time is after the offset's) is applied, and the next run is due an interval
 * after the newest job. The offset is the creation time of the last job applied, carried by its last tombstone.
 */
public final class BatchComplianceCheck implements TweetStream, Runnable {

    private static final Logger log = LoggerFactory.getLogger(BatchComplianceCheck.class);
    /** X takes at most 128 MB of ids in one job: 5 million ids of up to 20 characters stay under it. */
    static final int MAX_IDS_PER_JOB = 5_000_000;
    private static final Duration MAX_RETRY_WAIT = Duration.ofMinutes(10);

    /** @param jobName the name of the connector's jobs at X, which tells them from the app's others */
    public record Settings(String threadName, String jobName, String topic, Duration interval, Duration lookback,
            Duration pollInterval) {}

    /** Where the ids to check come from: the topic ({@link #topic}), or a test's list. */
    @FunctionalInterface
    public interface StoredIds {

        /** The ids of the tweets made since {@code since}; gives up when {@code stop} says so. */
        WrittenTweetIds.Read since(Instant since, BooleanSupplier stop);

        /** @param consumerConfig how to read the topic: {@code bootstrap.servers} and any security settings */
        static StoredIds topic(Map<String, Object> consumerConfig, String topic) {
            return (since, stop) -> WrittenTweetIds.since(consumerConfig, topic, since, stop);
        }
    }

    private final Settings settings;
    private final StoredIds storedIds;
    private final ComplianceJobs jobs;
    private final XClock clock;
    private final EventBuffer buffer;
    private final StreamStats stats;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Thread thread;
    /** The creation time of the last job whose results were applied, from the offset; EPOCH when none. */
    private Instant lastApplied = Instant.EPOCH;

    public BatchComplianceCheck(Settings settings, StoredIds storedIds, XApiClient client, EventBuffer buffer,
            StreamStats stats) {
        this.settings = settings;
        this.storedIds = storedIds;
        this.jobs = new ComplianceJobs(client);
        this.clock = client.clock();
        this.buffer = buffer;
        this.stats = stats;
    }

    @Override
    public void resumeAfter(ResumePoint lastWritten) {
        lastApplied = lastWritten.createdAt();
        log.info("The previous run for {} last applied the compliance job made at {}", settings.topic(), lastApplied);
    }

    @Override
    public synchronized void start() {
        thread = new Thread(this, settings.threadName() + "-compliance-jobs");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        Duration retryWait = settings.pollInterval();
        try {
            while (closing.getCount() > 0) {
                try {
                    Instant due = cycle();
                    retryWait = settings.pollInterval();
                    log.info("The next compliance job of {} is due at {}", settings.topic(), due);
                    waitUntil(due);
                } catch (XApiException e) {
                    if (e.status() == 401 || e.status() == 403) {
                        buffer.fail(e.getMessage() + ". Check " + "the bearer token, and that the app may use X's"
                                + " batch compliance endpoints");
                        return;
                    }
                    log.warn("{}: trying again in {}", e.getMessage(), retryWait);
                    retryWait = waitAndGrow(retryWait);
                } catch (IOException | KafkaException | IllegalArgumentException e) {
                    log.warn("A compliance job of {} did not finish ({}): trying again in {}", settings.topic(),
                            e.toString(), retryWait);
                    retryWait = waitAndGrow(retryWait);
                } catch (JobEnded e) {
                    log.warn("{}: trying again in {}", e.getMessage(), retryWait);
                    retryWait = waitAndGrow(retryWait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Does what is due (finishes the job in flight, or runs a new one) and says when the next run is due. */
    private Instant cycle() throws XApiException, IOException, InterruptedException, JobEnded {
        Optional<ComplianceJob> newest = jobs.list().stream()
                .filter(job -> settings.jobName().equals(job.name()) && job.createdAt() != null)
                .max(Comparator.comparing(ComplianceJob::createdAt));
        if (newest.isPresent()) {
            ComplianceJob job = newest.get();
            if (ComplianceJob.CREATED.equals(job.status())) {
                // A previous run made it and stopped before the upload: its ids are gone with that run.
                log.info("Cancelling {}, which a previous run made but did not upload to", job);
                jobs.cancel(job);
            } else if (ComplianceJob.IN_PROGRESS.equals(job.status())) {
                log.info("Waiting for {}, which a previous run uploaded", job);
                applyOwn(awaitComplete(job));
                return job.createdAt().plus(settings.interval());
            } else if (job.complete()) {
                Instant due = job.createdAt().plus(settings.interval());
                if (job.createdAt().isAfter(lastApplied) && job.downloadable(clock.now())) {
                    log.info("Applying {}, which a previous run did not finish applying", job);
                    try {
                        apply(job);
                    } catch (ComplianceJobs.UrlRefused e) {
                        log.warn("X refused the results of {} ({}): checking the tweets again in a new job", job,
                                e.getMessage());
                        due = clock.now();
                    }
                }
                if (due.isAfter(clock.now())) {
                    return due;
                }
            } else {
                log.warn("The newest {} ended without results", job);
            }
        }
        return runNow();
    }

    private Instant runNow() throws XApiException, IOException, InterruptedException, JobEnded {
        Instant started = clock.now();
        Instant since = started.minus(settings.lookback());
        WrittenTweetIds.Read read = storedIds.since(since, () -> closing.getCount() == 0);
        if (closing.getCount() == 0) {
            throw new InterruptedException("the task is stopping");
        }
        reportUnreadable(read);
        long[] ids = read.ids();
        log.info("{} tweets of topic {} made since {} to check ({} records read)", ids.length, settings.topic(), since,
                read.records());
        for (int from = 0; from < ids.length; from += MAX_IDS_PER_JOB) {
            int to = Math.min(ids.length, from + MAX_IDS_PER_JOB);
            applyOwn(awaitComplete(submit(ids, from, to)));
        }
        return started.plus(settings.interval());
    }

    private void reportUnreadable(WrittenTweetIds.Read read) {
        if (read.unreadableKeys() == 0) {
            return;
        }
        stats.add(StreamCounter.SKIPPED_MESSAGES, read.unreadableKeys());
        String message = read.unreadableKeys() + " of the " + read.records() + " records read from topic "
                + settings.topic() + " have a key that is no tweet id as Kafka's JSON, String or Long converters"
                + " write it, so they were not checked";
        if (read.unreadableKeys() == read.records()) {
            buffer.fail(message + ": write the tweets' keys with one of those converters (key.converter)");
        } else {
            log.warn(message);
        }
    }

    private ComplianceJob submit(long[] ids, int from, int to)
            throws XApiException, IOException, InterruptedException, JobEnded {
        Path file = Files.createTempFile("tweetstream-compliance-", ".txt");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                for (int i = from; i < to; i++) {
                    out.write(Long.toString(ids[i]));
                    out.write('\n');
                }
            }
            ComplianceJob job = jobs.create(settings.jobName());
            try {
                jobs.upload(job, file);
            } catch (ComplianceJobs.UrlRefused e) {
                cancelQuietly(job);
                throw new JobEnded(job, "X refused its upload URL (" + e.getMessage() + ")");
            }
            stats.add(StreamCounter.COMPLIANCE_IDS_CHECKED, to - from);
            log.info("Uploaded {} tweet ids to {}", to - from, job);
            return job;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Frees the type's slot, if the job still holds it (an expired upload window has freed it already). */
    private void cancelQuietly(ComplianceJob job) throws IOException, InterruptedException {
        try {
            jobs.cancel(job);
        } catch (XApiException e) {
            log.debug("Cancelling {}: {}", job, e.getMessage());
        }
    }

    private ComplianceJob awaitComplete(ComplianceJob job)
            throws XApiException, IOException, InterruptedException, JobEnded {
        ComplianceJob now = job;
        while (!now.complete()) {
            if (now.ended()) {
                throw new JobEnded(now, "it ended without results");
            }
            if (closing.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("the task is stopping");
            }
            String was = now.status();
            now = jobs.get(job.id());
            if (!now.status().equals(was)) {
                log.info("X says {}", now);
            }
        }
        return now;
    }

    /** {@link #apply} to a job this connector is waiting for, whose refused results end it like a failure. */
    private void applyOwn(ComplianceJob job) throws XApiException, IOException, InterruptedException, JobEnded {
        try {
            apply(job);
        } catch (ComplianceJobs.UrlRefused e) {
            throw new JobEnded(job, "X refused its results (" + e.getMessage() + ")");
        }
    }

    /**
     * Hands each delete over as a deleted tweet. The job's time goes into the offset just before its last
     * tombstone, so the offset says the job was applied only once every tombstone of it is written.
     */
    private void apply(ComplianceJob job)
            throws XApiException, IOException, InterruptedException, ComplianceJobs.UrlRefused {
        StreamEvent held = null;
        long deletes = 0;
        long results = 0;
        try (InputStream in = jobs.results(job);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                results++;
                Optional<StreamEvent> event = toEvent(line, job);
                if (event.isPresent()) {
                    if (held != null && !buffer.put(held)) {
                        return;
                    }
                    held = event.get();
                    deletes++;
                }
            }
        }
        if (!buffer.put(new StreamEvent.PositionReached(Snowflake.lowestIdAt(job.createdAt()), job.createdAt()))
                || (held != null && !buffer.put(held))) {
            return;
        }
        lastApplied = job.createdAt();
        stats.increment(StreamCounter.COMPLIANCE_JOBS);
        log.info("Applied {}: {} results, {} tombstones", job, results, deletes);
    }

    private Optional<StreamEvent> toEvent(String line, ComplianceJob job) {
        JobResult result;
        try {
            result = JobResult.parse(line);
        } catch (IllegalArgumentException e) {
            stats.increment(StreamCounter.SKIPPED_MESSAGES);
            log.warn("Skipped a result of {}: {}", job, e.getMessage());
            return Optional.empty();
        }
        if (result.delete()) {
            stats.increment(StreamCounter.COMPLIANCE_EVENTS);
            Instant at = result.redactedAt() == null ? clock.now() : result.redactedAt();
            // The results name the Post only, not its author.
            return Optional.of(new StreamEvent.TweetDeleted(result.tweetId(), -1, at.toEpochMilli()));
        }
        stats.increment(StreamCounter.COMPLIANCE_NOT_APPLIED);
        log.info("{} says '{}' ({}) for Post {}: records already written are left as they are", job, result.action(),
                result.reason(), result.tweetId());
        return Optional.empty();
    }

    private void waitUntil(Instant due) throws InterruptedException {
        Duration wait = clock.until(due);
        if (!wait.isNegative() && closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("the task is stopping");
        }
    }

    private Duration waitAndGrow(Duration wait) throws InterruptedException {
        if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("the task is stopping");
        }
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : doubled;
    }

    @Override
    public void close() {
        closing.countDown();
        buffer.close();
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A job of no more use: it failed or expired before its results were ready, or X refused its URLs. */
    static final class JobEnded extends Exception {
        JobEnded(ComplianceJob job, String why) {
            super("No results from " + job + ": " + why);
        }
    }
}
