package io.tweetstream.connect.v2;

import java.time.Duration;
import java.time.Instant;

/**
 * How long to wait before reconnecting, by X's guidance for its streams: back off linearly after
 * network errors, exponentially after HTTP errors, and exponentially from a longer start after HTTP
 * 429, never reconnecting before the rate limit resets. A connection that delivers data resets it.
 */
final class ReconnectBackoff {

    static final int NETWORK_MAX_STEPS = 64;
    static final int HTTP_MAX_FACTOR = 64;
    static final int RATE_LIMIT_MAX_FACTOR = 16;

    private final long networkStepMs;
    private final long httpInitialMs;
    private final long rateLimitInitialMs;
    private int networkErrors;
    private int httpErrors;
    private int rateLimits;

    ReconnectBackoff(long networkStepMs, long httpInitialMs, long rateLimitInitialMs) {
        this.networkStepMs = networkStepMs;
        this.httpInitialMs = httpInitialMs;
        this.rateLimitInitialMs = rateLimitInitialMs;
    }

    /** 1, 2, 3 ... steps, up to {@value #NETWORK_MAX_STEPS} (X: 250 ms more each time, up to 16 s). */
    Duration afterNetworkError() {
        networkErrors = Math.min(networkErrors + 1, NETWORK_MAX_STEPS);
        return Duration.ofMillis(networkStepMs * networkErrors);
    }

    /** The start, then doubling, up to {@value #HTTP_MAX_FACTOR} times it (X: 5 s, up to 320 s). */
    Duration afterHttpError() {
        return Duration.ofMillis(httpInitialMs * doubling(++httpErrors, HTTP_MAX_FACTOR));
    }

    /** Doubling from its own start, but never sooner than X's {@code x-rate-limit-reset}. */
    Duration afterRateLimit(Instant resetAt, Instant now) {
        Duration exponential = Duration.ofMillis(rateLimitInitialMs * doubling(++rateLimits, RATE_LIMIT_MAX_FACTOR));
        if (resetAt == null || !resetAt.isAfter(now)) {
            return exponential;
        }
        Duration untilReset = Duration.between(now, resetAt);
        return untilReset.compareTo(exponential) > 0 ? untilReset : exponential;
    }

    /** The connection works again: the next error starts from the beginning. */
    void reset() {
        networkErrors = 0;
        httpErrors = 0;
        rateLimits = 0;
    }

    private static long doubling(int attempt, int maxFactor) {
        return Math.min(1L << Math.min(attempt - 1, 30), maxFactor);
    }
}
