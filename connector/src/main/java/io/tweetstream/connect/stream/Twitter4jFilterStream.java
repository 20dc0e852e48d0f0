package io.tweetstream.connect.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static final long THREAD_EXIT_WAIT_MS = 5_000;

    private final StreamSettings settings;
    private final StreamFilter filter;
    private final EventBuffer buffer;
    private final StreamStats stats;
    private TwitterStream twitterStream;
    private ThreadGroup threads;

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

    @Override
    public synchronized void start() {
        String endpoint = settings.baseUrl() + "statuses/filter.json";
        StatusEventListener listener = new StatusEventListener(buffer, stats, settings.keepRawJson(), endpoint);
        twitterStream = new TwitterStreamFactory(configuration()).getInstance();
        twitterStream.addListener(listener);
        twitterStream.addConnectionLifeCycleListener(listener);
        FilterQuery query = query();
        threads = new ThreadGroup(settings.threadName());
        Thread starter = new Thread(threads, () -> twitterStream.filter(query), settings.threadName());
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the stream", e);
        }
        log.info("Streaming from {}: {}", endpoint, filter.describe());
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
                .setJSONStoreEnabled(settings.keepRawJson())
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
      * Closes the connection and waits for Twitter4j's consumer thread to end. Twitter4j's own
      * {@code cleanUp()} closes the connection but lets the thread finish a backoff sleep of up to five
      * minutes, so the thread is interrupted as well.
      */
    @Override
    public synchronized void close() {
        buffer.close();
        if (twitterStream == null) {
            return;
        }
        twitterStream.cleanUp();
        twitterStream.shutdown();
        twitterStream = null;
        for (Thread consumer : consumerThreads()) {
            consumer.interrupt();
            try {
                consumer.join(THREAD_EXIT_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (consumer.isAlive()) {
                log.warn("Twitter4j's stream thread '{}' did not end within {} s; it ends when its pending"
                        + " connection attempt times out", consumer.getName(), TimeUnit.MILLISECONDS.toSeconds(THREAD_EXIT_WAIT_MS));
            }
        }
    }

    private List<Thread> consumerThreads() {
        Thread[] found = new Thread[threads.activeCount() + 1];
        int count = threads.enumerate(found);
        return Arrays.asList(found).subList(0, count);
    }
}
