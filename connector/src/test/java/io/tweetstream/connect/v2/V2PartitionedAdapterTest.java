package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.TestConfigs;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.TwitterSourceTaskConfig;
import io.tweetstream.connect.source.TaskPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the partitions of the firehose and sample10 are spread over the tasks, and what the plan refuses. */
class V2PartitionedAdapterTest {

    private static Map<String, String> firehose() {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");
        props.remove(TwitterSourceConfig.TRACK_KEYWORDS);
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_FIREHOSE);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        return props;
    }

    private static TaskPlan plan(Map<String, String> props, PartitionedStream stream, int maxTasks) {
        return new V2PartitionedAdapter(stream).plan(new TwitterSourceConfig(props), "tweets", maxTasks);
    }

    private static List<List<Integer>> partitionsOfEachTask(TaskPlan plan, Map<String, String> props) {
        return plan.taskConfigs(props).stream().map(TwitterSourceTaskConfig::new)
                .map(TwitterSourceConfig::v2Partitions).toList();
    }

    @Test
    void twentyPartitionsOverFourTasksInTurn() {
        Map<String, String> props = firehose();
        TaskPlan plan = plan(props, PartitionedStream.FIREHOSE, 4);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.fewerTasksReason()).isNull();
        assertThat(partitionsOfEachTask(plan, props)).containsExactly(
                List.of(1, 5, 9, 13, 17), List.of(2, 6, 10, 14, 18), List.of(3, 7, 11, 15, 19),
                List.of(4, 8, 12, 16, 20));
    }

    @Test
    void loadsDifferByAtMostOneAndTheSameConfigGivesTheSameTasks() {
        List<Integer> all = java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList();
        for (int tasks = 1; tasks <= 25; tasks++) {
            List<List<Integer>> assignment = V2PartitionedAdapter.assign(all, tasks);
            assertThat(assignment).hasSize(Math.min(tasks, 20));
            assertThat(assignment.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(all);
            int most = assignment.stream().mapToInt(List::size).max().orElseThrow();
            int fewest = assignment.stream().mapToInt(List::size).min().orElseThrow();
            assertThat(most - fewest).as("%d tasks", tasks).isLessThanOrEqualTo(1);
            assertThat(V2PartitionedAdapter.assign(all, tasks)).isEqualTo(assignment);
        }
    }

    @Test
    void theUserComplianceStreamNeedsAComplianceTopic() {
        Map<String, String> props = firehose();
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_USER_COMPLIANCE);

        assertThat(plan(props, PartitionedStream.USER_COMPLIANCE, 4).problems().get(TwitterSourceConfig.COMPLIANCE_TOPIC))
                .contains("Required when twitter.v2.stream is 'user-compliance'").contains("name no record");
        props.put(TwitterSourceConfig.COMPLIANCE_TOPIC, "notices");
        TaskPlan plan = plan(props, PartitionedStream.USER_COMPLIANCE, 4);
        assertThat(plan.problems()).isEmpty();
        assertThat(partitionsOfEachTask(plan, props)).containsExactly(List.of(1), List.of(2), List.of(3), List.of(4));
    }

    @Test
    void theLikesComplianceStreamIsOneConnectionOfOneTaskAndNeedsAComplianceTopic() {
        Map<String, String> props = firehose();
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_LIKES_COMPLIANCE);

        assertThat(plan(props, PartitionedStream.LIKES_COMPLIANCE, 3).problems().get(TwitterSourceConfig.COMPLIANCE_TOPIC))
                .contains("Required when twitter.v2.stream is 'likes-compliance'");
        props.put(TwitterSourceConfig.COMPLIANCE_TOPIC, "notices");
        TaskPlan plan = plan(props, PartitionedStream.LIKES_COMPLIANCE, 3);
        assertThat(plan.problems()).isEmpty();
        assertThat(partitionsOfEachTask(plan, props)).containsExactly(List.of(1));
        props.put(TwitterSourceConfig.V2_PARTITIONS, "2");
        assertThat(plan(props, PartitionedStream.LIKES_COMPLIANCE, 1).problems().get(TwitterSourceConfig.V2_PARTITIONS))
                .isEqualTo("the likes compliance stream is not split: its one partition is 1, not 2");
    }

    @Test
    void aStreamXDoesNotSplitIsRequestedWithoutAPartition() {
        V2Endpoint likesCompliance = V2Endpoint.partition(PartitionedStream.LIKES_COMPLIANCE, 1);
        assertThat(likesCompliance.pathAndQuery()).isEqualTo("2/likes/compliance/stream");
        assertThat(likesCompliance.pathAndQuery("backfill_minutes=2")).isEqualTo("2/likes/compliance/stream?backfill_minutes=2");
        assertThat(likesCompliance.name()).isEqualTo("the likes compliance stream");
        V2Endpoint userCompliance = V2Endpoint.partition(PartitionedStream.USER_COMPLIANCE, 3);
        assertThat(userCompliance.pathAndQuery("backfill_minutes=2"))
                .isEqualTo("2/users/compliance/stream?partition=3&backfill_minutes=2");
    }

    @Test
    void chosenPartitionsOnlyAndNoMoreTasksThanPartitions() {
        Map<String, String> props = firehose();
        props.put(TwitterSourceConfig.V2_PARTITIONS, "7,3,12");
        TaskPlan plan = plan(props, PartitionedStream.FIREHOSE, 8);

        assertThat(partitionsOfEachTask(plan, props)).containsExactly(List.of(3), List.of(7), List.of(12));
        assertThat(plan.fewerTasksReason()).contains("only 3 partitions");
    }

    @Test
    void theEnglishFirehoseHasEightPartitionsAndTheOtherLanguagesTwo() {
        Map<String, String> props = firehose();
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_FIREHOSE_EN);
        TaskPlan english = plan(props, PartitionedStream.FIREHOSE_EN, 3);
        assertThat(english.problems()).isEmpty();
        assertThat(partitionsOfEachTask(english, props)).containsExactly(List.of(1, 4, 7), List.of(2, 5, 8), List.of(3, 6));

        props.put(TwitterSourceConfig.V2_PARTITIONS, "8,9");
        assertThat(plan(props, PartitionedStream.FIREHOSE_EN, 3).problems().get(TwitterSourceConfig.V2_PARTITIONS))
                .contains("the English firehose has partitions 1 to 8, not 9");

        props.remove(TwitterSourceConfig.V2_PARTITIONS);
        for (PartitionedStream language : List.of(PartitionedStream.FIREHOSE_JA, PartitionedStream.FIREHOSE_KO,
                PartitionedStream.FIREHOSE_PT)) {
            props.put(TwitterSourceConfig.V2_STREAM, language.configValue());
            assertThat(partitionsOfEachTask(plan(props, language, 4), props)).as(language.description())
                    .containsExactly(List.of(1), List.of(2));
            assertThat(V2PartitionedAdapter.sourcePartition(language, 2))
                    .isEqualTo("api=v2 stream=" + language.configValue() + " partition=2");
        }
        assertThat(V2Endpoint.partition(PartitionedStream.FIREHOSE_JA, 2).pathAndPartition())
                .isEqualTo("2/tweets/firehose/stream/lang/ja?partition=2");
    }

    @Test
    void sample10HasTwoPartitions() {
        Map<String, String> props = firehose();
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_SAMPLE10);
        assertThat(partitionsOfEachTask(plan(props, PartitionedStream.SAMPLE10, 4), props))
                .containsExactly(List.of(1), List.of(2));

        props.put(TwitterSourceConfig.V2_PARTITIONS, "2,3");
        assertThat(plan(props, PartitionedStream.SAMPLE10, 4).problems())
                .containsOnlyKeys(TwitterSourceConfig.V2_PARTITIONS)
                .hasEntrySatisfying(TwitterSourceConfig.V2_PARTITIONS,
                        problem -> assertThat(problem).contains("partitions 1 to 2, not 3"));
    }

    @Test
    void enterpriseOnlyAndNoFilter() {
        Map<String, String> props = firehose();
        props.put(TwitterSourceConfig.V2_TIER, "pay-per-use");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka");

        Map<String, String> problems = plan(props, PartitionedStream.FIREHOSE, 4).problems();

        assertThat(problems).containsKeys(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.TRACK_KEYWORDS);
        assertThat(problems.get(TwitterSourceConfig.V2_STREAM)).contains("firehose stream needs Enterprise access");
        assertThat(problems.get(TwitterSourceConfig.TRACK_KEYWORDS)).contains("The firehose takes no filter");
    }

    @Test
    void eachPartitionKeepsOffsetsOfItsOwn() {
        assertThat(V2PartitionedAdapter.sourcePartition(PartitionedStream.FIREHOSE, 7))
                .isEqualTo("api=v2 stream=firehose partition=7");
        assertThat(V2Endpoint.partition(PartitionedStream.FIREHOSE, 7).pathAndQuery())
                .startsWith("2/tweets/firehose/stream?partition=7&tweet.fields=");
    }
}
