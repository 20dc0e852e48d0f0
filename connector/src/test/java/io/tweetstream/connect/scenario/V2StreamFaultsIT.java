package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.simulator.AppliedFault;
import io.tweetstream.simulator.BadLine;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.SimulatorSettings;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault scenarios on the X API v2 filtered stream, with the backoff steps set short so that its
 * growth shows: the connector reconnects by X's rules, and with backfill neither loses nor
 * duplicates a tweet across a reconnect.
 */
@Outcome(fault = Fault.HTTP_420, value = "(X does not send it)", applies = false)
@Outcome(fault = Fault.TOO_MANY_CONNECTIONS, value = "waits until `x-rate-limit-reset`, at least"
        + " `twitter.v2.backoff.rate.limit.ms` (1 minute), doubling: a replacement task connects once the old connection"
        + " closes, without a storm; attempts stay within `twitter.v2.connects.per.15.minutes`")
@Outcome(fault = Fault.NO_RULES, value = "the task fails at once, saying the connector's rules were deleted and to"
        + " restart the connector, which puts them back; no reconnect loop")
class V2StreamFaultsIT extends StreamFaultScenarios {

    private static final Duration NETWORK_STEP = Duration.ofMillis(200);
    private static final Duration HTTP_STEP = Duration.ofMillis(200);

    V2StreamFaultsIT() {
        super(StreamApi.V2);
    }

    /**
     * Two connections: the broken one and its replacement. The simulator, as X, notices a client that
     * left only when it next writes to it, and counts it against the limit until then.
     */
    @Override
    protected SimulatorSettings.Builder simulatorFor(SimulatorSettings.Builder settings) {
        return settings.v2MaxConnections(2);
    }

    @Override
    protected void configFor(Map<String, String> props) {
        props.put(TwitterSourceConfig.V2_NETWORK_BACKOFF_MS, Long.toString(NETWORK_STEP.toMillis()));
        props.put(TwitterSourceConfig.V2_HTTP_BACKOFF_MS, Long.toString(HTTP_STEP.toMillis()));
        props.put(TwitterSourceConfig.V2_RATE_LIMIT_BACKOFF_MS, "100");
    }

    @Override
    @Outcome(fault = Fault.CONNECTION_LOST, value = "reconnects after the network step (250 ms, linear); the gap is"
            + " refilled (Enterprise backfill: what was missed is resent and the overlap dropped by id, no tweet lost or"
            + " written twice; otherwise recent search, see \"What a restart can and cannot recover\")")
    protected Duration networkReconnectStep() {
        return NETWORK_STEP;
    }

    @Override
    @Outcome(fault = Fault.STALL, value = "the same, by the connector's watchdog; counted in `stalls-total`")
    protected long stallsCountedForOneStall() {
        return 1;
    }

    @Override
    @Outcome(fault = Fault.AUTH_REFUSED, value = "the same; also 400 and 404 (check the base URL)")
    protected String whatToCheckAfter(int status) {
        return switch (status) {
            case 401 -> "check " + TwitterSourceConfig.V2_BEARER_TOKEN;
            case 403 -> "the app's project has no access to it";
            case 400, 404 -> "check " + TwitterSourceConfig.V2_BASE_URL;
            default -> throw new IllegalArgumentException("HTTP " + status + " does not fail a v2 task");
        };
    }

    @Override
    @Outcome(fault = Fault.HTTP_429, value = "waits until `x-rate-limit-reset`, at least 1 minute, doubling")
    protected void assertWaitAfterRateLimit(Duration waited) {
        // x-rate-limit-reset is in whole seconds: at least 1 s of the 2 remain when it is read; the
        // configured step (100 ms) is far shorter.
        assertThat(waited).isBetween(Duration.ofSeconds(1), Duration.ofMillis(3_500));
    }

    @Override
    protected int serverErrorsInARow() {
        return 3;
    }

    @Override
    @Outcome(fault = Fault.SERVER_ERROR, value = "waits 5 s and doubles, up to 320 s")
    protected void assertWaitsAfterServerErrors(List<Duration> waits) {
        assertThat(waits).hasSize(3);
        for (int i = 0; i < waits.size(); i++) {
            Duration step = HTTP_STEP.multipliedBy(1L << i);
            assertThat(waits.get(i)).as("wait %d, the step doubled %d times", i + 1, i)
                    .isBetween(step, step.plusSeconds(1));
        }
    }

    @Override
    @Outcome(fault = Fault.UNREADABLE_LINE, value = "skipped and counted")
    protected long skippedCountedForAnUnknownMessage() {
        return 1;
    }

    @Override
    protected long skippedCountedForAHugeLine() {
        return 1;
    }

    @Override
    @Outcome(fault = Fault.INVALID_UTF8, value = "skipped and counted")
    protected InvalidUtf8Handling invalidUtf8Handling() {
        return InvalidUtf8Handling.SKIPPED;
    }

    @Override
    @Outcome(fault = Fault.DEEP_NESTING, value = "refused by Jackson's nesting limit: skipped and counted")
    protected long connectionsAfterDeepNesting() {
        return 1;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ConnectionLoss.class)
    @Covers(Fault.CONNECTION_LOST)
    void aLostConnectionIsBackfilledWithoutLosingOrDuplicatingATweet(ConnectionLoss loss) {
        PolledTask task = streamingTask(settings -> settings.tweetsPerSecond(100),
                Map.of(TwitterSourceConfig.V2_TIER, "enterprise", TwitterSourceConfig.V2_BACKFILL_MINUTES, "1"));
        task.pollUntilWritten(30);

        assertThat(loss.inflictOn(simulator())).isEqualTo(1);
        task.pollUntil(() -> task.count(StreamCounter.CONNECTS) >= 2 && task.written().size() >= 60);

        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 200);
        assertEverySentTweetWrittenOnce(task);
        assertThat(task.count(StreamCounter.DUPLICATES)).as("the backfill resent what was already written").isPositive();
    }

    @Test
    @Covers(Fault.HUGE_LINE)
    @Outcome(fault = Fault.HUGE_LINE, value = "skipped while it is read: lines over 1 MiB are never held in memory")
    void hugeLinesAreSkippedWithoutBeingHeldInMemory() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);
        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("tweetstream-task-") && !t.getName().endsWith("-watchdog"))
                .findFirst().orElseThrow();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getThreadAllocatedBytes(reader.getId());

        for (int i = 0; i < 20; i++) {
            simulator().injectLine(BadLine.hugeLine());
        }
        task.pollUntil(() -> task.count(StreamCounter.SKIPPED_MESSAGES) >= 20);

        // 200 MiB went through the reader; keeping a line would take 10 MiB (20 as a String) each.
        long allocated = threads.getThreadAllocatedBytes(reader.getId()) - allocatedBefore;
        assertThat(allocated).isLessThan(40L * 1024 * 1024);
        assertThat(task.count(StreamCounter.CONNECTS)).isEqualTo(1);
        assertNoTweetWrittenTwice(task);
    }

    @Test
    @Covers(Fault.AUTH_REFUSED)
    void aBadRequestOnReconnectFailsTheTaskSayingToCheckTheBaseUrl() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        api.rejectNextConnections(simulator(), 1, 400, Duration.ZERO);
        simulator().dropStreams();

        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining(whatToCheckAfter(400)));
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 400);
    }

    @Test
    @Covers(Fault.AUTH_REFUSED)
    void aWrongBaseUrlFailsTheConnectorAndTheTaskInsteadOfRetrying() {
        startSimulator(settings -> settings);
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.V2_BASE_URL, simulator().v2BaseUrl() + "not-the-api/");

        assertThatThrownBy(() -> simulation.tasks().startConnector(props, 1))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 404");
        PolledTask task = simulation.tasks().start(props);
        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(whatToCheckAfter(404)));
    }

    @Test
    @Covers(Fault.OPERATIONAL_DISCONNECT)
    @Outcome(fault = Fault.OPERATIONAL_DISCONNECT,
            value = "counted in `stream-errors-total`; reconnects after the network step")
    void anOperationalDisconnectIsCountedAndReconnectedAfterTheNetworkStep() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        assertThat(simulator().operationalDisconnectV2Streams()).isEqualTo(1);
        task.pollUntil(() -> task.count(StreamCounter.CONNECTS) >= 2);
        task.pollUntilMoreWritten(5);

        AppliedFault disconnect = simulator().appliedFaults().get(0);
        assertThat(disconnect.type()).isEqualTo(AppliedFault.Type.OPERATIONAL_DISCONNECT);
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 200);
        assertThat(between(disconnect.at(), attempts().get(1))).isGreaterThanOrEqualTo(NETWORK_STEP.minusMillis(50));
        assertThat(task.count(StreamCounter.STREAM_ERRORS)).isEqualTo(1);
        assertThat(task.count(StreamCounter.CONNECTS)).isEqualTo(2);
        assertNoTweetWrittenTwice(task);
    }

    @Test
    @Covers(Fault.TOO_MANY_CONNECTIONS)
    void aNewTaskBesideTheOldConnectionWaitsItOutInsteadOfStorming() {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.PAY_PER_USE).tweetsPerSecond(20)
                .keepAliveInterval(Duration.ofMillis(200)));
        Map<String, String> props = config("kafka,flink");
        props.put(TwitterSourceConfig.V2_RATE_LIMIT_BACKOFF_MS, "2000");
        PolledTask old = startTask(props);
        old.pollUntilWritten(5);

        // A rebalance starts the new task before the old one has let go of X's one connection.
        PolledTask replacement = simulation.tasks().start(props);
        await429();
        old.stop();
        replacement.pollUntilWritten(5);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).filteredOn(a -> a.httpStatus() == 429).hasSizeBetween(1, 3);
        assertThat(attempts).hasSizeLessThanOrEqualTo(50);
        assertThat(simulator().connections().stream().filter(c -> !c.recovery()).toList())
                .as("never two connections of the app open at once").hasSize(2)
                .satisfies(both -> assertThat(both.get(0).closedAt()).isBeforeOrEqualTo(both.get(1).openedAt()));
    }

    private void await429() {
        org.awaitility.Awaitility.await().atMost(DEADLINE)
                .until(() -> attempts().stream().anyMatch(a -> a.httpStatus() == 429));
    }

    @Test
    @Covers(Fault.NO_RULES)
    void anAppWithoutRulesFailsTheTaskSayingSoInsteadOfReconnecting() throws Exception {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.PAY_PER_USE).keepAliveInterval(Duration.ofMillis(200)));
        Map<String, String> props = config("kafka,flink");
        List<Map<String, String>> taskConfigs = simulation.tasks().startConnectorOnly(props, 1);
        deleteAllRules();

        PolledTask task = simulation.tasks().start(taskConfigs.get(0));

        assertThatThrownBy(() -> task.pollUntil(() -> false)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 409").hasMessageContaining("no filtered-stream rules")
                .hasMessageContaining("Restart the connector");
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(409);
    }

    private void deleteAllRules() throws Exception {
        String ids = simulator().rules().stream().map(rule -> '"' + rule.id() + '"').collect(Collectors.joining(","));
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator().v2BaseUrl() + "2/tweets/search/stream/rules"))
                .header("Authorization", "Bearer " + io.tweetstream.connect.TestConfigs.BEARER_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"delete\":{\"ids\":[" + ids + "]}}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(simulator().rules()).isEmpty();
    }
}
