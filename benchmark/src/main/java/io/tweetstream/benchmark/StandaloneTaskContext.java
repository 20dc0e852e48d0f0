package io.tweetstream.benchmark;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * What a worker gives a task it starts: its config, and the offset a previous run stored (none when
 * it is the first).
 */
final class StandaloneTaskContext implements SourceTaskContext {

    private final Map<String, String> configs;
    private final Map<String, Object> storedOffset;

    StandaloneTaskContext(Map<String, String> configs) {
        this(configs, null);
    }

    /** @param storedOffset what the previous run of the task's share stored; null for a first run */
    StandaloneTaskContext(Map<String, String> configs, Map<String, Object> storedOffset) {
        this.configs = Map.copyOf(configs);
        this.storedOffset = storedOffset;
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
                return storedOffset;
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
