package io.tweetstream.simulator.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer tokens the simulator's v2 endpoints take: those of the settings (any non-empty one when
 * none is given), less those revoked since, as X stops taking a token its app regenerated.
 */
public final class BearerTokens {

    private final Set<String> accepted;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    /** @param accepted empty to accept any non-empty token */
    public BearerTokens(Set<String> accepted) {
        this.accepted = Set.copyOf(accepted);
    }

    boolean accepts(String token) {
        return !token.isEmpty() && !revoked.contains(token) && (accepted.isEmpty() || accepted.contains(token));
    }

    /** From now on, requests with {@code token} are answered 401; streams already open stay open, as on X. */
    public void revoke(String token) {
        revoked.add(token);
    }
}
