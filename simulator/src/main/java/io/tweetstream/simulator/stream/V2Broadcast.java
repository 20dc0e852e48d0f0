package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The one stream of tweets of a v2 endpoint, which every connection open on it gets, as X sends every connection
 * of an app (Enterprise's redundant connections) the same tweets in the same order. While at least one connection
 * is open, tweets are made at the configured rate (with bursts) and offered to the {@link ConnectionFeed} of every
 * connection open at that moment, and kept in the endpoint's {@link TweetHistory}; a connection that asks for
 * backfill gets those of the last minutes first, whether or not it saw them before, as X resends them. A run of tweets lasts from
 * the first connection opened to the last one closed, and its source is seeded by that first connection's number,
 * so that a lone connection gets the very tweets it got when each connection had a source of its own. In continuous
 * mode ({@link SimulatorSettings#continuousTweets()}) one run lasts from the simulator's start to its end, seeded by
 * 0, and tweets are made whether or not a connection is open, as X's world goes on while a client is away. Runs on a
 * thread of its own until the simulator closes.
 */
public final class V2Broadcast implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(V2Broadcast.class);

    private final StreamEndpoint endpoint;
    private final SimulatorSettings settings;
    private final LongFunction<V2TweetSource> sources;
    private final StreamLedger ledger;
    private final V2Controls controls;
    private final Object lock = new Object();
    private final List<ConnectionFeed> feeds = new ArrayList<>();
    private final TweetHistory history;
    private final boolean continuous;
    private Run run;

    /** The tweets made from the first connection opened until the last one closed. */
    private record Run(V2TweetSource source, Pace schedule) {
    }

    /**
     * @param sources    the source of a run, given the number of the connection that starts it (0 for the run of
     *                   continuous mode)
     * @param history    where every tweet made is kept, for backfill (and, on the filtered stream, Recovery and search)
     * @param continuous whether tweets are made with no connection open
     */
    public V2Broadcast(StreamEndpoint endpoint, SimulatorSettings settings, LongFunction<V2TweetSource> sources,
                       StreamLedger ledger, V2Controls controls, TweetHistory history, boolean continuous) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.sources = sources;
        this.ledger = ledger;
        this.controls = controls;
        this.history = history;
        this.continuous = continuous;
        controls.onChange(this::wakeAll);
    }

    /**
     * Starts giving {@code connection} the tweets made in the last {@code backfillMinutes} (none for 0), then those
     * made from now on, with neither a gap nor a repeat between them.
     */
    public ConnectionFeed join(ConnectionState connection, int backfillMinutes) {
        ConnectionFeed feed = new ConnectionFeed(connection, ledger, settings.v2ConnectionBacklog(),
                settings.maxTweetsPerConnection());
        synchronized (lock) {
            if (run == null) {
                run = newRun(connection.id());
            }
            if (backfillMinutes > 0 && settings.v2BackfillLimit() > 0) {
                List<V2Tweet> kept = history.since(Instant.now().minus(Duration.ofMinutes(backfillMinutes)));
                feed.backfill(kept.subList(Math.max(0, kept.size() - settings.v2BackfillLimit()), kept.size()));
            }
            feeds.add(feed);
            lock.notifyAll();
        }
        return feed;
    }

    public void leave(ConnectionFeed feed) {
        synchronized (lock) {
            feeds.remove(feed);
            if (feeds.isEmpty() && !continuous) {
                run = null;
            }
        }
    }

    @Override
    public void run() {
        Thread.currentThread().setName("tweetstream-simulator-" + endpoint.label() + "-broadcast");
        if (continuous) {
            synchronized (lock) {
                run = newRun(0);
            }
        }
        try {
            while (true) {
                Run due = awaitDue();
                if (due == null) {
                    return;
                }
                long now = System.nanoTime();
                List<ConnectionFeed> audience = audience(now);
                if (continuous || !audience.isEmpty()) {
                    make(due, audience);
                }
                due.schedule().advance(now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Run newRun(long firstConnectionId) {
        V2TweetSource source = sources.apply(firstConnectionId);
        return new Run(source, source.pace(new TweetSchedule(System.nanoTime(),
                settings.tweetsPerSecond(), new TweetSchedule.Burst(settings.burstEvery().toNanos(),
                settings.burstLength().toNanos(), settings.burstFactor()))));
    }

    /** Waits until a tweet is due in the current run; {@code null} once the simulator closes. */
    private Run awaitDue() throws InterruptedException {
        synchronized (lock) {
            while (!controls.isClosed()) {
                if (run == null) {
                    lock.wait();
                    continue;
                }
                long wait = run.schedule().nextDueNanos() - System.nanoTime();
                if (wait <= 0) {
                    return run;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, wait);
            }
            return null;
        }
    }

    /**
     * The connections open before the tweet is made, which get it; none when no connection would take it (all
     * capped or stalled), so that no tweet is made that nobody could get (unless continuous).
     */
    private List<ConnectionFeed> audience(long now) {
        synchronized (lock) {
            if (continuous) {
                return List.copyOf(feeds);
            }
            return feeds.stream().anyMatch(feed -> feed.wantsTweets(now)) ? List.copyOf(feeds) : List.of();
        }
    }

    private void make(Run due, List<ConnectionFeed> audience) {
        V2Tweet tweet;
        try {
            tweet = due.source().next(Instant.now()).orElse(null);
        } catch (RuntimeException e) {
            log.error("Failed to make a tweet for the {} stream; skipping it", endpoint.label(), e);
            return;
        }
        if (tweet == null) {
            return;
        }
        synchronized (lock) {
            // Every connection of that run may have left, and a new run begun, while the tweet was made.
            if (run == due) {
                history.add(tweet);
                long now = System.nanoTime();
                // A connection that joined with backfill while the tweet was made has not got it in its backfill.
                feeds.stream().filter(feed -> audience.contains(feed) || feed.backfilled())
                        .forEach(feed -> feed.offer(tweet, now));
            }
        }
    }

    /** Wakes the thread and every connection's session: a fault was injected or the simulator is closing. */
    private void wakeAll() {
        List<ConnectionFeed> current;
        synchronized (lock) {
            current = List.copyOf(feeds);
            lock.notifyAll();
        }
        current.forEach(ConnectionFeed::wake);
    }
}
