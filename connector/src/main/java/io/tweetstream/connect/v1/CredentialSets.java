package io.tweetstream.connect.v1;

import io.tweetstream.connect.config.TwitterSourceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;

/**
 * The OAuth credential sets held in the four secret lists. Access token {@code i} pairs with access
 * token secret {@code i} and with consumer key and secret {@code i}, or with the only consumer key
 * and secret when one app serves every account (the usual case).
 */
public final class CredentialSets {

    private final List<String> consumerKeys;
    private final List<String> consumerSecrets;
    private final List<String> accessTokens;
    private final List<String> accessTokenSecrets;

    private CredentialSets(List<String> consumerKeys, List<String> consumerSecrets,
            List<String> accessTokens, List<String> accessTokenSecrets) {
        this.consumerKeys = consumerKeys;
        this.consumerSecrets = consumerSecrets;
        this.accessTokens = accessTokens;
        this.accessTokenSecrets = accessTokenSecrets;
    }

    /**
     * The credential sets of a v1.1 config: access token {@code i} with its secret and with consumer
     * key {@code i} (or the only consumer key).
     */
    public static CredentialSets of(TwitterSourceConfig config) {
        return of(config.getPassword(TwitterSourceConfig.CONSUMER_KEY),
                config.getPassword(TwitterSourceConfig.CONSUMER_SECRET),
                config.getPassword(TwitterSourceConfig.ACCESS_TOKEN),
                config.getPassword(TwitterSourceConfig.ACCESS_TOKEN_SECRET));
    }

    static CredentialSets of(Password consumerKeys, Password consumerSecrets,
            Password accessTokens, Password accessTokenSecrets) {
        return new CredentialSets(split(consumerKeys), split(consumerSecrets), split(accessTokens),
                split(accessTokenSecrets));
    }

    private static List<String> split(Password secret) {
        List<String> parts = new ArrayList<>();
        if (secret != null && secret.value() != null) {
            for (String part : secret.value().split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        return parts;
    }

    /** How many credential sets, and so how many simultaneous streams, the config allows. */
    public int size() {
        return accessTokens.size();
    }

    /**
     * Mismatched list lengths, by config key. The messages give counts, never values.
     */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        requireSome(problems, TwitterSourceConfig.CONSUMER_KEY, consumerKeys);
        requireSome(problems, TwitterSourceConfig.CONSUMER_SECRET, consumerSecrets);
        requireSome(problems, TwitterSourceConfig.ACCESS_TOKEN, accessTokens);
        requireSome(problems, TwitterSourceConfig.ACCESS_TOKEN_SECRET, accessTokenSecrets);
        if (!problems.isEmpty()) {
            return problems;
        }
        if (accessTokenSecrets.size() != accessTokens.size()) {
            problems.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, "Give one access token secret per access"
                    + " token: found " + accessTokenSecrets.size() + " secrets for " + accessTokens.size()
                    + " tokens");
        }
        if (consumerKeys.size() != 1 && consumerKeys.size() != accessTokens.size()) {
            problems.put(TwitterSourceConfig.CONSUMER_KEY, "Give one consumer key for all access tokens, or"
                    + " one per access token: found " + consumerKeys.size() + " keys for "
                    + accessTokens.size() + " tokens");
        }
        if (consumerSecrets.size() != consumerKeys.size()) {
            problems.put(TwitterSourceConfig.CONSUMER_SECRET, "Give one consumer secret per consumer key:"
                    + " found " + consumerSecrets.size() + " secrets for " + consumerKeys.size() + " keys");
        }
        return problems;
    }

    private static void requireSome(Map<String, String> problems, String key, List<String> values) {
        if (values.isEmpty()) {
            problems.put(key, "Required when " + TwitterSourceConfig.API + " is '" + TwitterSourceConfig.API_V1
                    + "': the v1.1 stream authenticates with OAuth 1.0a");
        }
    }

    /** Credential set {@code index}; valid only when {@link #problems()} is empty. */
    public OAuthCredentials get(int index) {
        int consumer = consumerKeys.size() == 1 ? 0 : index;
        return new OAuthCredentials(consumerKeys.get(consumer), consumerSecrets.get(consumer),
                accessTokens.get(index), accessTokenSecrets.get(index));
    }
}
