package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.config.BoundingBox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filtered-stream rules a connector needs: one rule per track phrase, tagged with the task that
 * writes its tweets (see {@link RuleTag}), and the followed users and locations packed into rules of
 * the first task. Problems that X would refuse, rules too long or too many, are found here first.
 */
public final class RulePlan {

    private final List<StreamRule> rules;
    private final Map<String, String> problems;

    private RulePlan(List<StreamRule> rules, Map<String, String> problems) {
        this.rules = rules;
        this.problems = problems;
    }

    /**
     * @param keywordGroups the track phrases of each task, task 0 first
     */
    public static RulePlan of(String connector, List<List<String>> keywordGroups, List<Long> followUserIds,
            List<BoundingBox> locations, List<String> languages, int maxRules, int maxRuleLength) {
        List<StreamRule> rules = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        for (int task = 0; task < keywordGroups.size(); task++) {
            for (String phrase : keywordGroups.get(task)) {
                String value = RuleValues.phrase(phrase, languages);
                if (value.length() > maxRuleLength) {
                    tooLong.add(phrase);
                }
                rules.add(StreamRule.of(value, new RuleTag(connector, task, phrase).format()));
            }
        }
        String firstTaskTag = new RuleTag(connector, 0, "").format();
        RuleValues.followed(followUserIds, languages, maxRuleLength)
                .forEach(value -> rules.add(StreamRule.of(value, firstTaskTag)));
        RuleValues.located(locations, languages, maxRuleLength)
                .forEach(value -> rules.add(StreamRule.of(value, firstTaskTag)));

        Map<String, String> problems = new LinkedHashMap<>();
        if (!tooLong.isEmpty()) {
            problems.put(TwitterSourceConfig.TRACK_KEYWORDS, "These phrases make rules longer than the "
                    + maxRuleLength + " characters the X API tier allows (" + TwitterSourceConfig.V2_MAX_RULE_LENGTH
                    + "), languages included: " + tooLong);
        }
        if (rules.size() > maxRules) {
            problems.merge(TwitterSourceConfig.TRACK_KEYWORDS, "The filter needs " + rules.size()
                    + " rules (one per track phrase, plus the packed follow and location rules) but the X API"
                    + " tier allows " + maxRules + " (" + TwitterSourceConfig.V2_MAX_RULES + "): track fewer"
                    + " phrases", (first, second) -> first + ". " + second);
        }
        return new RulePlan(List.copyOf(rules), problems);
    }

    public List<StreamRule> rules() {
        return rules;
    }

    /** Problems by config key; empty when X should accept the rules. */
    public Map<String, String> problems() {
        return problems;
    }
}
