package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.simulator.AppliedFault;
import io.tweetstream.simulator.BadLine;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's fault table, as scenarios: each fault the simulator injects into a live stream over
 * real HTTP, and what the task does about it. Each API runs every scenario through a subclass, which
 * says where the APIs differ (the hooks below, each marked with its {@link Outcome}, the README's
 * cell); faults of one API only are scenarios of that subclass.
 */
abstract class StreamFaultScenarios extends ScenarioSuite {

    private static final int TWEETS_PER_SECOND = 50;
    private static final Duration RATE_LIMIT_RESET = Duration.ofSeconds(2);
    /** The simulator records a broken connection just after breaking it: the client may see it a moment sooner. */
    private static final Duration RECORDING_LAG = Duration.ofMillis(50);
    /** The id of the tweet in {@link BadLine#invalidUtf8()}, on either API. */
    private static final long INVALID_UTF8_TWEET_ID = 1050118621198921728L;

    StreamFaultScenarios(StreamApi api) {
        super(api);
    }

    // What each API does; every hook carries the README cell of its row in the subclass.

    /** The simulator for this API's scenarios, beyond the credentials. */
    protected SimulatorSettings.Builder simulatorFor(SimulatorSettings.Builder settings) {
        return settings;
    }

    /** This API's config keys for the scenarios, e.g. short backoff steps. */
    protected void configFor(Map<String, String> props) {
    }

    /** How long the task waits after a network error before it reconnects, at least. */
    protected abstract Duration networkReconnectStep();

    /** How many stalls the task counts for a stream that stalled once. */
    protected abstract long stallsCountedForOneStall();

    /** What the task's failure message tells the user to check after HTTP {@code status}. */
    protected abstract String whatToCheckAfter(int status);

    /** Asserts how long the task waited after a 429 whose x-rate-limit-reset was {@link #RATE_LIMIT_RESET} ahead. */
    protected abstract void assertWaitAfterRateLimit(Duration waited);

    /** How many server errors in a row the scenario answers, to see the backoff grow where it is quick enough. */
    protected abstract int serverErrorsInARow();

    /** Asserts the waits between the attempts answered with a server error and the next attempt of each. */
    protected abstract void assertWaitsAfterServerErrors(List<Duration> waits);

    /** How many skipped messages the task counts for one message of a type the API does not define. */
    protected abstract long skippedCountedForAnUnknownMessage();

    /** How many skipped messages the task counts for one 10 MiB line of valid JSON. */
    protected abstract long skippedCountedForAHugeLine();

    protected enum InvalidUtf8Handling { WRITTEN_WITH_REPLACEMENT_CHARACTERS, SKIPPED }

    protected abstract InvalidUtf8Handling invalidUtf8Handling();

    /** How many connections the task made, the first included, once a deeply nested message went by. */
    protected abstract long connectionsAfterDeepNesting();

    // The stream the scenarios break.

    protected PolledTask streamingTask() {
        return streamingTask(settings -> settings, Map.of());
    }

    protected PolledTask streamingTask(UnaryOperator<SimulatorSettings.Builder> settings, Map<String, String> overrides) {
        startSimulator(s -> settings.apply(simulatorFor(s.seed(3).tweetsPerSecond(TWEETS_PER_SECOND)
                .keepAliveInterval(Duration.ofMillis(200)))));
        Map<String, String> props = config("kafka");
        configFor(props);
        props.putAll(overrides);
        return startTask(props);
    }

    private AppliedFault onlyFault() {
        assertThat(simulator().appliedFaults()).hasSize(1);
        return simulator().appliedFaults().get(0);
    }

    private static List<Duration> waitsFrom(List<ConnectionAttempt> attempts, int first) {
        List<Duration> waits = new ArrayList<>();
        for (int i = first; i + 1 < attempts.size(); i++) {
            waits.add(Duration.between(attempts.get(i).at(), attempts.get(i + 1).at()));
        }
        return waits;
    }

    /** The ways a connection ends under the task, as the simulator breaks it. */
    protected enum ConnectionLoss {
        DROPPED_MID_STREAM(StreamSimulator::dropStreams),
        TCP_RESET(StreamSimulator::resetStreams),
        CLOSED_CLEANLY(StreamSimulator::endStreamsCleanly);

        private final ToIntFunction<StreamSimulator> inflict;

        ConnectionLoss(ToIntFunction<StreamSimulator> inflict) {
            this.inflict = inflict;
        }

        int inflictOn(StreamSimulator simulator) {
            return inflict.applyAsInt(simulator);
        }
    }

    // Connections lost, stalled, kept open.

    @ParameterizedTest(name = "{0}")
    @EnumSource(ConnectionLoss.class)
    @Covers(Fault.CONNECTION_LOST)
    void aLostConnectionIsReplacedAfterTheNetworkStepWithoutWritingATweetTwice(ConnectionLoss loss) {
        PolledTask task = streamingTask();
        task.pollUntilWritten(10);

        assertThat(loss.inflictOn(simulator())).isEqualTo(1);
        task.pollUntil(() -> task.count(StreamCounter.CONNECTS) >= 2);
        task.pollUntilMoreWritten(10);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 200);
        assertThat(between(onlyFault().at(), attempts.get(1)))
                .as("from the loss to the reconnect").isGreaterThanOrEqualTo(networkReconnectStep().minus(RECORDING_LAG));
        assertThat(task.count(StreamCounter.DUPLICATES)).isZero();
        assertNoTweetWrittenTwice(task);
    }

    @Test
    @Covers(Fault.STALL)
    void aStalledStreamIsReplacedAfterTheReadTimeout() {
        PolledTask task = streamingTask(settings -> settings, Map.of(TwitterSourceConfig.STREAM_READ_TIMEOUT_MS, "1000"));
        task.pollUntilWritten(5);

        assertThat(simulator().stallStreams(Duration.ofSeconds(30))).isEqualTo(1);
        task.pollUntil(() -> task.count(StreamCounter.CONNECTS) >= 2);
        task.pollUntilMoreWritten(5);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 200);
        assertThat(between(onlyFault().at(), attempts.get(1))).as("from the stall to the reconnect")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(task.count(StreamCounter.STALLS)).isEqualTo(stallsCountedForOneStall());
        assertNoTweetWrittenTwice(task);
    }

    @Test
    @Covers(Fault.STALL)
    void keepAlivesKeepAQuietStreamOpenPastTheReadTimeout() throws InterruptedException {
        PolledTask task = streamingTask(settings -> settings.maxTweetsPerConnection(0),
                Map.of(TwitterSourceConfig.STREAM_READ_TIMEOUT_MS, "1000"));
        await().atMost(DEADLINE).until(() -> task.count(StreamCounter.CONNECTS) == 1);

        // Half as long again as the read timeout, with keep-alives only, every 200 ms.
        await().during(Duration.ofMillis(1_500)).atMost(DEADLINE).until(() -> attempts().size() == 1);

        assertThat(task.poll()).isNull();
        assertThat(task.count(StreamCounter.STALLS)).isZero();
        assertThat(task.count(StreamCounter.CONNECTS)).isEqualTo(1);
    }

    // Refusals.

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403})
    @Covers(Fault.AUTH_REFUSED)
    void aRefusedReconnectFailsTheTaskSayingWhatToCheckWithoutRevealingTheCredentials(int status) {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        api.rejectNextConnections(simulator(), 1, status, Duration.ZERO);
        simulator().dropStreams();

        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP " + status)
                .hasMessageContaining(whatToCheckAfter(status))
                .hasMessageNotContainingAny(api.secrets().toArray(String[]::new)));
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, status);
    }

    @Test
    @Covers(Fault.HTTP_429)
    void aRateLimitIsWaitedOutBeforeReconnecting() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        api.rejectNextConnections(simulator(), 1, 429, RATE_LIMIT_RESET);
        simulator().dropStreams();
        task.pollUntil(() -> task.count(StreamCounter.CONNECTS) >= 2);
        task.pollUntilMoreWritten(5);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 429, 200);
        assertWaitAfterRateLimit(Duration.between(attempts.get(1).at(), attempts.get(2).at()));
        assertNoTweetWrittenTwice(task);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 503})
    @Covers(Fault.SERVER_ERROR)
    void serverErrorsAreRetriedWithAGrowingBackoffUntilTheStreamIsBack(int status) {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        int errors = serverErrorsInARow();
        api.rejectNextConnections(simulator(), errors, status, Duration.ZERO);
        simulator().dropStreams();
        task.pollUntil(() -> task.count(StreamCounter.CONNECTS) >= 2);
        task.pollUntilMoreWritten(5);

        List<ConnectionAttempt> attempts = attempts();
        List<Integer> expected = new ArrayList<>(List.of(200));
        for (int i = 0; i < errors; i++) {
            expected.add(status);
        }
        expected.add(200);
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactlyElementsOf(expected);
        assertWaitsAfterServerErrors(waitsFrom(attempts, 1));
        assertNoTweetWrittenTwice(task);
    }

    // Lines no stream should carry.

    /**
     * Injects {@code lines}, waits until tweets sent after them are written (so the task has read
     * them and the stream goes on), and checks that {@code skipped} messages were counted.
     */
    private void inject(PolledTask task, long skipped, BadLine... lines) {
        for (BadLine line : lines) {
            assertThat(simulator().injectLine(line)).as("streams reached by %s", line).isEqualTo(1);
        }
        await().atMost(DEADLINE).until(() -> simulator().injectedLines().size() == lines.length);
        Instant injected = simulator().injectedLines().get(lines.length - 1).at();
        task.pollUntil(() -> writtenOfThoseSentAfter(task, injected) >= 10);
        assertThat(task.count(StreamCounter.SKIPPED_MESSAGES)).as("messages skipped").isEqualTo(skipped);
    }

    private long writtenOfThoseSentAfter(PolledTask task, Instant at) {
        Set<Long> later = simulator().sentTweets().stream().filter(tweet -> tweet.sentAt().isAfter(at))
                .map(SentTweet::id).collect(Collectors.toSet());
        return keys(task.written()).stream().filter(later::contains).count();
    }

    @Test
    @Covers(Fault.UNREADABLE_LINE)
    void truncatedJsonAndGarbageAreSkippedAndCountedAndTheStreamGoesOn() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        inject(task, 2, BadLine.truncatedJson(), BadLine.hugeLine(1024 * 1024, false));

        assertThat(task.count(StreamCounter.CONNECTS)).as("no reconnect for a bad line").isEqualTo(1);
        assertEverySentTweetWrittenOnce(task);
    }

    @Test
    @Covers(Fault.UNREADABLE_LINE)
    void aMessageOfAnUnknownTypeIsSkippedAndTheStreamGoesOn() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        inject(task, skippedCountedForAnUnknownMessage(), BadLine.unknownMessage());

        assertThat(task.count(StreamCounter.CONNECTS)).isEqualTo(1);
        assertEverySentTweetWrittenOnce(task);
    }

    @Test
    @Covers(Fault.INVALID_UTF8)
    void invalidUtf8NeitherStopsTheStreamNorCorruptsAnotherTweet() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        if (invalidUtf8Handling() == InvalidUtf8Handling.SKIPPED) {
            inject(task, 1, BadLine.invalidUtf8());
            assertThat(keys(task.written())).doesNotContain(INVALID_UTF8_TWEET_ID);
            assertEverySentTweetWrittenOnce(task);
        } else {
            inject(task, 0, BadLine.invalidUtf8());
            task.pollUntil(() -> keys(task.written()).contains(INVALID_UTF8_TWEET_ID));
            SourceRecord bad = task.written().stream().filter(r -> r.key().equals(INVALID_UTF8_TWEET_ID))
                    .findFirst().orElseThrow();
            assertThat(((Struct) bad.value()).getString(TweetSchema.TEXT))
                    .contains("\uFFFD").endsWith("Kafka Connect");
            assertEverySentTweetWrittenOnce(task, INVALID_UTF8_TWEET_ID);
        }
        assertThat(task.count(StreamCounter.CONNECTS)).isEqualTo(1);
    }

    @Test
    @Covers(Fault.HUGE_LINE)
    void aTenMegabyteLineIsSkippedAndTheStreamGoesOn() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        inject(task, skippedCountedForAHugeLine(), BadLine.hugeLine());

        assertThat(task.count(StreamCounter.CONNECTS)).isEqualTo(1);
        assertEverySentTweetWrittenOnce(task);
    }

    @Test
    @Covers(Fault.DEEP_NESTING)
    void deeplyNestedJsonIsSkippedAndCountedAndTheStreamGoesOn() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        inject(task, 1, BadLine.deeplyNested());

        assertThat(task.count(StreamCounter.CONNECTS)).isEqualTo(connectionsAfterDeepNesting());
        assertNoTweetWrittenTwice(task);
    }

    // A slow worker.

    @Test
    @Covers(Fault.BACK_PRESSURE)
    @Outcome(fault = Fault.BACK_PRESSURE,
            value = "the buffer fills, the reader waits: back-pressure on the connection, nothing dropped")
    void aFullBufferPushesBackOnTheStreamAndLosesNothing() {
        int sent = 600;
        PolledTask task = streamingTask(settings -> settings.tweetsPerSecond(2_000).maxTweetsPerConnection(sent),
                Map.of(TwitterSourceConfig.QUEUE_CAPACITY, "50", TwitterSourceConfig.MAX_BATCH_SIZE, "10"));

        // A worker that does not poll, as when the broker is slow: the buffer fills and stays full.
        await().atMost(DEADLINE).until(() -> Double.valueOf(1.0).equals(task.metric("queue-fill-ratio")));
        await().during(Duration.ofMillis(500)).atMost(DEADLINE).until(() -> Integer.valueOf(50).equals(task.metric("queue-size")));

        task.pollUntilWritten(sent);

        assertThat(keys(task.written())).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sentTweets(sent).stream().map(SentTweet::id).toList());
        assertThat(task.count(StreamCounter.DISCARDED_ON_CLOSE)).isZero();
        assertThat(task.count(StreamCounter.CONNECTS)).isEqualTo(1);
    }
}
