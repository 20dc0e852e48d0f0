package io.tweetstream.testkit;


import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A distributed Connect worker in a process of its own ({@code ConnectDistributed}, as
 * {@code connect-distributed.sh} runs it), loading plugins from {@code plugin.path} only.
 */
public final class ConnectWorker implements AutoCloseable {

    private final ChildJvm process;
    private final ConnectRest rest;

    private ConnectWorker(ChildJvm process, ConnectRest rest) {
        this.process = process;
        this.rest = rest;
    }

    /** A worker with its REST API on a free port. */
    public static ConnectWorker start(Path workDir, String bootstrapServers, Path pluginPath, Map<String, String> overrides) {
        return start(workDir, bootstrapServers, pluginPath, FreePorts.next(), overrides);
    }

    /** A worker with its REST API on {@code restPort}; {@code overrides} go on top of the defaults. */
    public static ConnectWorker start(Path workDir, String bootstrapServers, Path pluginPath, int restPort,
            Map<String, String> overrides) {
        Properties props = new Properties();
        props.putAll(Map.of(
            "bootstrap.servers", bootstrapServers,
            "group.id", "tweetstream-e2e",
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "key.converter.schemas.enable", "false",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable", "true",
            "config.storage.topic", "connect-configs",
            "offset.storage.topic", "connect-offsets",
            "status.storage.topic", "connect-status",
            "listeners", "http://127.0.0.1:" + restPort));
        props.putAll(Map.of(
            "config.storage.replication.factor", "1",
            "offset.storage.replication.factor", "1",
            "status.storage.replication.factor", "1",
            "offset.flush.interval.ms", "1000",
            "plugin.path", pluginPath.toAbsolutePath().toString(),
            "scheduled.rebalance.max.delay.ms", "0"));
        props.putAll(overrides);
        Path config = workDir.resolve("connect-distributed.properties");
        KafkaBroker.write(props, config);
        ChildJvm worker = ChildJvm.start("connect-worker", workDir,
            "org.apache.kafka.connect.cli.ConnectDistributed", config.toString());
        ConnectWorker started = new ConnectWorker(worker, new ConnectRest("http://127.0.0.1:" + restPort));
        started.awaitReady();
        return started;
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
            .failFast("the worker exited:\n" + process.logTail(), () -> !process.isAlive())
            .until(() -> rest.get("/connectors").status() == 200);
    }

    public ConnectRest rest() {
        return rest;
    }

    public List<String> threadNames() {
        return process.threadNames();
    }

    /** The worker's whole log so far. */
    public String log() {
        return process.log();
    }

    public String logTail() {
        return process.logTail();
    }

    /** Kills the worker at once (SIGKILL): its tasks neither stop nor commit, as in a crash. */
    public void kill() {
        process.kill();
    }

    /** Stops the worker (SIGTERM): it stops its tasks and commits their offsets. */
    @Override
    public void close() {
        process.close();
    }
}
