package io.tweetstream.connect.v2;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.GapReports;
import io.tweetstream.connect.core.OwnThreads;
import io.tweetstream.connect.core.StreamEvent.GapRefilled;
import io.tweetstream.connect.core.StreamEvent.GapRefilledThrough;
import io.tweetstream.connect.core.StreamStats;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refills the gaps of one stream beside its live connection, one gap at a time on a thread of its
 * own, with the tool {@link GapLadder} chose: Recovery, falling back to recent search where the
 * config allows it, or recent search. It waits until the end of the gap is safely past (X's search
 * index lags the stream by some seconds), so that the refill and the live connection overlap rather
 * than leave a seam; the overlap is dropped by id. It tells the buffer how far each refill got
 * ({@code GapRefilledThrough}, {@code GapRefilled}), so that the records' offsets keep the rest pending.
 */
final class GapFiller {

    private static final Logger log = LoggerFactory.getLogger(GapFiller.class);
    /** How far past a new connection's start the refill reaches, for tweets delivered late at the seam. */
    static final Duration SEAM_OVERLAP = Duration.ofSeconds(5);
    /** Recent search serves what is at least this old (X's default end_time is 30 s before the request). */
    static final Duration SEARCH_SETTLE = Duration.ofSeconds(30);

    private final RecoveryStream recovery;
    private final SearchRecovery search;
    private final StreamStats stats;
    private final EventBuffer buffer;
    private final String streamName;
    private final CountDownLatch closing;
    private final OwnThreads workerThreads;
    private final ExecutorService worker;

    /**
     * @param recovery null when the config does not allow Recovery
     * @param search null when the config does not allow recent search
     * @param closing counted down when the stream closes, which ends every wait
     */
    GapFiller(String threadName, RecoveryStream recovery, SearchRecovery search, StreamStats stats, EventBuffer buffer,
            String streamName, CountDownLatch closing) {
        this.recovery = recovery;
        this.search = search;
        this.stats = stats;
        this.buffer = buffer;
        this.streamName = streamName;
        this.closing = closing;
        this.workerThreads = new OwnThreads(threadName + "-gap-filler");
        this.worker = Executors.newSingleThreadExecutor(workerThreads);
    }

    /** A waiter that ends early when the stream closes, for the tools' waits. */
    static SearchRecovery.Sleeper sleeperUntil(CountDownLatch closing) {
        return duration -> {
            if (closing.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("the stream is closing");
            }
        };
    }

    /**
     * Refills, once the new connection is open, what {@code plan} says is to be refilled beside it:
     * the tweets after {@code sinceId} up to a little after {@code connectedAt}. The offsets hold the
     * gap up to {@code untilId} pending meanwhile.
     */
    void refill(GapPlan plan, long sinceId, long untilId, Instant connectedAt) {
        Instant to = connectedAt.plus(SEAM_OVERLAP);
        submit(plan, sinceId, untilId, to, Snowflake.lowestIdAt(to));
    }

    /** Refills a gap a previous run of the task left pending: the tweets after {@code fromId} and before {@code untilId}. */
    void refillPending(GapPlan plan, long fromId, long untilId) {
        submit(plan, fromId, untilId, Snowflake.timeOf(untilId), untilId);
    }

    private void submit(GapPlan plan, long sinceId, long untilId, Instant to, long searchUntilId) {
        if (!plan.refillsBesideTheStream()) {
            return;
        }
        worker.execute(() -> {
            try {
                run(plan, sinceId, untilId, to, searchUntilId);
                buffer.put(new GapRefilled(untilId));
            } catch (InterruptedException e) {
                log.info("Stopped refilling the gap of {}: the stream is closing; its offsets keep the rest of the gap"
                        + " pending, for the next start", streamName);
            } catch (BudgetReached e) {
                log.warn("Stopped refilling the gap of {}: {}; its offsets keep the rest of the gap pending, for a"
                        + " start when the budget allows", streamName, e.getMessage());
            } catch (RuntimeException e) {
                log.error("Refilling the gap of {} failed; its offsets keep it pending, for the next start", streamName, e);
            }
        });
    }

    private void run(GapPlan plan, long sinceId, long untilId, Instant to, long searchUntilId) throws InterruptedException {
        SearchRecovery.Sleeper sleeper = sleeperUntil(closing);
        if (plan.recovery() != null && recovery != null) {
            GapPlan.Window window = new GapPlan.Window(plan.recovery().from(), to);
            sleepUntil(to.plusSeconds(1), sleeper);
            if (recovery.refill(window)) {
                return;
            }
            if (search == null) {
                GapReports.unrecoverable(stats, streamName, window.from(), window.to(),
                        "X would not re-stream it with Recovery (see the warning before), and search is not in"
                                + " twitter.v2.gap.recovery");
                return;
            }
            log.info("Falling back to recent search for the tweets made from {} to {}", window.from(), window.to());
            searchAfterSettling(window, sinceId, untilId, searchUntilId, sleeper);
            return;
        }
        if (plan.search() != null && search != null) {
            searchAfterSettling(new GapPlan.Window(plan.search().from(), to), sinceId, untilId, searchUntilId, sleeper);
        }
    }

    private void searchAfterSettling(GapPlan.Window window, long sinceId, long untilId, long searchUntilId,
            SearchRecovery.Sleeper sleeper) throws InterruptedException {
        sleepUntil(window.to().plus(SEARCH_SETTLE), sleeper);
        search.refill(window, sinceId, searchUntilId, through -> {
            try {
                buffer.put(new GapRefilledThrough(untilId, through));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void sleepUntil(Instant at, SearchRecovery.Sleeper sleeper) throws InterruptedException {
        Duration wait = Duration.between(Instant.now(), at);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** Stops refilling: what is in progress ends at its next wait or read. */
    void close() {
        if (recovery != null) {
            recovery.close();
        }
        try {
            workerThreads.shutDown(worker, 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
