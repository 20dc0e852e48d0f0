package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every scenario suite shares: the API it runs on (given by the subclass), the test's
 * {@link Simulation}, and ways to start the connector against the simulator and to look at what it
 * wrote.
 */
@ExtendWith(SimulatorExtension.class)
abstract class ScenarioSuite {

    protected static final Duration DEADLINE = Simulation.DEADLINE;

    protected final StreamApi api;
    protected Simulation simulation;

    ScenarioSuite(StreamApi api) {
        this.api = api;
    }

    @BeforeEach
    final void takeSimulation(Simulation simulation) {
        this.simulation = simulation;
    }

    StreamApi api() {
        return api;
    }

    /** Starts the simulator with this API's settings changed by {@code settings}. */
    protected StreamSimulator startSimulator(UnaryOperator<SimulatorSettings.Builder> settings) {
        return simulation.start(settings.apply(api.settings()));
    }

    protected StreamSimulator simulator() {
        return simulation.simulator();
    }

    /** This API's connector config for the simulator, polled briskly, tracking {@code track}. */
    protected Map<String, String> config(String track) {
        Map<String, String> props = new HashMap<>(api.config(simulator()));
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, track);
        props.put(TwitterSourceConfig.POLL_TIMEOUT_MS, "100");
        return props;
    }

    /** Starts the connector with {@code props} and its one task, as a worker with tasks.max=1 would. */
    protected PolledTask startTask(Map<String, String> props) {
        List<PolledTask> tasks = simulation.tasks().startConnector(props, 1);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    protected List<ConnectionAttempt> attempts() {
        return api.attempts(simulator());
    }

    protected static Duration between(Instant from, ConnectionAttempt to) {
        return Duration.between(from, to.at());
    }

    protected Set<Long> sentIds() {
        return simulator().sentTweets().stream().map(SentTweet::id).collect(Collectors.toSet());
    }

    protected static List<Long> keys(List<SourceRecord> records) {
        return records.stream().map(r -> (Long) r.key()).toList();
    }

    protected static void assertNoTweetWrittenTwice(PolledTask task) {
        assertThat(keys(task.written())).as("tweet ids written").doesNotHaveDuplicates();
    }

    /**
     * The tweets the simulator sent, once it has recorded at least {@code count}: it records a tweet
     * just after writing it, so a task may have read one that does not show yet.
     */
    protected List<SentTweet> sentTweets(int count) {
        await().atMost(DEADLINE).until(() -> simulator().sentTweets().size() >= count);
        return simulator().sentTweets();
    }

    /**
     * Every tweet sent so far gets written, none twice, and nothing else but {@code alsoWritten}. (The
     * stream goes on meanwhile; later tweets may be written too.)
     */
    protected void assertEverySentTweetWrittenOnce(PolledTask task, Long... alsoWritten) {
        Set<Long> sentSoFar = sentIds();
        task.pollUntil(() -> keys(task.written()).containsAll(sentSoFar));
        assertNoTweetWrittenTwice(task);
        List<Long> written = keys(task.written());
        await().atMost(DEADLINE).untilAsserted(() -> {
            Set<Long> sent = new HashSet<>(sentIds());
            sent.addAll(List.of(alsoWritten));
            assertThat(sent).as("tweets sent").containsAll(written);
        });
    }
}
