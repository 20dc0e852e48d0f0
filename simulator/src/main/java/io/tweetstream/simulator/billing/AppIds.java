package io.tweetstream.simulator.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The numeric ids X's usage report names apps and projects by, made from what identifies them here: an app's bearer
 * token (hashed, so that the secret itself is neither kept nor shown), the project's seed. Stable across runs.
 */
public final class AppIds {

    private AppIds() {
    }

    /** The client app id of the app whose requests carry {@code bearerToken}. */
    public static String ofToken(String bearerToken) {
        return numeric("app:" + bearerToken);
    }

    /** The id of the simulator's one project, which every app belongs to. */
    public static String ofProject(long seed) {
        return numeric("project:" + seed);
    }

    /** The id of the X account that pays for the project, as X's 402 names it. */
    public static String ofAccount(long seed) {
        return numeric("account:" + seed);
    }

    /** 19 digits or fewer, never starting with 0, like X's ids. */
    private static String numeric(String text) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (hash[i] & 0xFF);
        }
        return Long.toString((value & Long.MAX_VALUE) % 8_000_000_000_000_000_000L + 1_000_000_000_000_000_000L);
    }
}
