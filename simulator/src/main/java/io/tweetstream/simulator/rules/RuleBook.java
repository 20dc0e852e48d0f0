package io.tweetstream.simulator.rules;

import io.tweetstream.simulator.RuleChange;
import io.tweetstream.simulator.StreamRule;
import io.tweetstream.simulator.generate.SnowflakeIds;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one rule set of the simulator's app, shared by every bearer token and every filtered stream, as on X.
 * Changes are atomic: a request that cannot be applied whole changes nothing. Streams read
 * {@link #active()}, a snapshot replaced on every change, so a change reaches open streams at their next tweet.
 */
public final class RuleBook {

    private final int maxRules;
    private final int maxRuleLength;
    private final SnowflakeIds ids = new SnowflakeIds();
    private final Clock clock;
    private final List<RuleChange> changes = new CopyOnWriteArrayList<>();
    private volatile List<ActiveRule> active = List.of();

    public RuleBook(int maxRules, int maxRuleLength, Clock clock) {
        this.maxRules = maxRules;
        this.maxRuleLength = maxRuleLength;
        this.clock = clock;
    }

    /** A rule to add, as posted. */
    public record Candidate(String value, String tag) {
    }

    /** Why a candidate was refused: its value and the reason. */
    public record Invalid(String value, String detail) {
    }

    /** A candidate not created because a rule with the same value exists, and that rule's id. */
    public record Duplicate(String value, String existingId) {
    }

    /** The outcome of an add that was valid as a whole: the rules created and the duplicates left out. */
    public record Added(List<StreamRule> created, List<Duplicate> duplicates) {
    }

    /** The outcome of a delete. */
    public record Deleted(List<StreamRule> deleted, List<String> notFound) {
    }

    /** Thrown when an add would exceed the rule cap; nothing was added. */
    public static final class CapExceededException extends Exception {
        public CapExceededException(int cap) {
            super("at most " + cap + " rules");
        }
    }

    /** Thrown when some candidates are invalid; nothing was added. */
    public static final class InvalidRulesException extends Exception {
        private final List<Invalid> invalid;

        public InvalidRulesException(List<Invalid> invalid) {
            super(invalid.size() + " invalid rule(s)");
            this.invalid = List.copyOf(invalid);
        }

        public List<Invalid> invalid() {
            return invalid;
        }
    }

    public List<ActiveRule> active() {
        return active;
    }

    public List<StreamRule> rules() {
        return active.stream().map(ActiveRule::rule).toList();
    }

    public List<RuleChange> changes() {
        return List.copyOf(changes);
    }

    /**
     * Adds the candidates whose value no rule has yet. A dry run checks and answers the same, ids included,
     * and changes nothing.
     */
    public synchronized Added add(List<Candidate> candidates, boolean dryRun)
            throws InvalidRulesException, CapExceededException {
        List<Invalid> invalid = new ArrayList<>();
        Map<String, RuleExpression> parsed = new HashMap<>();
        for (Candidate candidate : candidates) {
            try {
                parsed.put(candidate.value(), RuleParser.parse(candidate.value(), maxRuleLength));
            } catch (InvalidRuleException e) {
                invalid.add(new Invalid(candidate.value(), e.getMessage()));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRulesException(invalid);
        }
        Map<String, String> idsByValue = new LinkedHashMap<>();
        active.forEach(rule -> idsByValue.put(rule.rule().value(), rule.rule().id()));
        Instant now = clock.instant();
        List<ActiveRule> created = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String existing = idsByValue.get(candidate.value());
            if (existing != null) {
                duplicates.add(new Duplicate(candidate.value(), existing));
                continue;
            }
            StreamRule rule = new StreamRule(Long.toString(ids.next(now)), candidate.value(), candidate.tag());
            idsByValue.put(rule.value(), rule.id());
            created.add(new ActiveRule(rule, parsed.get(rule.value())));
        }
        if (active.size() + created.size() > maxRules) {
            throw new CapExceededException(maxRules);
        }
        if (!dryRun && !created.isEmpty()) {
            List<ActiveRule> next = new ArrayList<>(active);
            next.addAll(created);
            active = List.copyOf(next);
            created.forEach(rule -> changes.add(new RuleChange(now, RuleChange.Kind.ADDED, rule.rule())));
        }
        return new Added(created.stream().map(ActiveRule::rule).toList(), duplicates);
    }

    /** Deletes the rules with these ids or values; the rest are reported as not found. */
    public synchronized Deleted delete(List<String> ids, List<String> values, boolean dryRun) {
        List<StreamRule> deleted = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        List<ActiveRule> next = new ArrayList<>(active);
        for (String id : ids) {
            removeFirst(next, id, true).ifPresentOrElse(deleted::add, () -> notFound.add(id));
        }
        for (String value : values) {
            removeFirst(next, value, false).ifPresentOrElse(deleted::add, () -> notFound.add(value));
        }
        if (!dryRun && !deleted.isEmpty()) {
            active = List.copyOf(next);
            Instant now = clock.instant();
            deleted.forEach(rule -> changes.add(new RuleChange(now, RuleChange.Kind.DELETED, rule)));
        }
        return new Deleted(deleted, notFound);
    }

    private static Optional<StreamRule> removeFirst(List<ActiveRule> rules, String key, boolean byId) {
        for (int i = 0; i < rules.size(); i++) {
            StreamRule rule = rules.get(i).rule();
            if ((byId ? rule.id() : rule.value()).equals(key)) {
                rules.remove(i);
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
