package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.GapRecoveryTool;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.GapReports;
import io.tweetstream.connect.core.OwnThreads;
import io.tweetstream.connect.core.PendingGaps;
import io.tweetstream.connect.core.ResumePoint;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TweetStream;
import io.tweetstream.connect.cost.PostBudget;
import io.tweetstream.connect.cost.TaskCost;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An X API v2 stream, filtered or sample, read on a thread of its own: it connects, hands every line
 * to a {@link V2MessageHandler} and reconnects after whatever ends the connection, waiting as
 * {@link ReconnectBackoff} says. Problems that retrying cannot fix (HTTP 400, 401, 403, 404, and a proxy's 407) fail the
 * {@link EventBuffer} with a message that says what to change.
 *
 * <p>A watchdog closes a connection that stays silent, without data or keep-alive, for longer than
 * the read timeout; closing the body also ends a blocked read at once, which is how {@link #close()}
 * stops the reader.
 */
public final class XApiStream implements TweetStream {

    private static final Logger log = LoggerFactory.getLogger(XApiStream.class);
    /** Far above any tweet with its includes (tens of kB), far below what would strain the heap. */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final long THREAD_EXIT_WAIT_MS = 2_000;

    /**
     * @param threadName a name unique to this stream, given to its reader and watchdog threads
     * @param readTimeoutMs silence after which the connection counts as stalled and is replaced
     * @param backfillMinutes the most minutes of missed tweets to ask X for on a reconnect; 0 for none
     * @param gapRecovery the tools beside backfill that refill a gap, in the order to try them
     * @param connectsPer15Minutes the most connection attempts the app makes in 15 minutes; 0 for no own limit
     * @param usagePollIntervalMs how often to ask X for the project's usage; 0 for never
     */
    public record Settings(String threadName, int connectTimeoutMs, int readTimeoutMs, long networkBackoffMs,
            long httpBackoffMs, long rateLimitBackoffMs, int backfillMinutes, boolean keepRawJson,
            List<GapRecoveryTool> gapRecovery, int connectsPer15Minutes, int usagePollIntervalMs) {

        /** The same settings without usage polling, for a stream X does not bill per Post. */
        Settings withoutUsagePolling() {
            return new Settings(threadName, connectTimeoutMs, readTimeoutMs, networkBackoffMs, httpBackoffMs,
                    rateLimitBackoffMs, backfillMinutes, keepRawJson, gapRecovery, connectsPer15Minutes, 0);
        }
    }

    /** How often a stream that waits for a budget to renew looks at X's clock again. */
    private static final long BUDGET_RECHECK_MS = 30_000;

    private final XApiClient client;
    private final Settings settings;
    private final V2Endpoint stream;
    private final String pathAndQuery;
    private final String endpoint;
    private final EventBuffer buffer;
    private final StreamStats stats;
    private final V2MessageHandler handler;
    private final ReconnectBackoff backoff;
    private final ConnectPacer pacer;
    private final GapLadder ladder;
    private final TaskCost cost;
    private final PostBudget budget;
    /** What the task's share of the rules would cost, asked at start; null when there is nothing to ask. */
    private final Runnable estimate;
    private final CountDownLatch closing = new CountDownLatch(1);
    /** Refills gaps beside the live connection; null on the sample stream, which only backfill refills. */
    private GapFiller filler;
    /** Where the previous run of the task stopped writing; null when it wrote nothing, or on a first start. */
    private volatile ResumePoint resumedFrom;
    private boolean resumedPendingHandled;
    /**
     * The id below which no tweet can be missing from the connection opened last: a gap before it was
     * refilled when it opened. -1 before the first connection.
     */
    private long connectedFromId = -1;
    /** This stream's place among the task's connections to the same stream; alone unless redundant. */
    private final RedundantConnections.Member connections;
    /** The gap of the open connection that another connection may have delivered, until that is known; null for none. */
    private AwaitedCover awaited;
    private volatile boolean closed;
    private volatile boolean stalled;
    private volatile InputStream body;
    private volatile LineReader reader;
    private Thread thread;
    private final OwnThreads watchdogThreads;
    private final ScheduledExecutorService watchdog;
    /** Asks X about cost (usage, counts) on a thread of its own, so that a slow answer never holds the watchdog up. */
    private final OwnThreads costThreads;
    private final ScheduledExecutorService costRequests;

    /** A gap left to another connection: pending until {@code cover} says whether that one delivered it. */
    private record AwaitedCover(RedundantConnections.Cover cover, long key, long sinceId, Instant connectedAt) {}

    private XApiStream(XApiClient client, Settings settings, V2Endpoint stream, TaskShare share, EventBuffer buffer,
            StreamStats stats, String connector, int task, TaskCost cost, Runnable estimate,
            RedundantConnections.Member connections) {
        this.client = client;
        this.watchdogThreads = new OwnThreads(settings.threadName() + "-watchdog");
        this.costThreads = new OwnThreads(settings.threadName() + "-cost");
        this.connections = connections;
        this.cost = cost;
        this.budget = cost.budget();
        this.estimate = estimate;
        this.settings = settings;
        this.stream = stream;
        this.pathAndQuery = stream.pathAndQuery();
        this.endpoint = client.baseUrl() + stream.pathAndPartition();
        this.buffer = buffer;
        this.stats = stats;
        this.handler = new V2MessageHandler(buffer, stats, share, settings.keepRawJson(), budget, stream.messages(),
                connections::delivered);
        this.backoff = new ReconnectBackoff(settings.networkBackoffMs(), settings.httpBackoffMs(),
                settings.rateLimitBackoffMs());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(watchdogThreads);
        this.costRequests = Executors.newSingleThreadScheduledExecutor(costThreads);
        // X limits connects per endpoint: the filtered stream's and a partitioned stream's are counted apart.
        this.pacer = ConnectPacer.forApp(client.baseUrl() + stream.path(), client.bearerToken(),
                settings.connectsPer15Minutes());
        List<GapRecoveryTool> tools = settings.gapRecovery().stream()
                .filter(tool -> tool == GapRecoveryTool.RECOVERY ? stream.recoverable() : stream.searchable())
                .toList();
        this.ladder = new GapLadder(settings.backfillMinutes(), tools, stream.searchable());
        if (!tools.isEmpty()) {
            SearchRecovery.Sleeper sleeper = GapFiller.sleeperUntil(closing);
            RecoveryStream recovery = tools.contains(GapRecoveryTool.RECOVERY)
                    ? new RecoveryStream(client, stream, handler, stats, pacer, watchdog, settings, sleeper) : null;
            SearchRecovery search = tools.contains(GapRecoveryTool.SEARCH)
                    ? new SearchRecovery(client, handler, stats, connector, task, sleeper) : null;
            this.filler = new GapFiller(settings.threadName(), recovery, search, stats, buffer, streamName(), closing);
        }
    }

    /**
     * Task {@code task} of {@code taskCount} of the connector: it writes its share of the filtered stream.
     *
     * @param cost the task's budgets, which its {@code client}'s clock must drive
     * @param ownRules the values of the task's own rules, whose cost is estimated at start
     * @param estimateRulesMax the most rules to ask X's counts about; 0 for no estimate
     * @param connections the stream's place among the task's redundant connections, which share its
     *     buffer, stats and cost; {@link RedundantConnections#single()} for a connection alone
     */
    public static XApiStream filtered(XApiClient client, Settings settings, String connector, int task, int taskCount,
            EventBuffer buffer, StreamStats stats, TaskCost cost, List<String> ownRules, int estimateRulesMax,
            RedundantConnections.Member connections) {
        Runnable estimate = estimateRulesMax <= 0 || ownRules.isEmpty() ? null : () -> {
            try {
                CostEstimate.ask(client, ownRules, estimateRulesMax).ifPresent(found -> {
                    cost.estimated(found.postsPerDay());
                    found.log("task " + task + "'s rules", cost.budget().limits());
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return new XApiStream(client, settings, V2Endpoint.FILTERED, new TaskShare(connector, task, taskCount), buffer,
                stats, connector, task, cost, estimate, connections);
    }

    public static XApiStream sample(XApiClient client, Settings settings, EventBuffer buffer, StreamStats stats,
            TaskCost cost) {
        return new XApiStream(client, settings, V2Endpoint.SAMPLE, null, buffer, stats, null, 0, cost, null,
                RedundantConnections.single());
    }

    /** One partition of a partitioned stream, on a connection of its own. */
    public static XApiStream partition(XApiClient client, Settings settings, PartitionedStream stream, int partition,
            EventBuffer buffer, StreamStats stats, TaskCost cost) {
        return new XApiStream(client, settings, V2Endpoint.partition(stream, partition), null, buffer, stats, null, 0,
                cost, null, RedundantConnections.single());
    }

    private String streamName() {
        return stream.name();
    }

    @Override
    public void resumeAfter(ResumePoint lastWritten) {
        resumedFrom = lastWritten;
        if (connections.first()) {
            if (stream.messages() == V2Messages.POSTS) {
                log.info("The previous run of {} last wrote tweet {} (created {}): refilling the gap since",
                        streamName(), lastWritten.tweetId(), lastWritten.createdAt());
            } else {
                log.info("The previous run of {} last wrote {} of {}: refilling the gap since", streamName(),
                        stream.messages() == V2Messages.LIKES ? "Likes" : "compliance events", lastWritten.createdAt());
            }
        }
    }

    @Override
    public synchronized void start() {
        thread = new Thread(this::run, settings.threadName());
        thread.setDaemon(true);
        thread.start();
        long period = Math.max(50, Math.min(1_000, settings.readTimeoutMs() / 4));
        watchdog.scheduleAtFixedRate(this::closeIfStalled, period, period, TimeUnit.MILLISECONDS);
        if (estimate != null) {
            costRequests.execute(estimate);
        }
        if (settings.usagePollIntervalMs() > 0) {
            costRequests.scheduleWithFixedDelay(new UsageWatch(client, cost), 0, settings.usagePollIntervalMs(),
                    TimeUnit.MILLISECONDS);
        }
        log.info("Streaming from {}", endpoint);
    }

    private void run() {
        while (!closed) {
            Duration wait;
            try {
                if (waitOutBudget()) {
                    return;
                }
                wait = connectAndRead();
            } catch (FatalStreamException e) {
                log.error(e.getMessage());
                buffer.fail(e.getMessage());
                return;
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                if (stalled) {
                    stats.increment(StreamCounter.STALLS);
                    log.warn("No data or keep-alive from {} for {} ms: the connection stalled ({} stalls so far)",
                            endpoint, settings.readTimeoutMs(), stats.get(StreamCounter.STALLS));
                } else {
                    log.warn("Stream from {} broke: {}", endpoint, e.toString());
                }
                wait = backoff.afterNetworkError();
            }
            if (closed) {
                return;
            }
            if (budget.exhausted()) {
                continue;
            }
            log.info("Reconnecting to {} in {} ms", endpoint, wait.toMillis());
            try {
                if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * While a budget is reached, holds no connection (X bills what it sends) and waits for the budget
     * to renew by X's clock, which the usage requests keep current. What was read before is written
     * as usual. The Posts made meanwhile are not refilled afterwards: not reading them is what the
     * budget is for; the window is reported. True when the stream closed while it waited.
     */
    private boolean waitOutBudget() throws InterruptedException {
        if (!budget.exhausted()) {
            return false;
        }
        Instant pausedAt = Instant.now();
        String why = budget.exhaustedWhy().orElse("a budget is reached");
        log.warn("Stopped reading {}: {}. The connection is closed, so X bills nothing more; what was read is written."
                + " Reading resumes by itself when the budget renews, at {} by X's clock (in {}); raise"
                + " twitter.v2.budget.* to resume sooner", streamName(), why, budget.renewsAt().orElse(null),
                GapReports.describe(budget.clock().until(budget.renewsAt().orElse(budget.clock().now()))));
        stats.increment(StreamCounter.BUDGET_STOPS);
        while (budget.exhausted()) {
            long left = budget.renewsAt().map(renewal -> budget.clock().until(renewal).toMillis()).orElse(0L);
            if (closing.await(Math.max(100, Math.min(left + 100, BUDGET_RECHECK_MS)), TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        Instant resumedAt = Instant.now();
        GapReports.unrecoverable(stats, streamName(), pausedAt, resumedAt, "not read while " + why
                + "; by design it is not refilled, which would bill it");
        log.info("The Post budget renewed ({} UTC by X's clock): reconnecting to {}", budget.spend().day(), endpoint);
        // The gap of the pause is not refilled: the next connection starts afresh.
        connectedFromId = Math.max(connectedFromId, Snowflake.lowestIdAt(resumedAt) - 1);
        return false;
    }

    /** Reads one connection to its end; returns how long to wait before the next. */
    private Duration connectAndRead() throws IOException, InterruptedException, FatalStreamException {
        Duration paced = pacer.waitBeforeConnect(Instant.now());
        if (!paced.isZero()) {
            log.info("Waiting {} s before connecting to {}, to stay within X's connection limits (at most {} attempts"
                    + " in 15 minutes, and none before X's rate-limit window resets)", paced.toSeconds(), endpoint,
                    settings.connectsPer15Minutes());
            if (closing.await(paced.toMillis(), TimeUnit.MILLISECONDS)) {
                return Duration.ZERO;
            }
        }
        // A gap the previous connection left to another one is refilled if that one did not deliver it.
        settleAwaitedCover(true);
        long sinceId = gapSinceId();
        Instant gapFrom = sinceId < 0 ? null : Snowflake.timeOf(sinceId);
        // Another connection, open since before the gap began, may deliver it all: no backfill is asked for.
        boolean leftToAnother = gapFrom != null && connections.coverFor(gapFrom).isPresent();
        GapPlan plan = gapFrom == null || leftToAnother ? GapPlan.none() : ladder.plan(gapFrom, Instant.now());
        Duration headersTimeout = Duration.ofMillis((long) settings.connectTimeoutMs() + settings.readTimeoutMs());
        Instant requestedAt = Instant.now();
        pacer.attempted(requestedAt);
        HttpResponse<InputStream> response = client.openStream(plan.backfillMinutes() > 0
                ? stream.pathAndQuery("backfill_minutes=" + plan.backfillMinutes()) : pathAndQuery, headersTimeout);
        pacer.observed(RateLimit.of(response.headers()), Instant.now());
        InputStream in = response.body();
        if (response.statusCode() != 200) {
            byte[] errorBody;
            try (in) {
                errorBody = in.readNBytes(64 * 1024);
            }
            return refused(response.statusCode(), response.headers(), XApiClient.parse(errorBody));
        }
        try (in) {
            stalled = false;
            body = in;
            if (closed) {
                return Duration.ZERO;
            }
            stats.connected();
            Instant connectedAt = Instant.now();
            log.info("Connected to {}{}", endpoint, plan.backfillMinutes() > 0
                    ? " with " + plan.backfillMinutes() + " minute(s) of backfill" : "");
            Optional<RedundantConnections.Cover> cover = leftToAnother ? connections.coverFor(gapFrom) : Optional.empty();
            if (cover.isPresent()) {
                leaveGapToAnother(cover.get(), sinceId, requestedAt, connectedAt);
            } else {
                if (leftToAnother) {
                    // The other connection ended while this one connected, without backfill: refilled beside it.
                    plan = ladder.planBeside(gapFrom, connectedAt, connectedAt);
                }
                refillBesideTheStream(plan, sinceId, requestedAt, connectedAt);
                connections.opened(plan.refillsWholeGap() ? gapFrom : connectedAt, null);
            }
            return read(new LineReader(in, MAX_MESSAGE_BYTES));
        } finally {
            connections.closed();
            reader = null;
            body = null;
        }
    }

    /**
     * The gap of this connection, since tweet {@code sinceId}, is left to another connection that was
     * open throughout it: pending in the offsets until that one is known to have delivered it, and
     * refilled if it is not (see {@link RedundantConnections}).
     */
    private void leaveGapToAnother(RedundantConnections.Cover cover, long sinceId, Instant requestedAt,
            Instant connectedAt) throws InterruptedException {
        refillWhatThePreviousRunLeftPending(connectedAt);
        long key = Snowflake.lowestIdAt(connectedAt.plus(GapFiller.SEAM_OVERLAP));
        buffer.put(new StreamEvent.GapPending(key, sinceId, key));
        handler.endGapAtFirstTweet(key);
        handler.backfillBelow(-1);
        awaited = new AwaitedCover(cover, key, sinceId, connectedAt);
        connections.opened(connectedAt, cover);
        connectedFromId = Math.max(connectedFromId, Snowflake.lowestIdAt(requestedAt) - 1);
        log.info("The gap in {} since tweet {} (made {}) is left to the task's redundant connection, which was open"
                + " throughout it; it is refilled if that connection turns out not to have delivered it", streamName(),
                sinceId, Snowflake.timeOf(sinceId));
    }

    /**
     * Settles the gap left to another connection once it is known whether that one delivered it:
     * closes it when it did, refills it when it did not. Undecided, it waits unless {@code now}:
     * then it is refilled, as no proof is coming on a connection that ended.
     */
    private void settleAwaitedCover(boolean now) throws InterruptedException {
        AwaitedCover waiting = awaited;
        if (waiting == null) {
            return;
        }
        RedundantConnections.Verdict verdict = waiting.cover().verdict();
        if (verdict == RedundantConnections.Verdict.UNDECIDED && !now) {
            return;
        }
        awaited = null;
        if (verdict == RedundantConnections.Verdict.COVERED) {
            stats.increment(StreamCounter.GAPS_COVERED);
            buffer.put(new StreamEvent.GapRefilled(waiting.key()));
            log.info("The gap in {} since tweet {} came whole on the redundant connection: nothing to refill ({} gaps"
                    + " covered so far)", streamName(), waiting.sinceId(), stats.get(StreamCounter.GAPS_COVERED));
            return;
        }
        GapPlan plan = ladder.planBeside(Snowflake.timeOf(waiting.sinceId()), waiting.connectedAt(), Instant.now());
        log.info("The redundant connection of {} may not have delivered the gap since tweet {} (it ended, or did not"
                + " reach this connection's first tweet in time): refilling it", streamName(), waiting.sinceId());
        reportUnreachable(plan);
        if (filler != null && plan.refillsBesideTheStream()) {
            filler.refill(plan, waiting.sinceId(), waiting.key(), waiting.connectedAt());
        } else {
            buffer.put(new StreamEvent.GapRefilled(waiting.key()));
        }
    }

    /** Once, at the first connection: the gaps whose refill the previous run of the task did not finish. */
    private void refillWhatThePreviousRunLeftPending(Instant now) throws InterruptedException {
        ResumePoint resumed = resumedFrom;
        // One connection of a redundant group refills them, for all.
        if (resumed == null || resumedPendingHandled || !connections.first()) {
            return;
        }
        resumedPendingHandled = true;
        for (PendingGaps.Gap gap : resumed.pending().gaps()) {
            long fromId = gap.fromId();
            long untilId = gap.untilId();
            GapPlan plan = ladder.planBeside(Snowflake.timeOf(fromId), Snowflake.timeOf(untilId), now);
            log.info("The previous run left the gap from tweet {} to tweet {} (made {} to {}) to refill", fromId, untilId,
                    Snowflake.timeOf(fromId), Snowflake.timeOf(untilId));
            reportUnreachable(plan);
            if (filler != null && plan.refillsBesideTheStream()) {
                filler.refillPending(plan, fromId, untilId);
            } else {
                buffer.put(new StreamEvent.GapRefilled(untilId));
            }
        }
    }

    private void reportUnreachable(GapPlan plan) {
        for (GapPlan.Unreachable unreachable : plan.unreachable()) {
            GapReports.unrecoverable(stats, streamName(), unreachable.window().from(), unreachable.window().to(),
                    unreachable.why());
        }
    }

    /**
     * The newest tweet id up to which the stream is known to have delivered, where a gap before the
     * next connection begins; -1 when there is no gap to refill (a first start).
     */
    private long gapSinceId() {
        long since = Math.max(handler.newestSeenId(), connectedFromId);
        ResumePoint resumed = resumedFrom;
        return resumed == null ? since : Math.max(since, resumed.tweetId());
    }

    /**
     * The connection is open: what backfill did not ask for is refilled beside it, or reported. The gap
     * ends at the connection's first live tweet; one after this connection starts no earlier than
     * its request, as nothing made before the request can come on it.
     */
    private void refillBesideTheStream(GapPlan plan, long sinceId, Instant requestedAt, Instant connectedAt)
            throws InterruptedException {
        refillWhatThePreviousRunLeftPending(connectedAt);
        handler.backfillBelow(plan.backfillMinutes() > 0 ? Snowflake.lowestIdAt(requestedAt) : -1);
        if (plan.backfillMinutes() > 0) {
            stats.increment(StreamCounter.GAPS_REFILLED);
        }
        reportUnreachable(plan);
        if (filler != null && plan.refillsBesideTheStream()) {
            // Before any live tweet of the new connection, so that their offsets keep the gap pending. It
            // reaches past the connection's start, whose first live tweet then says where it ends.
            long key = Snowflake.lowestIdAt(connectedAt.plus(GapFiller.SEAM_OVERLAP));
            buffer.put(new StreamEvent.GapPending(key, sinceId, key));
            handler.endGapAtFirstTweet(key);
            filler.refill(plan, sinceId, key, connectedAt);
        } else if (plan.refillsBesideTheStream()) {
            throw new IllegalStateException("A gap plan beside the stream needs a gap filler");
        }
        if (plan.backfillMinutes() > 0 || plan.refillsBesideTheStream()) {
            log.info("Refilling the gap in {} since tweet {} (made {})", streamName(), sinceId, Snowflake.timeOf(sinceId));
        }
        connectedFromId = Math.max(connectedFromId, Snowflake.lowestIdAt(requestedAt) - 1);
    }

    private Duration read(LineReader lines) throws IOException, InterruptedException {
        reader = lines;
        boolean delivering = false;
        while (!closed) {
            byte[] line;
            try {
                line = lines.next();
            } catch (LineReader.OversizedLineException e) {
                stats.increment(StreamCounter.SKIPPED_MESSAGES);
                log.warn("Stream from {}: {} ({} skipped so far)", endpoint, e.getMessage(), stats.get(StreamCounter.SKIPPED_MESSAGES));
                continue;
            }
            if (line == null) {
                log.info("{} ended the stream", endpoint);
                return backoff.afterNetworkError();
            }
            if (!delivering) {
                backoff.reset();
                delivering = true;
            }
            if (line.length > 0) {
                V2MessageHandler.Outcome outcome = handler.handle(line);
                if (outcome == V2MessageHandler.Outcome.DISCONNECTED_BY_X) {
                    return backoff.afterNetworkError();
                }
                if (outcome == V2MessageHandler.Outcome.BUDGET_REACHED) {
                    return Duration.ZERO;
                }
            }
            // Keep-alives come at least every 20 s, so a verdict is acted on soon after it is known.
            settleAwaitedCover(false);
        }
        return Duration.ZERO;
    }

    private Duration refused(int status, HttpHeaders headers, ApiResponse problem) throws FatalStreamException {
        Optional<String> billing = BillingRefusal.of(status, problem, endpoint);
        if (billing.isPresent()) {
            throw new FatalStreamException(billing.get());
        }
        String said = problem.describe();
        switch (status) {
            case XApiClient.PROXY_AUTHENTICATION_REQUIRED -> throw new FatalStreamException("Could not connect to "
                    + endpoint + ": " + client.proxyRefusal());
            case 401 -> throw new FatalStreamException("X rejected the bearer token (HTTP 401) at " + endpoint
                    + ": check twitter.v2.bearer.token. X said: " + said);
            case 403 -> throw new FatalStreamException("X refused the stream (HTTP 403) at " + endpoint
                    + ": the app's project has no access to it (the filtered stream needs a tier that includes"
                    + " it). X said: " + said);
            case 409 -> throw new FatalStreamException("X refused the stream (HTTP 409) at " + endpoint + ": the app"
                    + " has no filtered-stream rules, so there is nothing to stream. The connector puts its rules in place"
                    + " when it starts: someone deleted them since. Restart the connector (POST"
                    + " /connectors/<name>/restart) to put them back. X said: " + said);
            case 400, 404 -> throw new FatalStreamException("X refused the stream request (HTTP " + status + ") at "
                    + endpoint + ": check twitter.v2.base.url. X said: " + said);
            case 429 -> {
                Instant resetAt = headers.firstValueAsLong("x-rate-limit-reset").stream()
                        .mapToObj(Instant::ofEpochSecond).findFirst().orElse(null);
                Duration wait = backoff.afterRateLimit(resetAt, Instant.now());
                log.warn("X is rate-limiting connections to {} (HTTP 429: {}){}; waiting {} s", endpoint, said,
                        "TooManyConnections".equals(problem.connectionIssue())
                                ? ": the app is at its connection limit; another process may hold a connection, or"
                                        + " twitter.v2.max.connections is above what the tier allows" : "",
                        wait.toSeconds());
                return wait;
            }
            default -> {
                log.warn("{} answered HTTP {} ({}); backing off", endpoint, status, said);
                return backoff.afterHttpError();
            }
        }
    }

    private void closeIfStalled() {
        LineReader lines = reader;
        InputStream in = body;
        if (lines != null && in != null && lines.waitingForNanos() > TimeUnit.MILLISECONDS.toNanos(settings.readTimeoutMs())) {
            stalled = true;
            closeQuietly(in);
        }
    }

    /**
     * Stops reading and ends the reader thread, waiting for it at most a few seconds: closing the
     * body ends a read in progress at once. Tweets the buffer still holds are counted as discarded.
     */
    @Override
    public void close() {
        Thread reading;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            reading = thread;
        }
        closing.countDown();
        buffer.close();
        InputStream in = body;
        if (in != null) {
            closeQuietly(in);
        }
        if (filler != null) {
            filler.close();
        }
        try {
            if (!watchdogThreads.shutDown(watchdog, THREAD_EXIT_WAIT_MS)) {
                log.warn("The stall watchdog of {} did not end within {} ms", endpoint, THREAD_EXIT_WAIT_MS);
            }
            if (!costThreads.shutDown(costRequests, THREAD_EXIT_WAIT_MS)) {
                log.warn("The usage request to {} did not end within {} ms", endpoint, THREAD_EXIT_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reading != null) {
            try {
                reading.join(THREAD_EXIT_WAIT_MS);
                if (reading.isAlive()) {
                    reading.interrupt();
                    reading.join(THREAD_EXIT_WAIT_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("Closed the stream from {}", endpoint);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            log.debug("Closing the stream body: {}", e.toString());
        }
    }

    /** The stream cannot work as configured; retrying would not help. */
    private static final class FatalStreamException extends Exception {
        FatalStreamException(String message) {
            super(message);
        }
    }
}
