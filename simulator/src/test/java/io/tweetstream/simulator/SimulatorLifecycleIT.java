package io.tweetstream.simulator;

import io.tweetstream.simulator.testing.StreamClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import org.junit.jupiter.api.Assumptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Starting, streaming threads, clients hanging up, and closing. */
class SimulatorLifecycleIT {

    @Test
    void listensOnAnEphemeralPortAndGivesTwitter4jsBaseUrl() {
        try (StreamSimulator simulator = StreamSimulator.start(SimulatorSettings.builder().port(0).build())) {
            assertThat(simulator.port()).isPositive();
            assertThat(simulator.v1BaseUrl()).isEqualTo("http://127.0.0.1:" + simulator.port() + "/1.1/");
        }
    }

    @Test
    void listensOnLoopbackOnlyUnlessToldToBindAllAddresses() throws Exception {
        InetAddress otherAddress = nonLoopbackAddress();
        Assumptions.assumeTrue(otherAddress != null, "this machine has no non-loopback IPv4 address to test with");
        try (StreamSimulator local = StreamSimulator.start(SimulatorSettings.builder().build());
             StreamSimulator everywhere = StreamSimulator.start(SimulatorSettings.builder().bindAddress("0.0.0.0").build())) {
            assertThatThrownBy(() -> new Socket(otherAddress, local.port()).close()).isInstanceOf(ConnectException.class);
            try (Socket socket = new Socket(otherAddress, everywhere.port())) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (network.isUp() && !address.isLoopbackAddress() && address instanceof Inet4Address) {
                    return address;
                }
            }
        }
        return null;
    }

    @Test
    void closeEndsOpenStreamsPromptlyEvenForClientsThatDoNotRead() throws Exception {
        StreamSimulator simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(5_000).build());
        InputStream unread = null;
        try (StreamClient reading = StreamClient.open(simulator, "track=kafka")) {
            HttpResponse<InputStream> idle = StreamClient.http().send(
                    StreamClient.filterRequest(simulator, "follow=12", StreamClient.OAUTH),
                    HttpResponse.BodyHandlers.ofInputStream());
            unread = idle.body();
            reading.nextStatuses(10);
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 2);

            long start = System.nanoTime();
            simulator.close();
            Duration closing = Duration.ofNanos(System.nanoTime() - start);

            assertThat(closing).isLessThan(Duration.ofSeconds(1));
            assertThat(reading.awaitEnd(Duration.ofSeconds(1))).as("the reading client sees the end").isPresent();
            assertThat(simulator.openConnectionCount()).isZero();
            assertThat(simulator.connections()).hasSize(2).allSatisfy(connection -> {
                assertThat(connection.open()).isFalse();
                assertThat(connection.closedAt()).isAfterOrEqualTo(connection.openedAt()).isBeforeOrEqualTo(Instant.now());
            });
        } finally {
            simulator.close();
            if (unread != null) {
                unread.close();
            }
        }
    }

    @Test
    void closeEndsIdleStreamsAtOnce() throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder()
                .maxTweetsPerConnection(0)
                .keepAliveInterval(Duration.ofSeconds(30))
                .build();
        StreamSimulator simulator = StreamSimulator.start(settings);
        try (StreamClient idle = StreamClient.open(simulator, "track=kafka")) {
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 1);

            simulator.close();

            assertThat(idle.awaitEnd(Duration.ofSeconds(1))).as("the idle client sees the body end cleanly")
                    .hasValueSatisfying(end -> assertThat(end.failure()).isNull());
            assertThat(simulator.connections()).singleElement()
                    .satisfies(connection -> assertThat(connection.closedAt()).isNotNull());
        } finally {
            simulator.close();
        }
    }

    @Test
    void aClosedSimulatorNoLongerAcceptsConnections() {
        StreamSimulator simulator = StreamSimulator.start(SimulatorSettings.builder().build());
        simulator.close();
        simulator.close();

        assertThatThrownBy(() -> StreamClient.http().send(
                StreamClient.filterRequest(simulator, "track=kafka", StreamClient.OAUTH),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfAny(ConnectException.class, IOException.class);
    }

    @Test
    void aClientHangingUpIsNoticedAndItsConnectionClosed() throws Exception {
        try (StreamSimulator simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(1_000).build())) {
            StreamClient stream = StreamClient.open(simulator, "track=kafka");
            stream.nextStatuses(5);

            stream.close();

            await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
            assertThat(simulator.connections()).singleElement()
                    .satisfies(connection -> assertThat(connection.closedAt()).isNotNull());
        }
    }

    @Test
    void streamsRunOnNamedDaemonThreads() throws Exception {
        try (StreamSimulator simulator = StreamSimulator.start(SimulatorSettings.builder().build());
             StreamClient stream = StreamClient.open(simulator, "track=kafka")) {
            stream.nextStatuses(1);

            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(thread -> thread.getName().equals("tweetstream-simulator-stream-1"))
                    .singleElement()
                    .satisfies(thread -> assertThat(thread.isDaemon()).isTrue());
        }
    }
}
