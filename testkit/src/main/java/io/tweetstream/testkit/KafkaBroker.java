package io.tweetstream.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker (broker and controller in one process), started as Kafka's own
 * distribution starts it: {@code kafka-storage format}, then {@code kafka.Kafka server.properties}.
 */
public final class KafkaBroker implements AutoCloseable {

    private final ChildJvm process;
    private final String bootstrapServers;

    private KafkaBroker(ChildJvm process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** A new broker on free ports, its data in {@code workDir}. */
    public static KafkaBroker start(Path workDir) {
        return start(workDir, FreePorts.next(), FreePorts.next());
    }

    /**
     * A broker on the given ports. Data already in {@code workDir} (from an earlier start) is kept:
     * the broker carries on with its topics; an empty {@code workDir} is formatted first.
     */
    public static KafkaBroker start(Path workDir, int brokerPort, int controllerPort) {
        String bootstrap = "127.0.0.1:" + brokerPort;
        Path config = workDir.resolve("server.properties");
        Properties props = new Properties();
        props.putAll(Map.of(
            "process.roles", "broker,controller",
            "node.id", "1",
            "controller.quorum.voters", "1@127.0.0.1:" + controllerPort,
            "listeners", "PLAINTEXT://" + bootstrap + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners", "PLAINTEXT://" + bootstrap,
            "controller.listener.names", "CONTROLLER",
            "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs", workDir.resolve("kafka-logs").toString(),
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1"));
        props.putAll(Map.of(
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "num.partitions", "1",
            "auto.create.topics.enable", "true"));
        write(props, config);

        if (!Files.exists(workDir.resolve("kafka-logs").resolve("meta.properties"))) {
            try (ChildJvm format = ChildJvm.start("kafka-storage-format", workDir, "kafka.tools.StorageTool",
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !format.isAlive());
            }
        }
        ChildJvm broker = ChildJvm.start("kafka-broker", workDir, "kafka.Kafka", config.toString());
        KafkaBroker started = new KafkaBroker(broker, bootstrap);
        started.awaitReady();
        return started;
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .failFast("the broker exited:\n" + process.logTail(), () -> !process.isAlive())
                .until(() -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
        }
    }

    /** Writes a Kafka-style properties file. */
    public static void write(Properties props, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file)) {
                props.store(out, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        process.close();
    }
}
