package io.tweetstream.connect.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetstream.connect.cost.PostBudget;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** X's refusals for money, and the estimate's message for a budget that would not last a day. */
class BillingTest {

    private static ApiResponse problem(String json) {
        return XApiClient.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void creditsDepletedSaysWhatToDoInXsConsole() {
        String message = BillingRefusal.of(402, problem("""
                {"title":"CreditsDepleted","detail":"Your enrolled account [1] does not have any credits to fulfill this request.",
                 "type":"https://api.twitter.com/2/problems/credits"}"""), "https://api.x.com/2/tweets/search/stream")
                .orElseThrow();
        assertTrue(message.contains("HTTP 402 CreditsDepleted"), message);
        assertTrue(message.contains("Buy credits in X's Developer Console"), message);
        assertTrue(message.contains("does not have any credits"), "X's own words are kept: " + message);
    }

    @Test
    void theMonthlyCapIsARefusalForMoneyAndAnOrdinary429IsNot() {
        ApiResponse cap = problem("""
                {"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap",
                 "type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}""");
        assertTrue(BillingRefusal.of(429, cap, "the stream").orElseThrow().contains("monthly cap"));
        assertEquals(Optional.empty(), BillingRefusal.of(429, problem("""
                {"title":"ConnectionException","detail":"This stream is currently at the maximum allowed connection limit.",
                 "connection_issue":"TooManyConnections"}"""), "the stream"));
        assertEquals(Optional.empty(), BillingRefusal.of(503, problem("{}"), "the stream"));
    }

    @Test
    void aBudgetTheRulesWouldUseUpInUnderADayIsNamed() {
        PostBudget.Limits daily = PostBudget.Limits.of(1_000, 0, 0, 0.005, List.of());
        String message = CostEstimate.runsOutWithinADay(12_000, daily).orElseThrow();
        assertTrue(message.contains("daily budget of 1,000 Posts runs out after about 2 h 0 min"), message);
        assertEquals(Optional.empty(), CostEstimate.runsOutWithinADay(900, daily));
        assertEquals(Optional.empty(), CostEstimate.runsOutWithinADay(1e9, PostBudget.Limits.NONE));
    }
}
