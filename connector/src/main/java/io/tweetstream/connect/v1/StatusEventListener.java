package io.tweetstream.connect.v1;

import io.tweetstream.connect.core.StreamCounter;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamStats;

import io.tweetstream.connect.match.KeywordMatcher;
import io.tweetstream.connect.core.StreamEvent.TweetDeleted;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.tweet.Tweet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.ConnectionLifeCycleListener;
import twitter4j.StallWarning;
import twitter4j.Status;
import twitter4j.StatusDeletionNotice;
import twitter4j.StatusListener;
import twitter4j.TwitterException;

/**
 * Receives Twitter4j's stream callbacks on the stream's reader thread (see {@link DirectDispatcher})
 * and turns them into {@link StreamEvent}s, counts and log lines.
 */
final class StatusEventListener implements StatusListener, ConnectionLifeCycleListener {

    private static final Logger log = LoggerFactory.getLogger(StatusEventListener.class);
    private static final long LIMIT_LOG_INTERVAL_MS = 30_000;

    private final EventBuffer buffer;
    private final StreamStats stats;
    private final RawMessageCapture rawMessages;
    private final KeywordMatcher matcher;
    private final String endpoint;
    private long lastLimitLogMillis;

    /** @param rawMessages the source of raw JSON, or null when raw JSON is not kept */
    StatusEventListener(EventBuffer buffer, StreamStats stats, RawMessageCapture rawMessages,
            KeywordMatcher matcher, String endpoint) {
        this.buffer = buffer;
        this.stats = stats;
        this.rawMessages = rawMessages;
        this.matcher = matcher;
        this.endpoint = endpoint;
    }

    @Override
    public void onStatus(Status status) {
        String rawJson = rawMessages == null ? null : rawMessages.lastMessage();
        stats.increment(StreamCounter.TWEETS_RECEIVED);
        Tweet tweet = StatusMapper.toTweet(status, rawJson);
        // v1.1 does not say which phrase a tweet matched; the reader thread works it out.
        hand(new TweetReceived(tweet, matcher.matches(tweet)));
    }

    @Override
    public void onDeletionNotice(StatusDeletionNotice notice) {
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
        log.debug("Scrub geo notice for user {} up to tweet {}", userId, upToStatusId);
    }

    @Override
    public void onStallWarning(StallWarning warning) {
        stats.increment(StreamCounter.STALL_WARNINGS);
        log.warn("Twitter warns that this stream is falling behind: {}% of its queue is full ({})",
                warning.getPercentFull(), warning.getMessage());
    }

    @Override
    public void onException(Exception e) {
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
        stats.connected();
        log.info("Connected to {}", endpoint);
    }

    @Override
    public void onDisconnect() {
        log.info("Disconnected from {}", endpoint);
    }

    @Override
    public void onCleanUp() {
        log.debug("Stream from {} cleaned up", endpoint);
    }
}
