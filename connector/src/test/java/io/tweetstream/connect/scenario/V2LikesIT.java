package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.record.LikeSchema;
import io.tweetstream.connect.record.TweetRecords;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.MadeLike;
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
 * X's likes streams read by tasks over HTTP from the simulator: the likes firehose's 20 partitions over 4 tasks write
 * every Like made while they read, once, as Like records keyed by the Like's id; the likes sample10's 2 partitions
 * only Likes of the sample; a restart refills the Likes made while the task was stopped.
 */
class V2LikesIT extends ScenarioSuite {

    V2LikesIT() {
        super(StreamApi.V2);
    }

    private void startSimulator() {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.ENTERPRISE).firehoseTweetsPerSecond(100)
                .likesPerSecond(200).noAutomaticCompliance());
    }

    private Map<String, String> configOf(String stream) {
        Map<String, String> props = config("likes");
        props.remove(TwitterSourceConfig.TRACK_KEYWORDS);
        props.put(TwitterSourceConfig.V2_STREAM, stream);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        props.put("name", stream);
        return props;
    }

    private void awaitConnections(StreamEndpoint endpoint, int open) {
        await().atMost(DEADLINE).until(() -> simulator().connections().stream().filter(ConnectionInfo::open)
                .filter(c -> c.endpoint() == endpoint).count() == open);
    }

    private static List<String> writtenBy(List<PolledTask> tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(task -> task.written().forEach(r -> ids.add((String) r.key())));
        return ids;
    }

    private Set<String> made(Instant from, Instant until) {
        return simulator().madeLikes().stream()
                .filter(like -> !like.likedAt().isBefore(from) && like.likedAt().isBefore(until))
                .map(MadeLike::id).collect(Collectors.toSet());
    }

    private static void pollAll(List<PolledTask> tasks) {
        tasks.forEach(task -> task.pollUntil(() -> true));
    }

    @Test
    void fourTasksShareTheLikesFirehoseAndWriteEachLikeOnce() {
        startSimulator();
        List<PolledTask> tasks = simulation.tasks().startConnector(configOf(TwitterSourceConfig.V2_STREAM_LIKES_FIREHOSE), 4);
        assertThat(tasks).hasSize(4);
        awaitConnections(StreamEndpoint.V2_LIKES_FIREHOSE, 20);
        // The Likes made from a second after every connection opened until a second before the check are due.
        Instant from = Instant.now().plusSeconds(1);
        await().atMost(DEADLINE).until(() -> {
            pollAll(tasks);
            return made(from, Instant.now().minusSeconds(1)).size() >= 200;
        });
        Set<String> due = made(from, Instant.now().minusSeconds(1));

        await().atMost(DEADLINE).until(() -> {
            pollAll(tasks);
            return writtenBy(tasks).containsAll(due);
        });

        List<String> written = writtenBy(tasks);
        assertThat(written).as("each Like once, on one task").doesNotHaveDuplicates();
        Map<String, MadeLike> made = simulator().madeLikes().stream()
                .collect(Collectors.toMap(MadeLike::id, like -> like));
        SourceRecord record = tasks.get(0).written().get(0);
        MadeLike like = made.get((String) record.key());
        Struct value = (Struct) record.value();
        assertThat(value.getInt64(LikeSchema.LIKED_TWEET_ID)).isEqualTo(like.likedTweetId());
        assertThat(value.getInt64(LikeSchema.LIKED_TWEET_AUTHOR_ID)).isEqualTo(like.likedTweetAuthorId());
        assertThat(record.timestamp()).isEqualTo(like.likedAt().toEpochMilli());
        tasks.forEach(task -> assertThat(task.written()).allSatisfy(r -> assertThat(
                (String) r.sourcePartition().get(TweetRecords.PARTITION_FILTER)).isEqualTo(
                "api=v2 stream=likes-firehose partition=" + made.get((String) r.key()).firehosePartition())));
        assertThat(tasks.stream().mapToLong(task -> task.count(StreamCounter.LIKES_RECEIVED)).sum())
                .isGreaterThanOrEqualTo(written.size());
    }

    @Test
    void theLikesSampleCarriesOnlyLikesOfTheSample() {
        startSimulator();
        List<PolledTask> tasks = simulation.tasks().startConnector(configOf(TwitterSourceConfig.V2_STREAM_LIKES_SAMPLE10), 4);
        assertThat(tasks).as("one task per partition").hasSize(2);
        awaitConnections(StreamEndpoint.V2_LIKES_SAMPLE10, 2);
        await().atMost(DEADLINE).until(() -> {
            pollAll(tasks);
            return writtenBy(tasks).size() >= 40;
        });
        Map<String, MadeLike> made = simulator().madeLikes().stream()
                .collect(Collectors.toMap(MadeLike::id, like -> like));
        assertThat(writtenBy(tasks)).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(made.get(id).sample10Partition()).isPositive());
    }

    @Test
    void aRestartRefillsTheLikesMadeWhileTheTaskWasStopped() {
        startSimulator(settings -> settings.tier(SimulatorSettings.Tier.ENTERPRISE).firehoseTweetsPerSecond(100)
                .likesPerSecond(0).noAutomaticCompliance());
        Map<String, String> props = configOf(TwitterSourceConfig.V2_STREAM_LIKES_FIREHOSE);
        props.put(TwitterSourceConfig.V2_PARTITIONS, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20");
        PolledTask task = simulation.tasks().startConnector(props, 1).get(0);
        awaitConnections(StreamEndpoint.V2_LIKES_FIREHOSE, 20);
        // A likes connection starts the simulator's firehose, whose Posts are the ones liked.
        await().atMost(DEADLINE).until(() -> !simulator().madeFirehoseTweets().isEmpty());
        long post = simulator().madeFirehoseTweets().get(0).id();
        MadeLike first = simulator().like(post);
        task.pollUntil(() -> task.written().stream().anyMatch(r -> r.key().equals(first.id())));
        @SuppressWarnings("unchecked")
        Map<String, Object> offset = (Map<String, Object>) task.written().get(0).sourceOffset();
        task.stop();
        awaitConnections(StreamEndpoint.V2_LIKES_FIREHOSE, 0);

        MadeLike whileStopped = simulator().like(post);
        simulation.tasks().storeOffset(offset);
        PolledTask restarted = simulation.tasks().startConnector(props, 1).get(0);

        restarted.pollUntil(() -> restarted.written().stream().anyMatch(r -> r.key().equals(whileStopped.id())));
        assertThat(restarted.written()).extracting(SourceRecord::key).doesNotHaveDuplicates();
    }
}
