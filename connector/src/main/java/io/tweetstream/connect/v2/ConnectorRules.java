package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.TwitterSourceConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * What the connector asks of X about its rules: a check, changing nothing, when a config is
 * validated, and the sync when the connector starts (before its tasks do).
 */
public final class ConnectorRules {

    private ConnectorRules() {}

    /**
     * Asks X whether it would take the config: the bearer token (by listing the rules, which any app
     * may), and for the filtered stream the rules themselves, through a dry run.
     *
     * @param plan the filtered stream's rules, or null for the sample stream
     * @return problems by config key; empty when X agrees
     */
    public static Map<String, String> check(TwitterSourceConfig config, String connector, RulePlan plan) {
        Map<String, String> problems = new LinkedHashMap<>();
        XApiClient client = client(config);
        try {
            List<String> ruleProblems = List.of();
            if (plan == null) {
                client.rules();
            } else {
                ruleProblems = new RuleSync(client, connector, config.v2MaxRules()).check(plan.rules());
            }
            if (!ruleProblems.isEmpty()) {
                problems.put(TwitterSourceConfig.TRACK_KEYWORDS, String.join("; ", ruleProblems));
            }
        } catch (XApiException e) {
            String key = switch (e.status()) {
                case 401, 403 -> TwitterSourceConfig.V2_BEARER_TOKEN;
                case XApiClient.PROXY_AUTHENTICATION_REQUIRED -> TwitterSourceConfig.V2_PROXY_USER;
                default -> TwitterSourceConfig.V2_BASE_URL;
            };
            problems.put(key, e.getMessage());
        } catch (IOException e) {
            problems.put(e instanceof SSLHandshakeException ? TwitterSourceConfig.V2_SSL_TRUSTSTORE_LOCATION
                    : TwitterSourceConfig.V2_BASE_URL, XNetwork.unreachable(config.v2BaseUrl(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.put(TwitterSourceConfig.V2_BASE_URL, "Interrupted while asking the X API");
        }
        return problems;
    }

    /** Creates the connector's missing rules and deletes its stale ones (see {@link RuleSync}). */
    public static RuleSync.Result sync(TwitterSourceConfig config, String connector, RulePlan plan) {
        RuleSync sync = new RuleSync(client(config), connector, config.v2MaxRules());
        try {
            return sync.apply(plan.rules());
        } catch (RuleSync.RuleConflictException e) {
            throw new ConnectException("The filtered-stream rules of connector '" + connector + "' cannot be"
                    + " created: " + e.getMessage());
        } catch (XApiException e) {
            throw new ConnectException("Could not update the filtered-stream rules of connector '" + connector
                    + "': " + e.getMessage());
        } catch (IOException e) {
            throw new ConnectException(XNetwork.unreachable(config.v2BaseUrl(), e) + " (while updating the"
                    + " filtered-stream rules)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while updating the filtered-stream rules");
        }
    }

    public static XApiClient client(TwitterSourceConfig config) {
        return new XApiClient(config.v2BaseUrl(), config.v2BearerToken(), Duration.ofMillis(config.connectTimeoutMs()),
                XNetwork.of(config));
    }
}
