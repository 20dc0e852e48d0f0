package io.tweetstream.e2e;

import io.tweetstream.testkit.ConnectRest;
import io.tweetstream.testkit.PluginPackage;
import io.tweetstream.testkit.WorkDirectory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * {@link SplitScenario} against Apache Kafka's official image, the one {@code docker/} uses: a KRaft
 * broker container and a distributed worker container configured by
 * {@code docker/connect-distributed.properties}, with the unzipped plugin on its plugin.path.
 * The simulator runs in this JVM and the containers reach it through Testcontainers' host tunnel.
 * Skipped, with the reason, where no Docker engine runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectWorkerContainersIT {

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.4.0");
    private static final Path WORK = Path.of("target", "e2e-containers").toAbsolutePath();
    private static final String PLUGIN_PATH = "/opt/connect-plugins";

    private Network network;
    private KafkaContainer broker;
    private GenericContainer<?> worker;
    private StreamSimulator simulator;

    @BeforeAll
    void startPlatform() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
            "No Docker engine on this machine: the Testcontainers variant needs one. ConnectWorkerIT runs the"
                + " same scenario on a broker and worker in child processes.");
        WorkDirectory.clean(WORK);
        PluginPackage.unzipInto(PluginPackage.zip(Path.of("..")), WORK);
        simulator = StreamSimulator.start(SimulatorSettings.builder()
            .tweetsPerSecond(50).maxTweetsPerConnection(40).keepAliveInterval(Duration.ofMillis(500)).build());
        Testcontainers.exposeHostPorts(simulator.port());

        network = Network.newNetwork();
        // The listener docker/connect-distributed.properties names.
        broker = new KafkaContainer(KAFKA_IMAGE).withNetwork(network).withNetworkAliases("broker")
            .withListener("broker:29092");
        broker.start();
        worker = new GenericContainer<>(KAFKA_IMAGE)
            .withNetwork(network)
            .withCopyFileToContainer(MountableFile.forHostPath(WORK), PLUGIN_PATH)
            .withCopyFileToContainer(MountableFile.forHostPath(Path.of("..", "docker", "connect-distributed.properties")),
                "/etc/tweetstream/connect-distributed.properties")
            .withCommand("/opt/kafka/bin/connect-distributed.sh", "/etc/tweetstream/connect-distributed.properties")
            .withExposedPorts(8083)
            .waitingFor(Wait.forHttp("/connectors").forPort(8083).withStartupTimeout(Duration.ofMinutes(3)));
        worker.start();
    }

    @AfterAll
    void stopPlatform() {
        for (AutoCloseable closeable : new AutoCloseable[] {worker, broker, network, simulator}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // best effort: the next resource still has to go
            }
        }
    }

    @Test
    void threeTasksSplitTheKeywordsAndEveryMatchingTweetArrivesOnceWithItsKeyword() {
        ConnectRest rest = new ConnectRest("http://" + worker.getHost() + ":" + worker.getMappedPort(8083));
        String simulatorUrl = "http://host.testcontainers.internal:" + simulator.port() + "/1.1/";
        new SplitScenario(rest, broker.getBootstrapServers(), simulator, simulatorUrl).run();
    }
}
