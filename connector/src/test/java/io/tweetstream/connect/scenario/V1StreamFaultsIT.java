package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.simulator.BadLine;
import io.tweetstream.simulator.ConnectionAttempt;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/**
 * The fault scenarios on Twitter's v1.1 stream through Twitter4j 4.0.7, which reconnects by its own
 * backoff, whatever Twitter advised: after a network error 250 ms, doubling up to 16 s; after any
 * HTTP error (420 and 429 included) 10 s, doubling up to 240 s. Only the first step of each is
 * waited for here.
 */
@Outcome(fault = Fault.TOO_MANY_CONNECTIONS, value = "(v1.1 answers 420 instead)", applies = false)
@Outcome(fault = Fault.NO_RULES, value = "(v1.1 has no rules)", applies = false)
class V1StreamFaultsIT extends StreamFaultScenarios {

    /** Twitter4j's {@code HTTP_ERROR_INITIAL_WAIT}; Twitter advised 5 s (and 60 s after a 420). */
    private static final Duration TWITTER4J_HTTP_ERROR_WAIT = Duration.ofSeconds(10);

    V1StreamFaultsIT() {
        super(StreamApi.V1_1);
    }

    @Override
    @Outcome(fault = Fault.CONNECTION_LOST, value = "reconnects (Twitter4j: 250 ms, doubling up to 16 s)")
    protected Duration networkReconnectStep() {
        return Duration.ofMillis(250);
    }

    /** Twitter4j's own read timeout ends the stream, which it takes for any network error. */
    @Override
    @Outcome(fault = Fault.STALL, value = "replaced after `twitter.stream.read.timeout.ms`")
    protected long stallsCountedForOneStall() {
        return 0;
    }

    @Override
    @Outcome(fault = Fault.AUTH_REFUSED,
            value = "the task fails, saying which credentials to check; also 406 (check the filter)")
    protected String whatToCheckAfter(int status) {
        return switch (status) {
            case 401 -> "check the consumer key and secret and the access token and secret";
            case 403 -> "the account or app has no access to this endpoint";
            case 406 -> "check the track keywords, follow user ids and locations";
            default -> throw new IllegalArgumentException("HTTP " + status + " does not fail a v1.1 task");
        };
    }

    @Override
    @Outcome(fault = Fault.HTTP_429, value = "Twitter4j treats it as any HTTP error: 10 s, doubling")
    protected void assertWaitAfterRateLimit(Duration waited) {
        assertThat(waited).as("Twitter4j ignores x-rate-limit-reset").isGreaterThanOrEqualTo(almost(TWITTER4J_HTTP_ERROR_WAIT));
    }

    @Override
    protected int serverErrorsInARow() {
        return 1;
    }

    @Override
    @Outcome(fault = Fault.SERVER_ERROR, value = "Twitter4j waits 10 s and doubles, up to 240 s")
    protected void assertWaitsAfterServerErrors(List<Duration> waits) {
        assertThat(waits).singleElement().as("Twitter4j's wait after an HTTP error")
                .satisfies(wait -> assertThat(wait).isGreaterThanOrEqualTo(almost(TWITTER4J_HTTP_ERROR_WAIT)));
    }

    /**
     * Twitter4j drops a message of a type it does not know without telling its listeners; the
     * connector sees the line itself and counts it when the next one comes.
     */
    @Override
    @Outcome(fault = Fault.UNREADABLE_LINE, value = "skipped and counted (a type Twitter4j does not know: by the"
            + " connector, which sees every line)")
    protected long skippedCountedForAnUnknownMessage() {
        return 1;
    }

    /** The 10 MiB line is valid JSON of no type Twitter4j knows: skipped and counted as an unknown message. */
    @Override
    @Outcome(fault = Fault.HUGE_LINE, value = "read whole by Twitter4j (held once, briefly), then skipped and counted")
    protected long skippedCountedForAHugeLine() {
        return 1;
    }

    @Test
    @Covers(Fault.OPERATIONAL_DISCONNECT)
    @Outcome(fault = Fault.OPERATIONAL_DISCONNECT,
            value = "Twitter's `disconnect` message is logged and counted in `stream-errors-total`; Twitter4j reconnects")
    void aDisconnectMessageIsCountedAndTheStreamReconnects() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        assertThat(simulator().disconnectV1Streams(7)).isEqualTo(1);
        task.pollUntil(() -> task.count(StreamCounter.CONNECTS) >= 2);
        task.pollUntilMoreWritten(5);

        assertThat(task.count(StreamCounter.STREAM_ERRORS)).isEqualTo(1);
        assertThat(task.count(StreamCounter.SKIPPED_MESSAGES)).isZero();
    }

    @Override
    @Outcome(fault = Fault.INVALID_UTF8,
            value = "Twitter4j decodes it as U+FFFD: the tweet is written with replacement characters")
    protected InvalidUtf8Handling invalidUtf8Handling() {
        return InvalidUtf8Handling.WRITTEN_WITH_REPLACEMENT_CHARACTERS;
    }

    @Override
    @Outcome(fault = Fault.DEEP_NESTING, value = "kills Twitter4j's reader: skipped, counted, stream restarted;"
            + " the sixth death in ten minutes fails the task")
    protected long connectionsAfterDeepNesting() {
        return 2;
    }

    /** Twitter4j sleeps its backoff on its own clock: a little less than the full step may show at the server. */
    private static Duration almost(Duration wait) {
        return wait.minusMillis(500);
    }

    @Test
    @Covers(Fault.HTTP_420)
    @Outcome(fault = Fault.HTTP_420,
            value = "Twitter4j treats it as any HTTP error: 10 s, doubling (Twitter asked for 60 s)")
    void enhanceYourCalmIsRetriedAfterTwitter4jsHttpErrorWait() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        api.rejectNextConnections(simulator(), 1, 420, Duration.ZERO);
        simulator().dropStreams();
        task.pollUntil(() -> task.count(StreamCounter.CONNECTS) >= 2);
        task.pollUntilMoreWritten(5);

        List<ConnectionAttempt> attempts = attempts();
        assertThat(attempts).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 420, 200);
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
                .as("not retried quickly").isGreaterThanOrEqualTo(almost(TWITTER4J_HTTP_ERROR_WAIT));
        assertNoTweetWrittenTwice(task);
    }

    @Test
    @Covers(Fault.AUTH_REFUSED)
    void aRefusedFilterFailsTheTaskSayingToCheckTheFilter() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        api.rejectNextConnections(simulator(), 1, 406, Duration.ZERO);
        simulator().dropStreams();

        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 406")
                .hasMessageContaining(whatToCheckAfter(406)));
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).containsExactly(200, 406);
    }

    @Test
    @Covers(Fault.DEEP_NESTING)
    void aReaderKilledAgainAndAgainFailsTheTaskOnItsSixthDeath() {
        PolledTask task = streamingTask();
        task.pollUntilWritten(5);

        for (int death = 1; death <= 5; death++) {
            long connects = task.count(StreamCounter.CONNECTS);
            simulator().openStreams(api.endpoint()).injectLine(BadLine.deeplyNested());
            task.pollUntil(() -> task.count(StreamCounter.CONNECTS) > connects);
        }
        assertThat(task.count(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(5);
        simulator().openStreams(api.endpoint()).injectLine(BadLine.deeplyNested());

        await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(task::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("died 6 times"));
    }
}
