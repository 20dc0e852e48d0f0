package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.AppliedFault;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.InjectedLine;
import io.tweetstream.simulator.SearchRequest;
import io.tweetstream.simulator.SentDelete;
import io.tweetstream.simulator.SentLimitNotice;
import io.tweetstream.simulator.SentNotice;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.filter.StreamFilter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a simulator has done, for tests and the stats endpoint: every stream accepted, the most recent
 * statuses, deletes and limit notices sent, the connection attempts (v1.1 and v2), and the faults injected.
 * Thread-safe; all streams write to one ledger.
 */
public final class StreamLedger {

    private final AtomicLong lastConnectionId = new AtomicLong();
    private final List<ConnectionState> connections = new CopyOnWriteArrayList<>();
    private final BoundedHistory<SentTweet> tweets;
    private final BoundedHistory<SentDelete> deletes;
    private final BoundedHistory<SentLimitNotice> limitNotices;
    private final BoundedHistory<SentNotice> notices;
    private final BoundedHistory<ConnectionAttempt> attempts;
    private final BoundedHistory<InjectedLine> injectedLines;
    private final BoundedHistory<AppliedFault> faults;
    private final BoundedHistory<SearchRequest> searches;
    private final AtomicLong tweetCount = new AtomicLong();
    private final AtomicLong deleteCount = new AtomicLong();
    private final AtomicLong limitNoticeCount = new AtomicLong();
    private final AtomicLong noticeCount = new AtomicLong();
    private final AtomicLong rejectedRequestCount = new AtomicLong();
    private final AtomicLong skippedV2TweetCount = new AtomicLong();
    private final AtomicLong droppedV2TweetCount = new AtomicLong();
    private final AtomicLong injectedLineCount = new AtomicLong();
    private final AtomicLong faultCount = new AtomicLong();
    private volatile java.util.function.BiConsumer<ConnectionState, SentTweet> v2TweetListener;

    /** @param historyLimit how many of each kind of message to remember */
    public StreamLedger(int historyLimit) {
        this.tweets = new BoundedHistory<>(historyLimit);
        this.deletes = new BoundedHistory<>(historyLimit);
        this.limitNotices = new BoundedHistory<>(historyLimit);
        this.notices = new BoundedHistory<>(historyLimit);
        this.attempts = new BoundedHistory<>(historyLimit);
        this.injectedLines = new BoundedHistory<>(historyLimit);
        this.faults = new BoundedHistory<>(historyLimit);
        this.searches = new BoundedHistory<>(historyLimit);
    }

    /** Registers a newly accepted v1.1 stream; ids count up from 1. */
    public ConnectionState open(StreamFilter filter, String consumerKey, Instant openedAt) {
        ConnectionState connection = new ConnectionState(lastConnectionId.incrementAndGet(), StreamEndpoint.V1_FILTER,
                filter, consumerKey, openedAt);
        connections.add(connection);
        return connection;
    }

    /**
     * Registers a v2 stream unless {@code maxOpen} streams of that endpoint are open already; checked and
     * registered at once, so two clients racing for the last slot do not both get it.
     */
    public Optional<ConnectionState> openV2(StreamEndpoint endpoint, Instant openedAt, int maxOpen) {
        return openV2(endpoint, openedAt, maxOpen, false);
    }

    /**
     * Registers a v2 stream, live or Recovery, unless {@code maxOpen} streams of that endpoint and kind are open
     * already: Recovery streams have slots of their own.
     */
    public Optional<ConnectionState> openV2(StreamEndpoint endpoint, Instant openedAt, int maxOpen,
                                            boolean recovery) {
        return openV2(endpoint, openedAt, maxOpen, recovery, 0);
    }

    /**
     * Registers a v2 stream, live or Recovery, of {@code partition} (0 on a stream that is not partitioned), unless
     * {@code maxOpen} streams of that endpoint, partition and kind are open already: on X each partition of a volume
     * stream is a stream of its own, with its own connection limit.
     */
    public synchronized Optional<ConnectionState> openV2(StreamEndpoint endpoint, Instant openedAt, int maxOpen,
                                                         boolean recovery, int partition) {
        long open = connections.stream().filter(c -> c.endpoint() == endpoint && c.partition() == partition
                && c.isOpen() && c.recovery() == recovery).count();
        if (open >= maxOpen) {
            return Optional.empty();
        }
        ConnectionState connection = new ConnectionState(lastConnectionId.incrementAndGet(), endpoint,
                StreamFilter.NONE, null, openedAt, recovery, partition);
        connections.add(connection);
        return Optional.of(connection);
    }

    /** Records how a request to open a stream (v1.1 or v2) was answered. */
    public void attempted(ConnectionAttempt attempt) {
        attempts.add(attempt);
    }

    /** Records a recent-search request and its answer. */
    public void searched(SearchRequest request) {
        searches.add(request);
    }

    public List<SearchRequest> searchRequests() {
        return searches.snapshot();
    }

    /** Counts a v2 tweet made for a rule that ended up matching it not even after retries, so was not sent. */
    public void v2TweetSkipped() {
        skippedV2TweetCount.incrementAndGet();
    }

    /** Counts a v2 tweet not sent on {@code connection} because its feed was full: the client reads too slowly. */
    void tweetDropped(ConnectionState connection) {
        connection.countDropped();
        droppedV2TweetCount.incrementAndGet();
    }

    public void closed(ConnectionState connection, Instant closedAt) {
        connection.markClosed(closedAt);
        synchronized (connections) {
            connections.notifyAll();
        }
    }

    /**
     * Waits until no stream is open, at most {@code timeoutMillis}.
     *
     * @return whether all streams are closed
     */
    public boolean awaitNoOpenConnections(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (connections) {
            while (openConnectionCount() > 0) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    return false;
                }
                connections.wait(remainingMillis);
            }
            return true;
        }
    }

    /**
     * Has {@code listener} told of every Post sent on a v2 stream (live, backfill or Recovery), on the thread that sent
     * it, just after it was recorded: the Post compliance stream learns so which Posts were streamed. It must be quick.
     */
    public void onV2TweetSent(java.util.function.BiConsumer<ConnectionState, SentTweet> listener) {
        this.v2TweetListener = listener;
    }

    /** @return the connection's new count of statuses sent */
    public long tweetSent(ConnectionState connection, SentTweet tweet) {
        tweets.add(tweet);
        tweetCount.incrementAndGet();
        java.util.function.BiConsumer<ConnectionState, SentTweet> listener = v2TweetListener;
        if (listener != null && connection.endpoint() != StreamEndpoint.V1_FILTER) {
            listener.accept(connection, tweet);
        }
        return connection.countTweet();
    }

    void deleteSent(SentDelete delete) {
        deletes.add(delete);
        deleteCount.incrementAndGet();
    }

    void limitNoticeSent(SentLimitNotice notice) {
        limitNotices.add(notice);
        limitNoticeCount.incrementAndGet();
    }

    void noticeSent(SentNotice notice) {
        notices.add(notice);
        noticeCount.incrementAndGet();
    }

    void lineInjected(InjectedLine line) {
        injectedLines.add(line);
        injectedLineCount.incrementAndGet();
    }

    void faultApplied(AppliedFault fault) {
        faults.add(fault);
        faultCount.incrementAndGet();
    }

    /** Counts a request answered with an error (401, 406, ...) instead of a stream. */
    public void requestRejected() {
        rejectedRequestCount.incrementAndGet();
    }

    public List<SentTweet> sentTweets() {
        return tweets.snapshot();
    }

    public List<SentDelete> sentDeletes() {
        return deletes.snapshot();
    }

    public List<SentLimitNotice> sentLimitNotices() {
        return limitNotices.snapshot();
    }

    public List<SentNotice> sentNotices() {
        return notices.snapshot();
    }

    public List<ConnectionAttempt> connectionAttempts() {
        return attempts.snapshot();
    }

    public List<InjectedLine> injectedLines() {
        return injectedLines.snapshot();
    }

    public List<AppliedFault> appliedFaults() {
        return faults.snapshot();
    }

    public List<ConnectionInfo> connections() {
        return connections.stream().map(ConnectionState::snapshot).toList();
    }

    public int openConnectionCount() {
        return (int) connections.stream().filter(ConnectionState::isOpen).count();
    }

    /** Counts since the simulator started, including what the bounded histories forgot. */
    public Totals totals() {
        return new Totals(connections.size(), openConnectionCount(), tweetCount.get(), deleteCount.get(),
                limitNoticeCount.get(), noticeCount.get(), rejectedRequestCount.get(), skippedV2TweetCount.get(), droppedV2TweetCount.get(),
                injectedLineCount.get(), faultCount.get());
    }

    /**
     * Counts since the simulator started. {@code tweetsSent} counts v1.1 and v2 tweets alike, once per connection
     * written to: a v2 tweet sent on two connections counts twice. {@code v2TweetsSkipped} counts tweets made for a
     * rule they did not match (once, whatever the connections); {@code v2TweetsDropped} counts per connection, as do
     * {@code linesInjected} and {@code faultsApplied}. {@code noticesSent} counts the {@link SentNotice}s.
     */
    public record Totals(long connectionsAccepted, long openConnections, long tweetsSent, long deletesSent,
                         long limitNoticesSent, long noticesSent, long requestsRejected, long v2TweetsSkipped, long v2TweetsDropped,
                         long linesInjected, long faultsApplied) {
    }
}
