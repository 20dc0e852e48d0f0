package io.tweetstream.e2e;

import io.tweetstream.testkit.ConnectRest;
import io.tweetstream.testkit.ConnectWorker;
import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.PluginPackage;
import io.tweetstream.testkit.WorkDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the end-to-end tests run the plugin on: a KRaft broker and a distributed Connect worker
 * (child processes), with the packaged plugin unzipped onto the worker's {@code plugin.path}, all
 * under one fresh work directory.
 */
final class ConnectPlatform implements AutoCloseable {

    private final Path work;
    private final Path pluginPath;
    private Map<String, String> workerOverrides = Map.of();
    private KafkaBroker broker;
    private ConnectWorker worker;
    private final List<ConnectWorker> otherWorkers = new ArrayList<>();

    private ConnectPlatform(Path work) {
        this.work = work;
        this.pluginPath = work.resolve("plugins");
    }

    static ConnectPlatform start(Path work) {
        return start(work, Map.of());
    }

    /** @param workerOverrides worker settings on top of the test defaults */
    static ConnectPlatform start(Path work, Map<String, String> workerOverrides) {
        WorkDirectory.clean(work);
        ConnectPlatform platform = new ConnectPlatform(work);
        platform.workerOverrides = Map.copyOf(workerOverrides);
        try {
            PluginPackage.unzipInto(PluginPackage.zip(Path.of("..")), platform.pluginPath);
            platform.broker = KafkaBroker.start(work.resolve("broker"));
            platform.startWorker();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startWorker() {
        worker = ConnectWorker.start(work.resolve("worker"), broker.bootstrapServers(), pluginPath, workerOverrides);
    }

    /**
     * Stops the worker as an operator would (it stops its tasks and commits their offsets) and starts
     * it again on the same config topics, with a new REST port: take {@link #rest()} anew.
     */
    void restartWorker() {
        worker.close();
        worker = null;
        startWorker();
    }

    /** Stops the worker (SIGTERM, as an operator or a deploy does), or kills it (SIGKILL, a crash). */
    void stopWorker(boolean kill) {
        if (kill) {
            worker.kill();
        } else {
            worker.close();
        }
        worker = null;
    }

    /** Starts the worker stopped by {@link #stopWorker(boolean)} on the same config topics; take {@link #rest()} anew. */
    void startWorkerAgain() {
        startWorker();
    }

    /**
     * Another worker of the same Connect cluster (the same group and config, offset and status
     * topics, its own REST port): the cluster spreads the connectors' tasks over both, and moves
     * them to the survivor when one is stopped or killed.
     */
    ConnectWorker startAnotherWorker() {
        ConnectWorker another = ConnectWorker.start(work.resolve("worker-" + (otherWorkers.size() + 2)),
            broker.bootstrapServers(), pluginPath, workerOverrides);
        otherWorkers.add(another);
        return another;
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
        otherWorkers.forEach(ConnectWorker::close);
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
