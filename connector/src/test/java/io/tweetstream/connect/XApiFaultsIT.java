package io.tweetstream.connect;

import io.tweetstream.connect.core.StreamCounter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.simulator.BadLine;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The X API v2 task under every fault the network and X can produce, injected by the simulator into
 * a live stream over real HTTP: it reconnects by X's backoff rules, skips and counts bad lines, keeps
 * its memory bounded, and, with backfill, neither loses nor duplicates a tweet across a reconnect.
 */
class XApiFaultsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int NETWORK_STEP_MS = 200;

    private final TaskHarness tasks = new TaskHarness(DEADLINE);
    private StreamSimulator simulator;

    @AfterEach
    void stopEverything() {
        tasks.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    /** A simulator streaming to two connections at once: the dropped one and its replacement. */
    private TwitterSourceTask streamingTask(double tweetsPerSecond, int backfillMinutes) {
        simulator = StreamSimulator.start(SimulatorSettings.builder().port(0).seed(5).tweetsPerSecond(tweetsPerSecond)
                .keepAliveInterval(Duration.ofMillis(200)).v2MaxConnections(2)
                .acceptedBearerTokens(Set.of(TestConfigs.BEARER_TOKEN)).build());
        Map<String, String> props = TestConfigs.v2(simulator.v2BaseUrl());
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,flink");
        props.put(TwitterSourceConfig.POLL_TIMEOUT_MS, "100");
        props.put(TwitterSourceConfig.V2_NETWORK_BACKOFF_MS, Integer.toString(NETWORK_STEP_MS));
        props.put(TwitterSourceConfig.V2_HTTP_BACKOFF_MS, "300");
        props.put(TwitterSourceConfig.V2_BACKFILL_MINUTES, Integer.toString(backfillMinutes));
        TwitterSourceConnector connector = new TwitterSourceConnector();
        connector.start(props);
        return tasks.start(connector.taskConfigs(1).get(0));
    }

    private List<ConnectionAttempt> attempts() {
        return simulator.connectionAttempts();
    }


    /**
     * Every tweet sent so far, on any connection, gets written, and none twice: the backfill's
     * overlap is dropped by id. (The stream goes on meanwhile; later tweets may be written too.)
     */
    private void assertEverySentTweetWrittenOnce(TwitterSourceTask task, List<SourceRecord> written) {
        Set<Long> sentSoFar = sentIds();
        tasks.pollWhile(task, written, () -> !keys(written).containsAll(sentSoFar));
        assertThat(written).extracting(SourceRecord::key).doesNotHaveDuplicates();
        assertThat(sentIds()).containsAll(keys(written));
    }

    private Set<Long> sentIds() {
        return simulator.sentTweets().stream().map(SentTweet::id).collect(Collectors.toSet());
    }

    private static Set<Long> keys(List<SourceRecord> records) {
        return records.stream().map(r -> (Long) r.key()).collect(Collectors.toSet());
    }

    private void faultThenRecover(Runnable fault, boolean expectOverlap) {
        TwitterSourceTask task = streamingTask(100, 1);
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 30));

        fault.run();
        tasks.pollWhile(task, written, () -> task.stats().get(StreamCounter.CONNECTS) < 2 || written.size() < 60);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 200);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()).toMillis())
                .as("one network step after the connection broke").isGreaterThanOrEqualTo(NETWORK_STEP_MS);
        assertEverySentTweetWrittenOnce(task, written);
        if (expectOverlap) {
            assertThat(task.stats().get(StreamCounter.DUPLICATES)).as("the backfill resent what was already written").isPositive();
        }
    }

    @Test
    void aConnectionDroppedMidStreamIsReplacedAndBackfilledWithoutLossOrDuplicates() {
        faultThenRecover(() -> assertThat(simulator.dropStreams()).isEqualTo(1), true);
    }

    @Test
    void aTcpResetIsReplacedAndBackfilledWithoutLossOrDuplicates() {
        faultThenRecover(() -> assertThat(simulator.resetStreams()).isEqualTo(1), true);
    }

    @Test
    void aServerClosingCleanlyIsReplacedAndBackfilledWithoutLossOrDuplicates() {
        faultThenRecover(() -> assertThat(simulator.endStreamsCleanly()).isEqualTo(1), true);
    }

    @Test
    void withoutBackfillAReconnectAsksForNone() {
        TwitterSourceTask task = streamingTask(100, 0);
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 10));

        simulator.dropStreams();
        tasks.pollWhile(task, written, () -> task.stats().get(StreamCounter.CONNECTS) < 2 || written.size() < 30);

        assertThat(task.stats().get(StreamCounter.DUPLICATES)).isZero();
        assertThat(written).extracting(SourceRecord::key).doesNotHaveDuplicates();
    }

    @Test
    void badLinesAreSkippedAndCountedAndTheStreamGoesOn() {
        TwitterSourceTask task = streamingTask(50, 0);
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 5));
        List<BadLine> bad = List.of(BadLine.truncatedJson(), BadLine.invalidUtf8(), BadLine.hugeLine(),
                BadLine.deeplyNested(), BadLine.unknownMessage());

        for (BadLine line : bad) {
            assertThat(simulator.injectLine(line)).isEqualTo(1);
        }
        int before = written.size();
        tasks.pollWhile(task, written, () -> written.size() < before + 20);

        assertThat(task.stats().get(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(bad.size());
        assertThat(task.stats().get(StreamCounter.CONNECTS)).as("no reconnect for a bad line").isEqualTo(1);
        assertThat(simulator.injectedLines()).hasSize(bad.size());
        assertEverySentTweetWrittenOnce(task, written);
    }

    @Test
    void hugeLinesAreSkippedWithoutBeingHeldInMemory() {
        TwitterSourceTask task = streamingTask(50, 0);
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 5));
        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("tweetstream-task-") && !t.getName().endsWith("-watchdog"))
                .findFirst().orElseThrow();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getThreadAllocatedBytes(reader.getId());

        for (int i = 0; i < 20; i++) {
            simulator.injectLine(BadLine.hugeLine());
        }
        tasks.pollWhile(task, written, () -> task.stats().get(StreamCounter.SKIPPED_MESSAGES) < 20);

        // 200 MiB went through the reader; keeping a line would take 10 MiB (20 as a String) each.
        long allocated = threads.getThreadAllocatedBytes(reader.getId()) - allocatedBefore;
        assertThat(allocated).isLessThan(40L * 1024 * 1024);
        assertThat(task.stats().get(StreamCounter.CONNECTS)).isEqualTo(1);
        assertThat(written).extracting(SourceRecord::key).doesNotHaveDuplicates();
    }

    @Test
    void serverErrorsOnReconnectBackOffAndRecover() {
        TwitterSourceTask task = streamingTask(50, 0);
        List<SourceRecord> written = new ArrayList<>(tasks.pollUntil(task, 5));

        simulator.rejectNextV2Connections(2, 500, Duration.ZERO);
        simulator.dropStreams();
        tasks.pollWhile(task, written, () -> task.stats().get(StreamCounter.CONNECTS) < 2);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 500, 500, 200);
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()).toMillis()).isGreaterThanOrEqualTo(300);
        assertThat(Duration.between(attempts.get(2).at(), attempts.get(3).at()).toMillis()).isGreaterThanOrEqualTo(600);
        assertThat(written).extracting(SourceRecord::key).doesNotHaveDuplicates();
    }
}
