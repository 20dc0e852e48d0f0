package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.TestConfigs;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.source.TaskPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class V2FilteredAdapterTest {

    private static TaskPlan plan(boolean redundant, int maxTasks) {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,flink,spark,beam");
        props.put(TwitterSourceConfig.V2_REDUNDANT_CONNECTION, Boolean.toString(redundant));
        return new V2FilteredAdapter().plan(new TwitterSourceConfig(props), "tweets", maxTasks);
    }

    @Test
    void eachTaskHoldsOneOfTheTiersConnections() {
        TaskPlan plan = plan(false, 4);

        assertThat(plan.taskCount()).isEqualTo(2);
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void aTaskWithARedundantConnectionHoldsTwoSoEnterprisesTwoMakeOneTask() {
        TaskPlan plan = plan(true, 4);

        assertThat(plan.taskCount()).isEqualTo(1);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.fewerTasksReason()).contains("two filtered-stream connections (twitter.v2.redundant.connection)",
                "the X API tier allows 2");
    }
}
