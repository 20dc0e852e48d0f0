package io.tweetstream.simulator;

import io.tweetstream.simulator.testing.Api;
import io.tweetstream.simulator.testing.RawStream;
import io.tweetstream.simulator.testing.StreamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Network faults injected into the streams open at the time, on v1.1 and v2 alike, as a client sees them over real
 * HTTP (the JDK's HttpClient) and on the wire (a plain socket).
 */
class StreamFaultsIT {

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aDropClosesTheConnectionInTheMiddleOfAChunk(Api api) throws Exception {
        start();
        try (RawStream raw = api.openRaw(simulator)) {
            await().atMost(StreamClient.DEADLINE).until(() -> tweetsSentOn(1) >= 3);

            assertThat(simulator.dropStreams()).isEqualTo(1);

            RawStream.Received received = raw.awaitEnd();
            assertThat(received.failure()).as("a FIN, not a reset").isNull();
            assertThat(received.head()).startsWith("HTTP/1.1 200 OK\r\n").contains("Transfer-Encoding: chunked\r\n");
            RawStream.Chunks chunks = received.chunks();
            assertThat(chunks.lastChunk()).as("the body's last chunk").isFalse();
            assertThat(chunks.cutAnnounced()).as("a chunk announced").isNotNull().isPositive();
            assertThat(chunks.cutReceived().length).as("half of it came").isPositive()
                    .isLessThan(chunks.cutAnnounced());
            assertThat(chunks.complete()).hasSizeGreaterThanOrEqualTo(3);
        }
        assertClosedBy(api, AppliedFault.Type.DROPPED);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aDroppedStreamEndsInAnExceptionForAnHttpClient(Api api) throws Exception {
        start();
        try (StreamClient stream = api.open(simulator)) {
            stream.nextMessages(3);

            simulator.dropStreams();

            StreamClient.Line end = stream.awaitEnd(StreamClient.DEADLINE).orElseThrow();
            assertThat(end.failure()).as("an unexpected end of the body").isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aCleanEndSendsTheLastChunkThenCloses(Api api) throws Exception {
        start();
        try (RawStream raw = api.openRaw(simulator); StreamClient stream = api.open(simulator)) {
            stream.nextMessages(2);

            assertThat(simulator.endStreamsCleanly()).isEqualTo(2);

            RawStream.Received received = raw.awaitEnd();
            assertThat(received.failure()).isNull();
            assertThat(received.chunks().lastChunk()).isTrue();
            assertThat(received.chunks().cutAnnounced()).isNull();
            assertThat(new String(received.bytes(), StandardCharsets.ISO_8859_1)).endsWith("\r\n0\r\n\r\n");
            StreamClient.Line end = stream.awaitEnd(StreamClient.DEADLINE).orElseThrow();
            assertThat(end.failure()).as("a clean end of the body").isNull();
        }
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        assertThat(simulator.appliedFaults()).extracting(AppliedFault::type)
                .containsExactly(AppliedFault.Type.ENDED_CLEANLY, AppliedFault.Type.ENDED_CLEANLY);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aResetGivesTheClientConnectionReset(Api api) throws Exception {
        start();
        try (RawStream raw = api.openRaw(simulator); StreamClient stream = api.open(simulator)) {
            stream.nextMessages(2);

            assertThat(simulator.resetStreams()).isEqualTo(2);

            assertThat(raw.awaitEnd().failure()).hasMessageContaining("Connection reset");
            StreamClient.Line end = stream.awaitEnd(StreamClient.DEADLINE).orElseThrow();
            // The HttpClient wraps the socket's exception in its own.
            assertThat(end.failure()).isInstanceOf(IOException.class).rootCause().hasMessageContaining("Connection reset");
        }
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        assertThat(simulator.appliedFaults()).extracting(AppliedFault::type)
                .containsExactly(AppliedFault.Type.RESET, AppliedFault.Type.RESET);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aStallSendsNoByteAtAllThenTheStreamGoesOn(Api api) throws Exception {
        start(SimulatorSettings.builder().tweetsPerSecond(50).keepAliveInterval(Duration.ofMillis(100)));
        try (RawStream raw = api.openRaw(simulator)) {
            await().atMost(StreamClient.DEADLINE).until(() -> tweetsSentOn(1) >= 2);

            assertThat(simulator.stallStreams(Duration.ofMillis(1200))).isEqualTo(1);
            long stalledAt = System.nanoTime();
            // Give what was written before the stall time to arrive, then nothing may come.
            Thread.sleep(150);
            int before = raw.size();
            long sentBefore = tweetsSentOn(1);
            await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(1)).until(() -> true);
            assertThat(raw.size()).as("bytes during the stall").isEqualTo(before);
            assertThat(tweetsSentOn(1)).isEqualTo(sentBefore);

            await().atMost(StreamClient.DEADLINE).until(() -> tweetsSentOn(1) >= sentBefore + 3);
            assertThat(Duration.ofNanos(System.nanoTime() - stalledAt)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
            assertThat(raw.size()).isGreaterThan(before);
        }
        assertThat(simulator.appliedFaults()).extracting(AppliedFault::type).containsExactly(AppliedFault.Type.STALLED);
        assertThat(simulator.connections()).hasSize(1);
    }

    @Test
    void aDropDuringAStallAppliesAtOnce() throws Exception {
        start();
        try (StreamClient stream = Api.V1.open(simulator)) {
            stream.nextMessages(1);
            simulator.stallStreams(Duration.ofSeconds(30));

            simulator.dropStreams();

            assertThat(stream.awaitEnd(Duration.ofSeconds(2)).orElseThrow().failure()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void faultsReachOnlyTheChosenEndpointsAndOnlyStreamsOpenAtTheTime() throws Exception {
        start();
        try (StreamClient v1 = Api.V1.open(simulator); StreamClient v2 = Api.V2.open(simulator)) {
            v1.nextMessages(1);
            v2.nextMessages(1);

            assertThat(simulator.openStreams(StreamEndpoint.V2_FILTERED).reset()).isEqualTo(1);

            assertThat(v2.awaitEnd(StreamClient.DEADLINE).orElseThrow().failure()).isNotNull();
            assertThat(v1.nextMessages(5)).as("the v1.1 stream goes on").hasSize(5);
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 1);
            try (StreamClient later = Api.V2.open(simulator)) {
                assertThat(later.nextMessages(5)).as("a stream opened afterwards is not affected").hasSize(5);
            }
        }
        assertThat(simulator.appliedFaults()).singleElement().satisfies(fault -> {
            assertThat(fault.connectionId()).isEqualTo(2);
            assertThat(fault.endpoint()).isEqualTo(StreamEndpoint.V2_FILTERED);
        });
    }

    private void assertClosedBy(Api api, AppliedFault.Type type) {
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        List<AppliedFault> faults = simulator.appliedFaults();
        assertThat(faults).singleElement().satisfies(fault -> {
            assertThat(fault.type()).isEqualTo(type);
            assertThat(fault.connectionId()).isEqualTo(1);
            assertThat(fault.endpoint()).isEqualTo(api.endpoint());
        });
        assertThat(simulator.connections().get(0).closedAt()).isAfterOrEqualTo(faults.get(0).at().minusMillis(5));
    }

    private long tweetsSentOn(long connectionId) {
        return simulator.connections().stream().filter(c -> c.id() == connectionId)
                .mapToLong(ConnectionInfo::tweetsSent).sum();
    }

    private void start() {
        start(SimulatorSettings.builder().tweetsPerSecond(100).keepAliveInterval(Duration.ofMillis(200))
                .v2MaxConnections(2));
    }

    private void start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.v2MaxConnections(2).build());
    }
}
