package io.tweetstream.connect;

import io.tweetstream.connect.core.StreamCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.simulator.BadLine;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.StreamSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The v1.1 task (Twitter4j) under the faults the simulator injects into a live stream over real HTTP:
 * Twitter4j reconnects with Twitter's backoff, auth failures fail the task, bad lines are skipped and
 * counted. Twitter4j's backoff is its own (HTTP errors start at 5 s, 420 at 60 s), so only the first
 * step of each is waited for here.
 */
class TwitterSourceTaskFaultsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final TaskHarness tasks = new TaskHarness(DEADLINE);
    private StreamSimulator simulator;

    @AfterEach
    void stopEverything() {
        tasks.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    private TwitterSourceTask streamingTask() {
        return streamingTask(Map.of());
    }

    private TwitterSourceTask streamingTask(Map<String, String> overrides) {
        simulator = StreamSimulator.start(SimulatorSettings.builder().port(0).seed(3).tweetsPerSecond(50)
                .keepAliveInterval(Duration.ofMillis(200)).build());
        Map<String, String> props = TestConfigs.valid();
        props.put(TwitterSourceConfig.STREAM_BASE_URL, simulator.v1BaseUrl());
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka");
        props.put(TwitterSourceConfig.POLL_TIMEOUT_MS, "100");
        props.putAll(overrides);
        return tasks.start(props);
    }

    private List<ConnectionAttempt> attempts() {
        return simulator.connectionAttempts(StreamEndpoint.V1_FILTER);
    }


    private void reconnectsAfter(Runnable fault) {
        TwitterSourceTask task = streamingTask();
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 10));

        fault.run();
        int before = written.size();
        tasks.pollWhile(task, written, () -> task.stats().get(StreamCounter.CONNECTS) < 2 || written.size() < before + 10);

        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 200);
        assertThat(written).extracting(SourceRecord::key).doesNotHaveDuplicates();
    }

    @Test
    void aConnectionDroppedMidStreamIsReplaced() {
        reconnectsAfter(() -> assertThat(simulator.dropStreams()).isEqualTo(1));
    }

    @Test
    void aTcpResetIsReplaced() {
        reconnectsAfter(() -> assertThat(simulator.resetStreams()).isEqualTo(1));
    }

    @Test
    void aServerClosingCleanlyIsReplaced() {
        reconnectsAfter(() -> assertThat(simulator.endStreamsCleanly()).isEqualTo(1));
    }

    @Test
    void unparseableLinesAreSkippedAndCountedAndTheStreamGoesOn() {
        TwitterSourceTask task = streamingTask();
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 5));
        List<BadLine> bad = List.of(BadLine.truncatedJson(), BadLine.hugeLine(1024 * 1024, false));

        bad.forEach(line -> assertThat(simulator.injectLine(line)).isEqualTo(1));
        int before = written.size();
        tasks.pollWhile(task, written, () -> written.size() < before + 20);

        assertThat(task.stats().get(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(bad.size());
        assertThat(task.stats().get(StreamCounter.CONNECTS)).isEqualTo(1);
    }

    @Test
    void messagesOfUnknownShapeAndHugeLinesDoNotStopTheStream() {
        TwitterSourceTask task = streamingTask();
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 5));

        simulator.injectLine(BadLine.unknownMessage());
        simulator.injectLine(BadLine.hugeLine());
        int before = written.size();
        tasks.pollWhile(task, written, () -> written.size() < before + 20);

        assertThat(written).extracting(SourceRecord::key).doesNotHaveDuplicates();
        assertThat(task.stats().get(StreamCounter.CONNECTS)).isEqualTo(1);
    }

    @Test
    void deepNestingThatKillsTwitter4jsReaderIsSkippedAndTheStreamRestarted() {
        TwitterSourceTask task = streamingTask();
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 5));

        // Twitter4j's JSON parser overflows the stack on it, which ends its reader thread.
        simulator.injectLine(BadLine.deeplyNested());
        int before = written.size();
        tasks.pollWhile(task, written, () -> written.size() < before + 20);

        assertThat(task.stats().get(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(1);
        assertThat(task.stats().get(StreamCounter.CONNECTS)).isEqualTo(2);
        assertThat(written).extracting(SourceRecord::key).doesNotHaveDuplicates();
    }

    @Test
    void invalidUtf8IsDecodedWithReplacementCharactersNotDropped() {
        TwitterSourceTask task = streamingTask();
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 5));

        simulator.injectLine(BadLine.invalidUtf8());
        tasks.pollWhile(task, written, () -> written.stream().noneMatch(r -> r.key().equals(1050118621198921728L)));

        // Twitter4j reads the stream as UTF-8 with replacement: the tweet is kept, its bad bytes become U+FFFD.
        SourceRecord bad = written.stream().filter(r -> r.key().equals(1050118621198921728L)).findFirst().orElseThrow();
        assertThat(((org.apache.kafka.connect.data.Struct) bad.value()).getString("text")).contains("\uFFFD");
    }

    @Test
    void aStalledStreamIsReplacedAfterTheReadTimeout() {
        TwitterSourceTask task = streamingTask(Map.of(TwitterSourceConfig.STREAM_READ_TIMEOUT_MS, "2000"));
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 5));

        simulator.stallStreams(Duration.ofSeconds(60));
        int before = written.size();
        tasks.pollWhile(task, written, () -> task.stats().get(StreamCounter.CONNECTS) < 2 || written.size() < before + 5);

        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 200);
        assertThat(Duration.between(attempts().get(0).at(), attempts().get(1).at()).toMillis()).isGreaterThan(2_000);
    }

    @Test
    void forbiddenOnReconnectFailsTheTask() {
        TwitterSourceTask task = streamingTask();
        tasks.pollUntil(task, 5);

        simulator.rejectNextV1Connections(1, 403, Duration.ZERO);
        simulator.dropStreams();

        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class).hasMessageContaining("HTTP 403"));
    }

    @Test
    void unauthorizedOnReconnectFailsTheTask() {
        TwitterSourceTask task = streamingTask();
        tasks.pollUntil(task, 5);

        simulator.rejectNextV1Connections(1, 401, Duration.ZERO);
        simulator.dropStreams();

        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class).hasMessageContaining("HTTP 401"));
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 401);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void httpErrorsAreRetriedAfterTwitter4jsHttpBackoff(int status) {
        TwitterSourceTask task = streamingTask();
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 5));

        simulator.rejectNextV1Connections(1, status, Duration.ZERO);
        simulator.dropStreams();
        tasks.pollWhile(task, written, () -> task.stats().get(StreamCounter.CONNECTS) < 2);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactly(200, status, 200);
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()).toMillis())
                .as("Twitter: back off 5 s after an HTTP error").isGreaterThanOrEqualTo(4_500);
    }

    @Test
    void enhanceYourCalmIsNotRetriedQuickly() throws InterruptedException {
        TwitterSourceTask task = streamingTask();
        tasks.pollUntil(task, 5);

        simulator.rejectNextV1Connections(1, 420, Duration.ZERO);
        simulator.dropStreams();
        await().atMost(DEADLINE).until(() -> attempts().size() == 2);
        Thread.sleep(5_000);

        // Twitter: after 420 wait a minute, doubling; a client retrying sooner made it worse.
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 420);
        assertThat(task.stats().get(StreamCounter.CONNECTS)).isEqualTo(1);
    }
}
