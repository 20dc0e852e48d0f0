package io.tweetstream.connect.v2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the app's filtered-stream rules in line with what one connector needs, touching only the
 * rules tagged with that connector's name: its stale rules are deleted, its missing rules added, and
 * every other rule of the app, another user's or another connector's, is left as it is.
 *
 * <p>Open streams need no reconnect: X applies rule changes to them as they stand.
 */
public final class RuleSync {

    private static final Logger log = LoggerFactory.getLogger(RuleSync.class);

    private final XApiClient client;
    private final String connector;
    private final int maxRules;

    public RuleSync(XApiClient client, String connector, int maxRules) {
        this.client = client;
        this.connector = connector;
        this.maxRules = maxRules;
    }

    /** What a sync did. */
    public record Result(int kept, int added, int deleted) {}

    /**
     * Deletes the connector's stale rules, then adds its missing ones (in that order, so that a phrase
     * moved to another task is not refused as a duplicate of its old rule).
     *
     * @throws RuleConflictException when X cannot take the rules, with what to change
     */
    public Result apply(List<StreamRule> wanted)
            throws RuleConflictException, XApiException, IOException, InterruptedException {
        Diff diff = diff(client.rules(), wanted);
        diff.throwIfConflicting();
        if (!diff.stale.isEmpty()) {
            XApiClient.RuleChange deleted = client.deleteRules(diff.stale.stream().map(StreamRule::id).toList(), false);
            deleted.problems().forEach(p -> log.warn("X did not delete a stale rule: {}", p.describe()));
        }
        if (!diff.missing.isEmpty()) {
            XApiClient.RuleChange added = client.addRules(diff.missing, false);
            if (!added.problems().isEmpty()) {
                throw new RuleConflictException("X did not create " + added.problems().size() + " of the "
                        + diff.missing.size() + " rules: " + describe(added.problems()));
            }
        }
        Result result = new Result(diff.kept, diff.missing.size(), diff.stale.size());
        log.info("Filtered-stream rules of connector '{}' in sync: {} kept, {} added, {} deleted",
                connector, result.kept(), result.added(), result.deleted());
        return result;
    }

    /**
     * Checks, changing nothing, that X would take the rules: room under the rule cap, no clash with
     * another user's rule, and X's own verdict on the missing rules through a dry run.
     *
     * @return the problems, each saying what to change; empty when the rules would be accepted
     */
    public List<String> check(List<StreamRule> wanted) throws XApiException, IOException, InterruptedException {
        Diff diff = diff(client.rules(), wanted);
        List<String> problems = new ArrayList<>(diff.clashes);
        if (problems.isEmpty() && !diff.missing.isEmpty()) {
            try {
                XApiClient.RuleChange dryRun = client.addRules(diff.missing, true);
                List<ApiProblem> refused = withoutOwnDuplicates(dryRun.problems());
                if (!refused.isEmpty()) {
                    problems.add("X would not create these rules: " + describe(refused));
                }
            } catch (XApiException refused) {
                // The token already worked for the list: X refuses the rules themselves (400 for
                // invalid ones, 403 over the rule cap).
                if (refused.status() != 400 && refused.status() != 403) {
                    throw refused;
                }
                problems.add("X would not create these rules: " + refused.response().describe());
            }
        }
        return problems;
    }

    /**
     * The dry run's problems less its duplicates of this connector's own rules: a rule whose phrase
     * moved to another task (which {@link #apply} deletes before it adds its replacement), or one
     * that the running connector's own sync added since the list was read (a config update while it
     * starts). X's dry run knows nothing of the deletes to come, and a duplicate of a rule of this
     * connector's is no conflict.
     */
    private List<ApiProblem> withoutOwnDuplicates(List<ApiProblem> problems)
            throws XApiException, IOException, InterruptedException {
        if (problems.stream().noneMatch(ApiProblem::isDuplicateRule)) {
            return problems;
        }
        Set<String> ownValues = client.rules().stream().filter(rule -> RuleTag.isOwnedBy(rule.tag(), connector))
                .map(StreamRule::value).collect(Collectors.toSet());
        return problems.stream().filter(problem -> !(problem.isDuplicateRule() && ownValues.contains(problem.value())))
                .toList();
    }

    private Diff diff(List<StreamRule> existing, List<StreamRule> wanted) {
        Diff diff = new Diff();
        Set<StreamRule> wantedRules = wanted.stream().map(StreamRule::withoutId).collect(Collectors.toSet());
        Set<StreamRule> existingRules = existing.stream().map(StreamRule::withoutId).collect(Collectors.toSet());
        Map<String, String> otherTagByValue = new HashMap<>();
        for (StreamRule rule : existing) {
            if (!RuleTag.isOwnedBy(rule.tag(), connector)) {
                otherTagByValue.putIfAbsent(rule.value(), rule.tag());
            } else if (wantedRules.contains(rule.withoutId())) {
                diff.kept++;
            } else {
                diff.stale.add(rule);
            }
        }
        for (StreamRule rule : wanted) {
            if (!existingRules.contains(rule.withoutId())) {
                diff.missing.add(rule);
            }
        }
        for (StreamRule rule : diff.missing) {
            if (otherTagByValue.containsKey(rule.value())) {
                diff.clashes.add("the rule '" + rule.value() + "' already exists in this app with the tag '"
                        + otherTagByValue.get(rule.value()) + "', which is not this connector's, and X takes a rule"
                        + " value once per app: drop the phrase or remove that rule");
            }
        }
        int others = existing.size() - diff.kept - diff.stale.size();
        if (others + wanted.size() > maxRules) {
            diff.clashes.add("the app already has " + others + " rules of other users or connectors, and"
                    + " with this connector's " + wanted.size() + " it would have more than the " + maxRules
                    + " its tier allows: track fewer phrases or remove rules");
        }
        return diff;
    }

    private static String describe(List<ApiProblem> problems) {
        return problems.stream().map(ApiProblem::describe).collect(Collectors.joining("; "));
    }

    /** The rules to delete and to add, and why the wanted rules cannot all be had. */
    private static final class Diff {
        private final List<StreamRule> stale = new ArrayList<>();
        private final List<StreamRule> missing = new ArrayList<>();
        private final List<String> clashes = new ArrayList<>();
        private int kept;

        void throwIfConflicting() throws RuleConflictException {
            if (!clashes.isEmpty()) {
                throw new RuleConflictException(String.join("; ", clashes));
            }
        }
    }

    /** The connector's rules cannot be created as they are; the message says what to change. */
    public static final class RuleConflictException extends Exception {
        public RuleConflictException(String message) {
            super(message);
        }
    }
}
