package io.tweetstream.connect.v2;

import java.util.Optional;

/**
 * X's refusals for money rather than for the request: the project's prepaid credits are used up
 * (HTTP 402 {@code CreditsDepleted}), or it reached its monthly cap of Post reads (HTTP 429
 * {@code UsageCapExceeded}). Retrying cannot help until someone acts in X's Developer Console, so
 * the task fails with what to do instead of retrying.
 */
final class BillingRefusal {

    static final String CREDITS_DEPLETED = "CreditsDepleted";
    static final String USAGE_CAP_EXCEEDED = "UsageCapExceeded";

    private BillingRefusal() {}

    /** The task's error message for a refusal for money; empty for any other answer. */
    static Optional<String> of(int status, ApiResponse problem, String endpoint) {
        String title = problem.title() == null ? "" : problem.title();
        if (status == 402 || CREDITS_DEPLETED.equals(title)) {
            return Optional.of("X refused " + endpoint + " (HTTP " + status + " " + CREDITS_DEPLETED + "): the"
                    + " project's prepaid credits are used up, so X reads no more Posts for it. Buy credits in X's"
                    + " Developer Console (console.x.com, Billing), or lower the connector's budgets"
                    + " (twitter.v2.budget.*) so that they run out before the credits do, then restart the task"
                    + " (POST /connectors/<name>/tasks/<n>/restart). X said: " + problem.describe());
        }
        if (status == 429 && USAGE_CAP_EXCEEDED.equals(title)) {
            return Optional.of("X refused " + endpoint + " (HTTP 429 " + USAGE_CAP_EXCEEDED + "): the project read"
                    + " its monthly cap of Posts, which resets on the cap's reset day of the month (see"
                    + " GET /2/usage/tweets, cap_reset_day). Raise the cap in X's Developer Console, or wait for the"
                    + " reset, then restart the task (POST /connectors/<name>/tasks/<n>/restart). X said: "
                    + problem.describe());
        }
        return Optional.empty();
    }
}
