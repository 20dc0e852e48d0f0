package io.tweetstream.connect;

import io.tweetstream.connect.config.TwitterSourceConfig;
import java.util.HashMap;
import java.util.Map;

/** A valid connector config to start from; tests change one key at a time. */
public final class TestConfigs {

    public static final String CONSUMER_KEY = "ck-9f8e7d";
    public static final String CONSUMER_SECRET = "cs-s3cr3t-value";
    public static final String ACCESS_TOKEN = "12345-at-token";
    public static final String ACCESS_TOKEN_SECRET = "ats-s3cr3t-value";

    private TestConfigs() {}

    /** A valid v1.1 config, which sets twitter.api explicitly (the default is v2). */
    public static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "tweets");
        props.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V1);
        props.put(TwitterSourceConfig.TOPIC, "tweets");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,apache spark,flink");
        props.put(TwitterSourceConfig.CONSUMER_KEY, CONSUMER_KEY);
        props.put(TwitterSourceConfig.CONSUMER_SECRET, CONSUMER_SECRET);
        props.put(TwitterSourceConfig.ACCESS_TOKEN, ACCESS_TOKEN);
        props.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, ACCESS_TOKEN_SECRET);
        return props;
    }

    public static final String BEARER_TOKEN = "AAAA-bearer-s3cr3t";

    /** A valid v2 filtered-stream config against {@code baseUrl}, without the v1.1 credentials. */
    public static Map<String, String> v2(String baseUrl) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "tweets");
        props.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V2);
        props.put(TwitterSourceConfig.V2_BASE_URL, baseUrl);
        props.put(TwitterSourceConfig.V2_BEARER_TOKEN, BEARER_TOKEN);
        props.put(TwitterSourceConfig.TOPIC, "tweets");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,apache spark,flink");
        return props;
    }

    public static Map<String, String> with(String key, String value) {
        Map<String, String> props = valid();
        props.put(key, value);
        return props;
    }
}
