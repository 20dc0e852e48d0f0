package io.tweetstream.connect.v1;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamEvent.GeoScrubbed;
import io.tweetstream.connect.core.StreamEvent.TweetDeleted;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.match.KeywordMatcher;
import io.tweetstream.connect.tweet.Tweet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.ConnectionLifeCycleListener;
import twitter4j.RawStreamListener;
import twitter4j.StallWarning;
import twitter4j.Status;
import twitter4j.StatusDeletionNotice;
import twitter4j.StatusListener;
import twitter4j.TwitterException;

/**
 * Receives Twitter4j's stream callbacks on the stream's reader thread (see {@link DirectDispatcher})
 * and turns them into {@link StreamEvent}s, counts and log lines.
 *
 * <p>It also hears every line as received ({@link RawStreamListener}), just before Twitter4j parses
 * it, on the same thread: for the withheld notices Twitter4j does not parse, and for the fields of a
 * status Twitter4j does not read (see {@link StatusJson}).
 */
final class StatusEventListener implements StatusListener, RawStreamListener, ConnectionLifeCycleListener {

    private static final Logger log = LoggerFactory.getLogger(StatusEventListener.class);
    private static final long LIMIT_LOG_INTERVAL_MS = 30_000;
    private static final int LOGGED_LINE_CHARS = 200;

    private final EventBuffer buffer;
    private final StreamStats stats;
    private final boolean keepRawJson;
    private final KeywordMatcher matcher;
    private final String endpoint;
    private long lastLimitLogMillis;
    private String lastLine;
    /** The last line, until Twitter4j made a callback of it; still set at the next line, it made none. */
    private String unanswered;
    private Exception lastException;

    /** @param keepRawJson whether each tweet carries the line it came in, as received */
    StatusEventListener(EventBuffer buffer, StreamStats stats, boolean keepRawJson, KeywordMatcher matcher,
            String endpoint) {
        this.buffer = buffer;
        this.stats = stats;
        this.keepRawJson = keepRawJson;
        this.matcher = matcher;
        this.endpoint = endpoint;
    }

    @Override
    public void onMessage(String line) {
        countIfUnanswered();
        lastLine = line;
        StreamEvent notice = WithheldNotices.parse(line, System.currentTimeMillis());
        if (notice != null) {
            stats.increment(StreamCounter.WITHHELD);
            log.debug("Withheld notice: {}", notice);
            hand(notice);
        } else if (DisconnectNotices.isOne(line)) {
            stats.increment(StreamCounter.STREAM_ERRORS);
            log.warn("Twitter is closing the stream from {}: {}", endpoint, DisconnectNotices.describe(line));
        } else {
            unanswered = line;
        }
    }

    /**
     * Twitter4j drops a message of a type it does not know (new ones may appear) without a callback:
     * the line before the current one, still unanswered, was such a message. It is counted and
     * logged as skipped, never lost silently.
     */
    private void countIfUnanswered() {
        String skipped = unanswered;
        unanswered = null;
        if (skipped != null) {
            stats.increment(StreamCounter.SKIPPED_MESSAGES);
            log.warn("Skipped a stream message of a type Twitter4j does not know ({} skipped so far): {}",
                    stats.get(StreamCounter.SKIPPED_MESSAGES),
                    skipped.length() > LOGGED_LINE_CHARS ? skipped.substring(0, LOGGED_LINE_CHARS) + "…" : skipped);
        }
    }

    @Override
    public void onStatus(Status status) {
        unanswered = null;
        stats.increment(StreamCounter.TWEETS_RECEIVED);
        Tweet tweet = StatusMapper.toTweet(status, lastLine, keepRawJson);
        if (tweet.lacksReferencedContent()) {
            stats.increment(StreamCounter.INCOMPLETE_REFERENCES);
            log.debug("Tweet {} is written without the tweet it quotes, which Twitter did not include", tweet.id());
        }
        // v1.1 does not say which phrase a tweet matched; the reader thread works it out.
        hand(new TweetReceived(tweet, matcher.matches(tweet)));
    }

    @Override
    public void onDeletionNotice(StatusDeletionNotice notice) {
        unanswered = null;
        stats.increment(StreamCounter.DELETES);
        hand(new TweetDeleted(notice.getStatusId(), notice.getUserId(), System.currentTimeMillis()));
    }

    private void hand(StreamEvent event) {
        try {
            buffer.put(event);
        } catch (InterruptedException e) {
            // The task is stopping: the buffer counts what it did not take.
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onTrackLimitationNotice(int undeliveredSinceConnect) {
        unanswered = null;
        long growth = stats.limitNotice(undeliveredSinceConnect);
        long now = System.currentTimeMillis();
        if (growth > 0 && now - lastLimitLogMillis >= LIMIT_LOG_INTERVAL_MS) {
            lastLimitLogMillis = now;
            log.warn("Twitter did not deliver {} matching tweets on this connection because the filter"
                    + " matches more than its rate limit allows ({} in total)", undeliveredSinceConnect,
                    stats.get(StreamCounter.LIMIT_UNDELIVERED));
        }
    }

    @Override
    public void onScrubGeo(long userId, long upToStatusId) {
        unanswered = null;
        stats.increment(StreamCounter.SCRUB_GEO);
        log.debug("Scrub geo notice for user {} up to tweet {}", userId, upToStatusId);
        hand(new GeoScrubbed(userId, upToStatusId, System.currentTimeMillis()));
    }

    @Override
    public void onStallWarning(StallWarning warning) {
        unanswered = null;
        stats.increment(StreamCounter.STALL_WARNINGS);
        log.warn("Twitter warns that this stream is falling behind: {}% of its queue is full ({})",
                warning.getPercentFull(), warning.getMessage());
    }

    @Override
    public void onException(Exception e) {
        unanswered = null;
        // Twitter4j reports a connection error to its status listeners and then to its raw listeners:
        // this listener is both, and hears the same exception twice in a row.
        if (e == lastException) {
            return;
        }
        lastException = e;
        if (e instanceof TwitterException te && te.getStatusCode() > 0) {
            onHttpError(te.getStatusCode());
        } else if (e instanceof TwitterException te && te.isCausedByNetworkIssue()) {
            log.warn("Stream from {} interrupted ({}); reconnecting", endpoint, te.getCause().toString());
        } else {
            // Twitter4j reports a message it could not parse, and then drops it, through here.
            stats.increment(StreamCounter.SKIPPED_MESSAGES);
            log.warn("Skipped a stream message that could not be read ({} skipped so far): {}",
                    stats.get(StreamCounter.SKIPPED_MESSAGES), e.toString());
        }
    }

    private void onHttpError(int status) {
        switch (status) {
            case 401 -> buffer.fail("Twitter rejected the OAuth credentials (HTTP 401) at " + endpoint
                    + ": check " + "the consumer key and secret and the access token and secret of this task.");
            case 403 -> buffer.fail("Twitter refused the stream (HTTP 403) at " + endpoint
                    + ": the account or app has no access to this endpoint.");
            case 406 -> buffer.fail("Twitter rejected the filter (HTTP 406) at " + endpoint
                    + ": check the track keywords, follow user ids and locations.");
            case 420, 429 -> log.warn("Twitter is rate-limiting connections (HTTP {}); backing off before"
                    + " reconnecting", status);
            default -> log.warn("Stream from {} answered HTTP {}; backing off before reconnecting",
                    endpoint, status);
        }
    }

    @Override
    public void onConnect() {
        // A line left from the previous connection was cut off or killed the reader, which are
        // counted where they are seen.
        unanswered = null;
        stats.connected();
        log.info("Connected to {}", endpoint);
    }

    @Override
    public void onDisconnect() {
        countIfUnanswered();
        log.info("Disconnected from {}", endpoint);
    }

    @Override
    public void onCleanUp() {
        log.debug("Stream from {} cleaned up", endpoint);
    }
}
