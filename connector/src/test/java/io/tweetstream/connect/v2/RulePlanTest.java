package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.BoundingBox;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulePlanTest {

    @Test
    void onePhraseOneRuleTaggedWithItsTask() {
        RulePlan plan = RulePlan.of("tweets", List.of(List.of("kafka", "apache spark"), List.of("flink")),
                List.of(), List.of(), List.of("en"), 1000, 1024);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.rules()).containsExactly(
                StreamRule.of("kafka lang:en", "tweetstream:tweets:0:kafka"),
                StreamRule.of("apache spark lang:en", "tweetstream:tweets:0:apache+spark"),
                StreamRule.of("flink lang:en", "tweetstream:tweets:1:flink"));
    }

    @Test
    void followedUsersAndLocationsBelongToTheFirstTask() {
        RulePlan plan = RulePlan.of("tweets", List.of(List.of("kafka"), List.of("flink")), List.of(12L, 13L),
                List.of(new BoundingBox(-1, -1, 1, 1)), List.of(), 1000, 1024);

        assertThat(plan.rules()).extracting(StreamRule::value)
                .containsExactly("kafka", "flink", "from:12 OR from:13", "bounding_box:[-1.0 -1.0 1.0 1.0]");
        assertThat(plan.rules().subList(2, 4)).extracting(StreamRule::tag).containsOnly("tweetstream:tweets:0:");
    }

    @Test
    void tooManyRulesForTheTierIsAProblem() {
        RulePlan plan = RulePlan.of("tweets", List.of(List.of("a", "b", "c")), List.of(7L), List.of(), List.of(), 3, 1024);

        assertThat(plan.problems().get(TwitterSourceConfig.TRACK_KEYWORDS))
                .contains("needs 4 rules", "tier allows 3", TwitterSourceConfig.V2_MAX_RULES);
    }

    @Test
    void rulesTooLongForTheTierNameTheirPhrases() {
        RulePlan plan = RulePlan.of("tweets", List.of(List.of("kafka", "stream processing")), List.of(), List.of(),
                List.of("en", "de"), 1000, 30);

        assertThat(plan.problems().get(TwitterSourceConfig.TRACK_KEYWORDS))
                .contains("longer than the 30 characters", "[stream processing]");
    }
}
