package io.tweetstream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The connector JSON that {@code config/} ships for a REST POST, adapted to a test. */
final class ConnectorConfigs {

    static final Path REST_JSON = Path.of("..", "config", "twitter-source-v1.1.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorConfigs() {}

    /**
     * The shipped {@code {"name": ..., "config": {...}}} body with a new name, the simulator's base URL
     * and the given settings on top.
     */
    static ObjectNode restBody(String name, String simulatorBaseUrl, Map<String, String> settings) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(REST_JSON.toFile());
            body.put("name", name);
            ObjectNode config = (ObjectNode) body.get("config");
            config.put("twitter.stream.base.url", simulatorBaseUrl);
            settings.forEach(config::put);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A v2 example of {@code config/} (e.g. {@code twitter-source-firehose.json}) with a new name, the
     * simulator's base URL, a bearer token, a topic and the given settings on top.
     */
    static ObjectNode v2RestBody(String example, String name, String simulatorBaseUrl, String bearerToken,
            String topic, Map<String, String> settings) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(Path.of("..", "config", example).toFile());
            body.put("name", name);
            ObjectNode config = (ObjectNode) body.get("config");
            config.put("twitter.v2.base.url", simulatorBaseUrl);
            config.put("twitter.v2.bearer.token", bearerToken);
            config.put("topic", topic);
            settings.forEach(config::put);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Credential set {@code i} of {@code tokens}: one app (consumer key) with several accounts. */
    static Map<String, String> credentials(String consumerKey, int tokens) {
        List<String> accessTokens = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (int i = 1; i <= tokens; i++) {
            accessTokens.add(i + "-access-token");
            secrets.add("access-secret-" + i);
        }
        return Map.of(
            "twitter.oauth.consumer.key", consumerKey,
            "twitter.oauth.consumer.secret", "consumer-secret",
            "twitter.oauth.access.token", String.join(",", accessTokens),
            "twitter.oauth.access.token.secret", String.join(",", secrets));
    }

    /** {@code base} with the given key, value pairs on top. */
    static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> settings = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return settings;
    }

    /** Just the config map of a REST body, for PUT /connectors/{name}/config. */
    static JsonNode config(ObjectNode restBody) {
        return restBody.get("config");
    }
}
