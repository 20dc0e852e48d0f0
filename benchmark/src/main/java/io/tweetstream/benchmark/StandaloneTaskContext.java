package io.tweetstream.benchmark;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** What a worker gives a task it starts for the first time: its config, and no stored offsets. */
final class StandaloneTaskContext implements SourceTaskContext {

    private final Map<String, String> configs;

    StandaloneTaskContext(Map<String, String> configs) {
        this.configs = Map.copyOf(configs);
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return null;
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                return Map.of();
            }
        };
    }

    /** The connector registers no metrics of its own. */
    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
