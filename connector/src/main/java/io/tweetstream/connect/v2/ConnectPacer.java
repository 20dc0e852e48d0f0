package io.tweetstream.connect.v2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.types.Password;

/**
 * Keeps one app's stream connection attempts inside X's limits, for every task of the worker that
 * connects as that app: at most {@code connectsPer15Minutes} attempts in any 15 minutes (X allows
 * pay-per-use apps 50 on GET /2/tweets/search/stream), and none while X's {@code x-rate-limit-*}
 * headers say the window is used up. A restarted task gets the same pacer, so it cannot storm.
 */
final class ConnectPacer {

    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Map<String, ConnectPacer> BY_APP = new ConcurrentHashMap<>();

    private final int connectsPerWindow;
    private final Deque<Instant> attempts = new ArrayDeque<>();
    private Instant blockedUntil = Instant.MIN;

    ConnectPacer(int connectsPerWindow) {
        this.connectsPerWindow = connectsPerWindow;
    }

    /** The pacer of the app that {@code bearerToken} authenticates at {@code baseUrl}. */
    static ConnectPacer forApp(String baseUrl, Password bearerToken, int connectsPerWindow) {
        String app = baseUrl + "#" + fingerprint(bearerToken == null ? "" : bearerToken.value());
        return BY_APP.compute(app, (key, pacer) ->
                pacer == null || pacer.connectsPerWindow != connectsPerWindow ? new ConnectPacer(connectsPerWindow) : pacer);
    }

    /** How long to wait before the next attempt; zero when it may go now. */
    synchronized Duration waitBeforeConnect(Instant now) {
        forgetBefore(now.minus(WINDOW));
        Instant allowedAt = blockedUntil;
        if (connectsPerWindow > 0 && attempts.size() >= connectsPerWindow) {
            Instant oldestLeaves = attempts.peekFirst().plus(WINDOW);
            allowedAt = oldestLeaves.isAfter(allowedAt) ? oldestLeaves : allowedAt;
        }
        return allowedAt.isAfter(now) ? Duration.between(now, allowedAt) : Duration.ZERO;
    }

    synchronized void attempted(Instant now) {
        attempts.addLast(now);
    }

    /** What X said of the window in the response to an attempt. */
    synchronized void observed(RateLimit rateLimit, Instant now) {
        if (rateLimit.exhausted(now) && rateLimit.resetAt().isAfter(blockedUntil)) {
            blockedUntil = rateLimit.resetAt();
        }
    }

    private void forgetBefore(Instant cutoff) {
        while (!attempts.isEmpty() && attempts.peekFirst().isBefore(cutoff)) {
            attempts.removeFirst();
        }
    }

    /** Tells apps apart without keeping their tokens. */
    private static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
