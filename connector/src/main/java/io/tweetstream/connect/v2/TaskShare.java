package io.tweetstream.connect.v2;

import io.tweetstream.connect.v2.StreamMessage.MatchingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tweets of the filtered stream one task writes. Every connection of an app receives every
 * tweet that matches any of the app's rules, so each task sees them all; a tweet belongs to the
 * task named by the lowest task number among this connector's rules it matched, so that exactly one
 * task writes it, with every phrase of this connector it matched. Used by the stream's reader
 * thread and its gap filler at once.
 */
final class TaskShare {

    /** More distinct tags than any tier allows rules; past it the cache starts afresh. */
    private static final int MAX_CACHED_TAGS = 50_000;

    private final String connector;
    private final int task;
    private final int taskCount;
    /** Each tag as parsed, when it is this connector's: tags repeat on every tweet, so parse them once. */
    private final Map<String, Optional<RuleTag>> ownTags = new ConcurrentHashMap<>();

    TaskShare(String connector, int task, int taskCount) {
        this.connector = connector;
        this.task = task;
        this.taskCount = taskCount;
    }

    /** What to do with a tweet that matched these rules. */
    sealed interface Verdict {
        /** The tweet is this task's to write, under these phrases (empty for follow/location rules). */
        record Write(List<String> keywords) implements Verdict {}

        /** Another task of the connector writes it. */
        record OtherTask(int task) implements Verdict {}

        /** None of the rules is this connector's: another user of the app made them. */
        record NotOurs() implements Verdict {}
    }

    Verdict judge(List<MatchingRule> matchingRules) {
        List<String> keywords = new ArrayList<>();
        int owner = Integer.MAX_VALUE;
        for (MatchingRule rule : matchingRules) {
            Optional<RuleTag> tag = ownTag(rule.tag());
            if (tag.isPresent()) {
                owner = Math.min(owner, tag.get().task());
                String keyword = tag.get().keyword();
                if (!keyword.isEmpty() && !keywords.contains(keyword)) {
                    keywords.add(keyword);
                }
            }
        }
        if (owner == Integer.MAX_VALUE) {
            return new Verdict.NotOurs();
        }
        // A rule of a task that no longer runs (before the connector's next sync deletes it) still
        // has one writer.
        int writer = owner < taskCount ? owner : owner % taskCount;
        return writer == task ? new Verdict.Write(keywords) : new Verdict.OtherTask(writer);
    }

    private Optional<RuleTag> ownTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        Optional<RuleTag> parsed = ownTags.get(tag);
        if (parsed == null) {
            if (ownTags.size() >= MAX_CACHED_TAGS) {
                ownTags.clear();
            }
            parsed = RuleTag.parse(tag).filter(t -> t.connector().equals(connector));
            ownTags.put(tag, parsed);
        }
        return parsed;
    }
}
