package io.tweetstream.connect.v2;

import io.tweetstream.connect.cost.PostBudget;
import io.tweetstream.connect.cost.RuleVolume;
import io.tweetstream.connect.core.GapReports;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Posts a day rules would bring, and their cost, before a Post is billed: X's
 * {@code GET /2/tweets/counts/recent} counts what each rule (as a search query) matched over the
 * last 7 days, and is not billed. A Post that matches two rules is counted for each, as X delivers
 * it once: the total is an upper bound. Connect's validation has no warnings (any message there
 * is an error that refuses the config), so the estimate goes to the worker's log: at validation and
 * at each task's start, a WARN when a budget would run out in under a day.
 */
final class CostEstimate {

    private static final Logger log = LoggerFactory.getLogger(CostEstimate.class);
    private static final int NAMED_RULES = 5;

    private final List<RuleVolume> volumes;
    private final int rules;

    private CostEstimate(List<RuleVolume> volumes, int rules) {
        this.volumes = volumes;
        this.rules = rules;
    }

    /**
     * Asks X about at most {@code maxRules} of {@code ruleValues}; empty when it asked nothing or X
     * answered none (the reason is logged).
     */
    static Optional<CostEstimate> ask(XApiClient client, List<String> ruleValues, int maxRules)
            throws InterruptedException {
        if (maxRules <= 0 || ruleValues.isEmpty()) {
            return Optional.empty();
        }
        List<RuleVolume> volumes = new ArrayList<>();
        for (String rule : ruleValues.subList(0, Math.min(maxRules, ruleValues.size()))) {
            try {
                volumes.add(client.countsRecent(rule));
            } catch (XApiException e) {
                log.warn("No cost estimate: X refused to count the Posts of rule '{}' ({})", rule, e.getMessage());
                return Optional.empty();
            } catch (IOException e) {
                log.warn("No cost estimate: counting the Posts of rule '{}' failed ({})", rule, e.toString());
                return Optional.empty();
            }
        }
        return Optional.of(new CostEstimate(volumes, ruleValues.size()));
    }

    double postsPerDay() {
        return volumes.stream().mapToDouble(RuleVolume::postsPerDay).sum();
    }

    /** Logs the estimate against the budgets; {@code whose} names the rules, e.g. "task 0's rules". */
    void log(String whose, PostBudget.Limits limits) {
        double perDay = postsPerDay();
        String named = volumes.stream()
                .sorted((a, b) -> Double.compare(b.postsPerDay(), a.postsPerDay()))
                .limit(NAMED_RULES)
                .map(volume -> "'" + volume.rule() + "' " + round(volume.postsPerDay()))
                .collect(Collectors.joining(", "));
        String message = String.format(Locale.ROOT, "Cost estimate: %s matched about %s Posts a day over the last 7 days"
                        + " (X's counts/recent%s; %s%s), about $%,.2f a day and $%,.2f a month at $%s a Post",
                whose, round(perDay), volumes.size() < rules ? ", " + volumes.size() + " of " + rules + " rules asked" : "",
                named, volumes.size() > NAMED_RULES ? ", ..." : "", perDay * limits.pricePerPost(),
                perDay * 30 * limits.pricePerPost(), limits.pricePerPost());
        Optional<String> shortBudget = runsOutWithinADay(perDay, limits);
        if (shortBudget.isPresent()) {
            log.warn("{}. {}", message, shortBudget.get());
        } else {
            log.info("{}{}", message, limits.any() ? "" : "; no budget is set (twitter.v2.budget.*)");
        }
    }

    /** Which budget these rules would use up in under a day, and when. */
    static Optional<String> runsOutWithinADay(double postsPerDay, PostBudget.Limits limits) {
        if (postsPerDay <= 0) {
            return Optional.empty();
        }
        long budget = limits.perDay() > 0 && limits.perMonth() > 0 ? Math.min(limits.perDay(), limits.perMonth())
                : Math.max(limits.perDay(), limits.perMonth());
        if (budget <= 0 || budget >= postsPerDay) {
            return Optional.empty();
        }
        Duration lasts = Duration.ofSeconds(Math.round(86_400 * budget / postsPerDay));
        return Optional.of(String.format(Locale.ROOT, "At that rate the %s budget of %,d Posts runs out after about %s:"
                        + " the task then stops reading until it renews, and misses what is posted meanwhile",
                budget == limits.perDay() ? "daily" : "monthly", budget, GapReports.describe(lasts)));
    }

    private static String round(double posts) {
        return String.format(Locale.ROOT, "%,.0f", posts);
    }
}
