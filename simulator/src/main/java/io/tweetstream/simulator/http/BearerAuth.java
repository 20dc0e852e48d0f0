package io.tweetstream.simulator.http;

import io.tweetstream.simulator.billing.AppIds;

import java.util.Locale;

/**
 * Checks the {@code Authorization: Bearer <token>} of a v2 request. The token is a secret: it is compared,
 * never logged or kept.
 */
final class BearerAuth {

    private static final String SCHEME = "bearer ";

    private final BearerTokens tokens;

    BearerAuth(BearerTokens tokens) {
        this.tokens = tokens;
    }

    boolean accepts(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return false;
        }
        return tokens.accepts(token(authorization));
    }

    /** The app an accepted header's token belongs to, by its client app id (the token's hash). */
    String appId(String authorization) {
        return AppIds.ofToken(token(authorization));
    }

    private static String token(String authorization) {
        return authorization.substring(SCHEME.length()).trim();
    }
}
