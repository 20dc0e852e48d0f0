package io.tweetstream.connect.v2;

/**
 * A Post that refilled a gap reached a budget: the refill stops there, and its offsets keep the
 * rest of the gap pending, for a later start to refill when the budget allows.
 */
final class BudgetReached extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BudgetReached(String why) {
        super(why);
    }

    /** Throws when a recovered Post's outcome says a budget is reached. */
    static void stopIfReached(V2MessageHandler.Outcome outcome, String why) {
        if (outcome == V2MessageHandler.Outcome.BUDGET_REACHED) {
            throw new BudgetReached(why);
        }
    }
}
