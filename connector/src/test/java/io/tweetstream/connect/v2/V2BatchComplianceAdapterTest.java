package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.TestConfigs;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.source.TaskPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a batch compliance connector needs, and why it runs one task, on every tier. */
class V2BatchComplianceAdapterTest {

    private static Map<String, String> batchCompliance() {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");
        props.remove(TwitterSourceConfig.TRACK_KEYWORDS);
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_BATCH_COMPLIANCE);
        props.put(TwitterSourceConfig.COMPLIANCE_JOB_BOOTSTRAP_SERVERS, "localhost:9092");
        return props;
    }

    private static TaskPlan plan(Map<String, String> props, int maxTasks) {
        return new V2BatchComplianceAdapter().plan(new TwitterSourceConfig(props), "compliance", maxTasks);
    }

    @Test
    void oneTaskOnPayPerUse() {
        TaskPlan plan = plan(batchCompliance(), 3);

        assertThat(plan.problems()).isEmpty();
        assertThat(new TwitterSourceConfig(batchCompliance()).tierProblems()).isEmpty();
        assertThat(plan.taskCount()).isEqualTo(1);
        assertThat(plan.fewerTasksReason()).contains("one batch compliance job");
    }

    @Test
    void needsTheClusterTombstonesAndNoFilterOrComplianceTopic() {
        Map<String, String> props = batchCompliance();
        props.remove(TwitterSourceConfig.COMPLIANCE_JOB_BOOTSTRAP_SERVERS);
        props.put(TwitterSourceConfig.TOMBSTONES_ON_DELETE, "false");
        props.put(TwitterSourceConfig.COMPLIANCE_TOPIC, "notices");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka");

        assertThat(plan(props, 1).problems()).containsOnlyKeys(TwitterSourceConfig.COMPLIANCE_JOB_BOOTSTRAP_SERVERS,
                TwitterSourceConfig.TOMBSTONES_ON_DELETE, TwitterSourceConfig.COMPLIANCE_TOPIC,
                TwitterSourceConfig.TRACK_KEYWORDS);
        assertThat(plan(props, 1).problems().get(TwitterSourceConfig.COMPLIANCE_JOB_BOOTSTRAP_SERVERS))
                .contains("Required when twitter.v2.stream is 'batch-compliance'");
    }

    @Test
    void consumerSettingsComeFromTheClusterKeyAndThePrefix() {
        Map<String, String> props = batchCompliance();
        props.put("twitter.v2.compliance.job.consumer.security.protocol", "SASL_SSL");

        assertThat(new TwitterSourceConfig(props).complianceJobConsumerConfig())
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("security.protocol", "SASL_SSL");
    }
}
