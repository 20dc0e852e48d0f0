package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.DeliveryDelay;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.generate.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The one stream of tweets of a v2 endpoint, which every connection open on it gets, as X sends every connection
 * of an app (Enterprise's redundant connections) the same tweets in the same order. While at least one connection
 * is open, tweets are made at the configured rate (with bursts) and offered to the {@link ConnectionFeed} of every
 * connection open at that moment, and kept in the endpoint's {@link TweetHistory}; a connection that asks for
 * backfill gets those of the last minutes first, whether or not it saw them before, as X resends them. A run of tweets lasts from
 * the first connection opened to the last one closed, and its source is seeded by that first connection's number,
 * so that a lone connection gets the very tweets it got when each connection had a source of its own. In continuous
 * mode ({@link SimulatorSettings#continuousTweets()}) one run lasts from the simulator's start to its end, seeded by
 * 0, and tweets are made whether or not a connection is open, as X's world goes on while a client is away.
 * <p>
 * With a {@link DeliveryDelay}, each tweet draws one delay when it is made (from the run's own seeded sequence) and is
 * kept in the history at once, but waits in a {@link DelayLine} until it is due; it then goes to every connection open
 * at that moment, as X delivers to the connections open at delivery time. So tweets overtake each other, every
 * connection still gets the same tweets in the same order, and a tweet still waiting when the last connection closes
 * goes to whoever is connected when it is due (nobody, often: it is then only in the history). Without a delay a tweet
 * goes at once to the connections open when it was made. Runs on a thread of its own until the simulator closes.
 * <p>
 * X's partitioned volume streams (firehose, sample10) share one broadcast ({@link Runs#FROM_FIRST_CONNECTION}): one
 * sequence of Posts at the firehose's rate, each connection taking only its partition's share of it
 * ({@link #join(ConnectionState, int, Predicate)}); a Likes stream, whose Likes are of these Posts, starts it too
 * ({@link #start()}).
 */
public final class V2Broadcast implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(V2Broadcast.class);
    private static final long DELAY_SEED_SALT = 0xDE1A7_2L;

    private final StreamEndpoint endpoint;
    private final SimulatorSettings settings;
    private final LongFunction<V2TweetSource> sources;
    private final StreamLedger ledger;
    private final V2Controls controls;
    private final Object lock = new Object();
    private final List<ConnectionFeed> feeds = new ArrayList<>();
    private final TweetHistory history;
    private final Runs runs;
    private final double tweetsPerSecond;
    private final DeliveryDelay delay;
    private final DelayLine<V2Tweet> undelivered = new DelayLine<>();
    private Run run;
    /** Told when a run begins; nobody by default. */
    private volatile Runnable runStarted = () -> { };

    /** When tweets are made. */
    public enum Runs {
        /** From the first connection opened while none was until the last one closes; a run each time. */
        WHILE_CONNECTED,
        /** From the simulator's start to its end, one run seeded by 0 (continuous mode). */
        ALWAYS,
        /**
         * From the first connection ever opened to the simulator's end, one run seeded by 0: X's volume streams run
         * whether or not anyone reads them, and a simulator that nobody asks for them makes none of their thousands of
         * Posts a second.
         */
        FROM_FIRST_CONNECTION
    }

    /** The tweets made from the first connection opened until the last one closed, and their delivery delays. */
    private record Run(V2TweetSource source, Pace schedule, SplittableRandom delays) {
    }

    /**
     * @param sources    the source of a run, given the number of the connection that starts it (0 for the run of
     *                   continuous mode)
     * @param history    where every tweet made is kept, for backfill (and, on the filtered stream, Recovery and search)
     * @param continuous whether tweets are made with no connection open
     * @param delay      how long each tweet takes from its creation to its delivery
     */
    public V2Broadcast(StreamEndpoint endpoint, SimulatorSettings settings, LongFunction<V2TweetSource> sources,
                       StreamLedger ledger, V2Controls controls, TweetHistory history, boolean continuous,
                       DeliveryDelay delay) {
        this(endpoint, settings, sources, ledger, controls, history,
                continuous ? Runs.ALWAYS : Runs.WHILE_CONNECTED, settings.tweetsPerSecond(), delay);
    }

    /**
     * @param runs            when tweets are made
     * @param tweetsPerSecond the rate between bursts ({@link SimulatorSettings#bursts} apply)
     */
    public V2Broadcast(StreamEndpoint endpoint, SimulatorSettings settings, LongFunction<V2TweetSource> sources,
                       StreamLedger ledger, V2Controls controls, TweetHistory history, Runs runs,
                       double tweetsPerSecond, DeliveryDelay delay) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.sources = sources;
        this.ledger = ledger;
        this.controls = controls;
        this.history = history;
        this.runs = runs;
        this.tweetsPerSecond = tweetsPerSecond;
        this.delay = delay;
        controls.onChange(this::wakeAll);
    }

    /**
     * Starts giving {@code connection} the tweets made in the last {@code backfillMinutes} (none for 0), then those
     * made from now on, with neither a gap nor a repeat between them: a tweet made but not yet delivered is left out of
     * the backfill, as the connection gets it when it is due.
     */
    public ConnectionFeed join(ConnectionState connection, int backfillMinutes) {
        return join(connection, backfillMinutes, tweet -> true);
    }

    /**
     * As {@link #join(ConnectionState, int)}, for a connection that gets only the tweets of {@code share} (its
     * partition's), backfill included.
     */
    public ConnectionFeed join(ConnectionState connection, int backfillMinutes, Predicate<V2Tweet> share) {
        ConnectionFeed feed = new ConnectionFeed(connection, ledger, settings.v2ConnectionBacklog(),
                settings.maxTweetsPerConnection(), share);
        boolean began;
        synchronized (lock) {
            began = run == null;
            if (began) {
                run = newRun(runs == Runs.FROM_FIRST_CONNECTION ? 0 : connection.id());
            }
            if (backfillMinutes > 0 && settings.v2BackfillLimit() > 0) {
                List<V2Tweet> kept = delivered(history.since(Instant.now().minus(Duration.ofMinutes(backfillMinutes))))
                        .stream().filter(share).toList();
                feed.backfill(kept.subList(Math.max(0, kept.size() - settings.v2BackfillLimit()), kept.size()));
            }
            feeds.add(feed);
            lock.notifyAll();
        }
        if (began) {
            runStarted.run();
        }
        return feed;
    }

    /**
     * Starts the run of {@link Runs#FROM_FIRST_CONNECTION} now if no connection started it yet: what depends on the
     * volume streams' Posts (the Likes streams) needs them whether or not a Post stream is read.
     */
    public void start() {
        if (runs != Runs.FROM_FIRST_CONNECTION) {
            throw new IllegalStateException("only a broadcast that runs from its first connection is started so");
        }
        boolean began;
        synchronized (lock) {
            began = run == null;
            if (began) {
                run = newRun(0);
                lock.notifyAll();
            }
        }
        if (began) {
            runStarted.run();
        }
    }

    /**
     * {@code listener} is told each time a connection or {@link #start()} begins a run, on that thread, outside the
     * broadcast's lock.
     */
    public void onRunStart(Runnable listener) {
        this.runStarted = listener;
    }

    public void leave(ConnectionFeed feed) {
        synchronized (lock) {
            feeds.remove(feed);
            if (feeds.isEmpty() && runs == Runs.WHILE_CONNECTED) {
                run = null;
            }
        }
    }

    @Override
    public void run() {
        Thread.currentThread().setName("tweetstream-simulator-" + endpoint.label() + "-broadcast");
        if (runs == Runs.ALWAYS) {
            synchronized (lock) {
                run = newRun(0);
            }
        }
        boolean continuous = runs != Runs.WHILE_CONNECTED;
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
                tweetsPerSecond, new TweetSchedule.Burst(settings.burstEvery().toNanos(),
                settings.burstLength().toNanos(), settings.burstFactor()))),
                new SplittableRandom(Seeds.derive(settings.seed() ^ DELAY_SEED_SALT, firstConnectionId)));
    }

    /**
     * Waits until a tweet is due to be made in the current run, delivering those whose delivery falls due meanwhile;
     * {@code null} once the simulator closes.
     */
    private Run awaitDue() throws InterruptedException {
        synchronized (lock) {
            while (!controls.isClosed()) {
                long now = System.nanoTime();
                deliverDue(now);
                long wait = Long.MAX_VALUE;
                if (run != null) {
                    wait = run.schedule().nextDueNanos() - now;
                    if (wait <= 0) {
                        return run;
                    }
                }
                if (!undelivered.isEmpty()) {
                    wait = Math.min(wait, undelivered.nextDueNanos() - now);
                }
                if (wait == Long.MAX_VALUE) {
                    lock.wait();
                } else {
                    TimeUnit.NANOSECONDS.timedWait(lock, wait);
                }
            }
            return null;
        }
    }

    /** Offers every tweet whose delivery is due to the connections open now. Holds the lock. */
    private void deliverDue(long now) {
        for (V2Tweet tweet = undelivered.pollDue(now); tweet != null; tweet = undelivered.pollDue(now)) {
            for (ConnectionFeed feed : feeds) {
                feed.offer(tweet, now);
            }
        }
    }

    /** {@code tweets} without those not delivered yet. Holds the lock. */
    private List<V2Tweet> delivered(List<V2Tweet> tweets) {
        if (undelivered.isEmpty()) {
            return tweets;
        }
        Set<Long> waiting = undelivered.items().stream().map(V2Tweet::id).collect(Collectors.toSet());
        return tweets.stream().filter(tweet -> !waiting.contains(tweet.id())).toList();
    }

    /**
     * The connections open before the tweet is made, which get it; none when no connection would take it (all
     * capped or stalled), so that no tweet is made that nobody could get (unless continuous).
     */
    private List<ConnectionFeed> audience(long now) {
        synchronized (lock) {
            if (runs != Runs.WHILE_CONNECTED) {
                return List.copyOf(feeds);
            }
            return feeds.stream().anyMatch(feed -> feed.wantsTweets(now)) ? List.copyOf(feeds) : List.of();
        }
    }

    private void make(Run due, List<ConnectionFeed> audience) {
        long madeNanos = System.nanoTime();
        V2Tweet made;
        try {
            made = due.source().next(Instant.now()).orElse(null);
        } catch (RuntimeException e) {
            log.error("Failed to make a tweet for the {} stream; skipping it", endpoint.label(), e);
            return;
        }
        if (made == null) {
            return;
        }
        Duration delayed = delay.draw(due.delays());
        V2Tweet tweet = made.deliveredAfter(delayed);
        synchronized (lock) {
            // Every connection of that run may have left, and a new run begun, while the tweet was made.
            if (run == due) {
                history.add(tweet);
                if (!delayed.isZero()) {
                    undelivered.hold(tweet, madeNanos + delayed.toNanos());
                    return;
                }
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
