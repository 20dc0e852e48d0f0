package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.v2.StreamMessage.MatchingRule;
import io.tweetstream.connect.v2.TaskShare.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskShareTest {

    private static MatchingRule rule(String connector, int task, String keyword) {
        return new MatchingRule("1", new RuleTag(connector, task, keyword).format());
    }

    @Test
    void aTweetOfOneTasksRuleIsThatTasks() {
        List<MatchingRule> rules = List.of(rule("tweets", 1, "flink"));

        assertThat(new TaskShare("tweets", 1, 3).judge(rules)).isEqualTo(new Verdict.Write(List.of("flink")));
        assertThat(new TaskShare("tweets", 0, 3).judge(rules)).isEqualTo(new Verdict.OtherTask(1));
    }

    @Test
    void aTweetOfSeveralTasksRulesIsTheLowestTasksWithEveryKeyword() {
        List<MatchingRule> rules = List.of(rule("tweets", 2, "spark"), rule("tweets", 1, "flink"),
                rule("tweets", 2, "spark"), rule("tweets", 0, ""));

        assertThat(new TaskShare("tweets", 0, 3).judge(rules)).isEqualTo(new Verdict.Write(List.of("spark", "flink")));
        assertThat(new TaskShare("tweets", 1, 3).judge(rules)).isEqualTo(new Verdict.OtherTask(0));
    }

    @Test
    void rulesOfOtherUsersAndConnectorsAreIgnored() {
        List<MatchingRule> rules = List.of(new MatchingRule("9", "cats with media"), rule("other", 0, "kafka"),
                rule("tweets", 1, "flink"));

        assertThat(new TaskShare("tweets", 1, 2).judge(rules)).isEqualTo(new Verdict.Write(List.of("flink")));
        assertThat(new TaskShare("tweets", 0, 2).judge(List.of(new MatchingRule("9", null), rule("other", 0, "kafka"))))
                .isEqualTo(new Verdict.NotOurs());
    }

    @Test
    void aRuleOfATaskThatNoLongerRunsStillHasOneWriter() {
        List<MatchingRule> rules = List.of(rule("tweets", 4, "old"));

        assertThat(new TaskShare("tweets", 0, 2).judge(rules)).isEqualTo(new Verdict.Write(List.of("old")));
        assertThat(new TaskShare("tweets", 1, 2).judge(rules)).isEqualTo(new Verdict.OtherTask(0));
    }
}
