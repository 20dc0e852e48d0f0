package io.tweetstream.connect.config;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Shows a stream's own keys only when the config selects that stream (see {@link StreamType}), so
 * that a UI built on Connect's validate response hides the other API's keys.
 */
final class StreamKeyRecommender implements ConfigDef.Recommender {

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return TwitterSourceConfig.V2_STREAM.equals(name)
                ? List.of(TwitterSourceConfig.V2_STREAM_FILTERED, TwitterSourceConfig.V2_STREAM_SAMPLE)
                : List.of();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        try {
            return StreamType.of(parsedConfig).uses(name);
        } catch (IllegalArgumentException unknownStream) {
            return true; // twitter.api itself reports the bad value
        }
    }
}
