package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.record.TweetRecords;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.PartitionedTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * A language firehose ({@code GET /2/tweets/firehose/stream/lang/ja}, 2 partitions) read by two tasks over
 * HTTP from the simulator: each task holds one partition, and together they write every Japanese Post the
 * firehose made, once, and nothing else.
 */
class V2LanguageFirehoseIT extends ScenarioSuite {

    V2LanguageFirehoseIT() {
        super(StreamApi.V2);
    }

    @Test
    void twoTasksShareTheJapaneseFirehosesPartitionsAndWriteEachOfItsPostsOnce() {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.ENTERPRISE).firehoseTweetsPerSecond(300)
                .noAutomaticCompliance());
        Map<String, String> props = config("unused");
        props.remove(TwitterSourceConfig.TRACK_KEYWORDS);
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_FIREHOSE_JA);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        List<PolledTask> tasks = simulation.tasks().startConnector(props, 4);
        assertThat(tasks).as("one task per partition").hasSize(2);
        await().atMost(DEADLINE).until(() -> simulator().connections().stream().filter(ConnectionInfo::open)
                .filter(c -> c.endpoint() == StreamEndpoint.V2_FIREHOSE_JA).count() == 2);
        Instant from = simulator().connections().get(1).openedAt().plusSeconds(1);
        tasks.forEach(task -> task.pollUntilMoreWritten(80));
        Instant until = Instant.now().minusSeconds(1);
        Set<Long> due = simulator().madeLanguageFirehoseTweets(StreamEndpoint.V2_FIREHOSE_JA).stream()
                .filter(t -> !t.createdAt().isBefore(from) && t.createdAt().isBefore(until))
                .map(PartitionedTweet::id).collect(Collectors.toSet());
        assertThat(due).hasSizeGreaterThan(20);

        tasks.forEach(task -> task.pollUntil(() -> writtenBy(tasks).containsAll(due)));

        List<Long> written = writtenBy(tasks);
        assertThat(written).as("each Post once, on one task").doesNotHaveDuplicates();
        Set<Long> japanese = simulator().madeLanguageFirehoseTweets(StreamEndpoint.V2_FIREHOSE_JA).stream()
                .map(PartitionedTweet::id).collect(Collectors.toSet());
        assertThat(written).as("only the Japanese Posts").allSatisfy(id -> assertThat(japanese).contains(id));
        assertThat(tasks.get(0).written()).extracting(r -> ((Struct) r.value()).getString("lang")).containsOnly("ja");
        assertThat(tasks.stream().map(task -> (String) task.written().get(0).sourcePartition().get(TweetRecords.PARTITION_FILTER))).containsExactly(
                "api=v2 stream=firehose-ja partition=1", "api=v2 stream=firehose-ja partition=2");
    }

    private static List<Long> writtenBy(List<PolledTask> tasks) {
        List<Long> ids = new ArrayList<>();
        tasks.forEach(task -> ids.addAll(keys(task.written())));
        return ids;
    }
}
