package io.tweetstream.connect.v1;

import io.tweetstream.connect.config.BoundingBox;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.GapReports;
import io.tweetstream.connect.core.ResumePoint;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.core.TweetStream;
import io.tweetstream.connect.match.KeywordMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.FilterQuery;
import twitter4j.TwitterStream;
import twitter4j.TwitterStreamFactory;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/**
 * Twitter's v1.1 filtered stream ({@code POST statuses/filter.json}) through Twitter4j.
 *
 * <p>Twitter4j connects, reads and reconnects on a consumer thread of its own, with Twitter's backoff
 * rules; the {@link DirectDispatcher} makes that thread deliver into the {@link EventBuffer} itself.
 * The thread is started inside a thread group of this stream's own, so that {@link #close()} can
 * find it and make sure it ends.
 */
public final class Twitter4jFilterStream implements TweetStream {

    private static final Logger log = LoggerFactory.getLogger(Twitter4jFilterStream.class);
    private static final long THREAD_EXIT_WAIT_MS = 2_000;
    private static final long INTERRUPT_INTERVAL_MS = 100;
    private static final int MAX_READER_DEATHS = 5;
    private static final long READER_DEATH_WINDOW_MS = 10 * 60_000;

    private final StreamSettings settings;
    private final StreamFilter filter;
    private final EventBuffer buffer;
    private final StreamStats stats;
    private TwitterStream twitterStream;
    private ThreadGroup threads;
    private final List<Long> readerDeaths = new ArrayList<>();

    public Twitter4jFilterStream(StreamSettings settings, StreamFilter filter, EventBuffer buffer,
            StreamStats stats) {
        if (filter.selectsNothing()) {
            throw new IllegalArgumentException("A filtered stream needs track phrases, user ids or locations");
        }
        this.settings = settings;
        this.filter = filter;
        this.buffer = buffer;
        this.stats = stats;
    }

    /** Twitter's v1.1 stream cannot replay anything: the whole gap is reported as lost. */
    @Override
    public void resumeAfter(ResumePoint lastWritten) {
        GapReports.unrecoverable(stats, "the v1.1 filter stream", lastWritten.createdAt(), Instant.now(),
                "Twitter's v1.1 stream has no backfill, Recovery or search; the X API v2 (twitter.api=v2) refills gaps");
    }

    @Override
    public synchronized void start() {
        String endpoint = settings.baseUrl() + "statuses/filter.json";
        StatusEventListener listener = new StatusEventListener(buffer, stats, settings.keepRawJson(),
                new KeywordMatcher(filter.track()), endpoint);
        twitterStream = new TwitterStreamFactory(configuration()).getInstance();
        twitterStream.addListener(listener);
        twitterStream.addConnectionLifeCycleListener(listener);
        threads = new StreamThreads(settings.threadName(), this::onReaderDied);
        startReader();
        log.info("Streaming from {}: {}", endpoint, filter.describe());
    }

    /** Starts Twitter4j's reader thread from inside the stream's thread group, so that it is one of ours. */
    private void startReader() {
        FilterQuery query = query();
        Thread starter = new Thread(threads, () -> twitterStream.filter(query), settings.threadName());
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the stream", e);
        }
    }

    /**
     * Twitter4j's reader thread died of an error Twitter4j does not catch, such as the stack overflow
     * its JSON parser hits on a deeply nested message. Left alone, the stream would stay silent while
     * the task kept running; instead the message counts as skipped and the stream is restarted, unless
     * that keeps happening, which fails the task.
     */
    private synchronized void onReaderDied(Thread thread, Throwable error) {
        if (twitterStream == null || buffer.isClosed()) {
            return;
        }
        stats.increment(StreamCounter.SKIPPED_MESSAGES);
        long now = System.currentTimeMillis();
        readerDeaths.removeIf(at -> now - at > READER_DEATH_WINDOW_MS);
        readerDeaths.add(now);
        if (readerDeaths.size() > MAX_READER_DEATHS) {
            buffer.fail("Twitter4j's stream thread died " + readerDeaths.size() + " times within "
                    + READER_DEATH_WINDOW_MS / 60_000 + " minutes, last of " + error + ": giving up");
            return;
        }
        log.error("Twitter4j's stream thread died reading a message ({}); the message is skipped ({} skipped so"
                + " far) and the stream restarted", error.toString(), stats.get(StreamCounter.SKIPPED_MESSAGES));
        Thread restarter = new Thread(threads, () -> {
            synchronized (this) {
                if (twitterStream != null) {
                    startReader();
                }
            }
        }, settings.threadName() + "-restart");
        restarter.setDaemon(true);
        restarter.start();
    }

    private Configuration configuration() {
        OAuthCredentials credentials = settings.credentials();
        return new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setStreamBaseURL(settings.baseUrl())
                .setOAuthConsumerKey(credentials.consumerKey())
                .setOAuthConsumerSecret(credentials.consumerSecret())
                .setOAuthAccessToken(credentials.accessToken())
                .setOAuthAccessTokenSecret(credentials.accessTokenSecret())
                .setHttpStreamingReadTimeout(settings.readTimeoutMs())
                .setHttpConnectionTimeout(settings.connectTimeoutMs())
                    .setDispatcherImpl(DirectDispatcher.class.getName())
                .build();
    }

    private FilterQuery query() {
        FilterQuery query = new FilterQuery();
        if (!filter.track().isEmpty()) {
            query.track(filter.track().toArray(new String[0]));
        }
        if (!filter.follow().isEmpty()) {
            query.follow(filter.follow().stream().mapToLong(Long::longValue).toArray());
        }
        if (!filter.locations().isEmpty()) {
            List<double[]> corners = new ArrayList<>();
            for (BoundingBox box : filter.locations()) {
                corners.addAll(List.of(box.asLongitudeLatitudePairs()));
            }
            query.locations(corners.toArray(new double[0][]));
        }
        if (!filter.languages().isEmpty()) {
            query.language(filter.languages().toArray(new String[0]));
        }
        return query;
    }

    /**
     * Closes the connection and ends Twitter4j's threads, waiting for them at most a few seconds.
     *
     * <p>Twitter4j's {@code cleanUp()} cannot interrupt a read: the JDK's HTTP stream makes
     * {@code close()} wait for the read in progress, which returns when the server next sends a byte
     * (Twitter sends a keep-alive every 30 s) or the read times out. So the close runs on a thread of
     * its own and this method does not wait for it beyond {@link #THREAD_EXIT_WAIT_MS}; whatever the
     * reader still reads goes nowhere, since the buffer is closed first. Twitter4j also lets its
     * thread finish a backoff sleep of up to five minutes after a close, so the threads are
     * interrupted as well.
     */
    @Override
    public synchronized void close() {
        buffer.close();
        if (twitterStream == null) {
            return;
        }
        TwitterStream closing = twitterStream;
        twitterStream = null;
        // shutdown() includes cleanUp(); calling both would count the stream out twice.
        Thread closer = new Thread(threads, closing::shutdown, settings.threadName() + "-close");
        closer.setDaemon(true);
        closer.start();
        long deadline = System.currentTimeMillis() + THREAD_EXIT_WAIT_MS;
        try {
            List<Thread> alive = streamThreads();
            while (!alive.isEmpty() && System.currentTimeMillis() < deadline) {
                // Repeated, because an interrupt that lands before Twitter4j marks the stream closed
                // is taken for a wake-up call.
                alive.forEach(Thread::interrupt);
                // Not join(): it locks the thread object, which Twitter4j's close() holds meanwhile.
                Thread.sleep(INTERRUPT_INTERVAL_MS);
                alive = streamThreads();
            }
            if (!alive.isEmpty()) {
                log.info("Twitter4j's stream thread ends when {} next sends data (Twitter sends a"
                    + " keep-alive every 30 s) or after the read timeout; nothing it reads is kept",
                    settings.baseUrl());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Thread> streamThreads() {
        Thread[] found = new Thread[threads.activeCount() + 1];
        int count = threads.enumerate(found);
        return Arrays.asList(found).subList(0, count);
    }
}
