package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.MatchedRule;
import io.tweetstream.simulator.replay.RecordedLine;
import io.tweetstream.simulator.replay.ReplayCursor;
import io.tweetstream.simulator.rules.ActiveRule;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.rules.RuleSubject;
import io.tweetstream.simulator.stream.Pace;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.V2Tweet;
import io.tweetstream.simulator.stream.V2TweetSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tweets of a v2 endpoint replaying a recording, in file order at the replay's pace. On the filtered stream each
 * recorded tweet is matched against the rules in force, as X would: it goes out with those it matches in
 * {@code matching_rules} (the recorded ones name rules of another app), and not at all when it matches none (counted
 * as skipped). On the sample stream every tweet goes out, without {@code matching_rules}. Lines without a tweet (error
 * messages) go out as recorded on both.
 */
public final class ReplayedTweets implements V2TweetSource {

    private final ReplayCursor cursor;
    private final RuleBook rules;
    private final StreamLedger ledger;

    /** @param rules the rule book on the filtered stream; {@code null} on the sample stream */
    public ReplayedTweets(ReplayCursor cursor, RuleBook rules, StreamLedger ledger) {
        this.cursor = cursor;
        this.rules = rules;
        this.ledger = ledger;
    }

    @Override
    public Optional<V2Tweet> next(Instant now) {
        RecordedLine line = cursor.current();
        if (line == null) {
            return Optional.empty();
        }
        if (!line.json().has("data")) {
            return Optional.of(new V2Tweet(0, 0, null, List.of(), List.of(), now, null, line.json()));
        }
        List<MatchedRule> matching = List.of();
        if (rules != null) {
            List<ActiveRule> active = rules.active();
            if (active.isEmpty()) {
                return Optional.empty(); // X sends nothing on a filtered stream without rules
            }
            RuleSubject subject = RecordedSubjects.of(line.json());
            matching = active.stream().filter(rule -> rule.expression().matches(subject))
                    .map(rule -> new MatchedRule(rule.rule().id(), rule.rule().tag())).toList();
            if (matching.isEmpty()) {
                ledger.v2TweetSkipped();
                return Optional.empty();
            }
        }
        long id = parse(line.json().path("data").path("id").asText());
        long author = parse(line.json().path("data").path("author_id").asText());
        return Optional.of(new V2Tweet(id, author, null, List.of(), matching, now, null, line.json()));
    }

    /** The recording's own pace, in place of the configured rate. */
    @Override
    public Pace pace(Pace generated) {
        return cursor;
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
