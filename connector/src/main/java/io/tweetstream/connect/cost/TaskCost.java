package io.tweetstream.connect.cost;

import java.util.Optional;

/**
 * What a task knows of its cost, for its metrics: its own count of the Posts X billed and the
 * budgets ({@link PostBudget}), X's own count as the usage endpoint last gave it, and the Posts a
 * day its rules matched over the last week.
 */
public final class TaskCost {

    private final PostBudget budget;
    private volatile UsageReport usage;
    private volatile double estimatedPostsPerDay = -1;

    public TaskCost(PostBudget budget) {
        this.budget = budget;
    }

    public PostBudget budget() {
        return budget;
    }

    /** X's usage as last reported; empty before X answered. */
    public Optional<UsageReport> usage() {
        return Optional.ofNullable(usage);
    }

    public void usageReported(UsageReport report) {
        usage = report;
    }

    /** The Posts a day the task's rules matched over the last 7 days; -1 when not estimated. */
    public double estimatedPostsPerDay() {
        return estimatedPostsPerDay;
    }

    public void estimated(double postsPerDay) {
        estimatedPostsPerDay = postsPerDay;
    }

    /** What the Posts read this month cost at the configured price. */
    public double usdThisMonth() {
        return budget.spend().postsThisMonth() * budget.limits().pricePerPost();
    }
}
