package io.tweetstream.e2e;

import io.tweetstream.testkit.ConnectRest;
import io.tweetstream.testkit.ConnectWorker;
import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.PluginPackage;
import io.tweetstream.testkit.WorkDirectory;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the end-to-end tests run the plugin on: a KRaft broker and a distributed Connect worker
 * (child processes), with the packaged plugin unzipped onto the worker's {@code plugin.path}, all
 * under one fresh work directory.
 */
final class ConnectPlatform implements AutoCloseable {

    private final Path pluginPath;
    private KafkaBroker broker;
    private ConnectWorker worker;

    private ConnectPlatform(Path pluginPath) {
        this.pluginPath = pluginPath;
    }

    static ConnectPlatform start(Path work) {
        return start(work, Map.of());
    }

    /** @param workerOverrides worker settings on top of the test defaults */
    static ConnectPlatform start(Path work, Map<String, String> workerOverrides) {
        WorkDirectory.clean(work);
        ConnectPlatform platform = new ConnectPlatform(work.resolve("plugins"));
        try {
            PluginPackage.unzipInto(PluginPackage.zip(Path.of("..")), platform.pluginPath);
            platform.broker = KafkaBroker.start(work.resolve("broker"));
            platform.worker = ConnectWorker.start(work.resolve("worker"), platform.broker.bootstrapServers(),
                platform.pluginPath, workerOverrides);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    Path pluginPath() {
        return pluginPath;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    ConnectWorker worker() {
        return worker;
    }

    ConnectRest rest() {
        return worker.rest();
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
