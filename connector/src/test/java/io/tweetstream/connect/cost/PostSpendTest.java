package io.tweetstream.connect.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostSpendTest {

    @Test
    void theOffsetRoundTripsAsConnectStoresIt() {
        PostSpend spend = new PostSpend(LocalDate.parse("2026-12-02"), 12, YearMonth.parse("2026-12"), 345);
        // Connect's JSON offset store gives numbers back as Long or Integer.
        Map<String, Object> stored = new HashMap<>(spend.toOffset());
        stored.put(PostSpend.OFFSET_DAY_POSTS, 12);
        stored.put("tweet_id", 99L);
        assertEquals(Optional.of(spend), PostSpend.fromOffset(stored));
    }

    @Test
    void anOffsetWithoutSpendHasNone() {
        assertEquals(Optional.empty(), PostSpend.fromOffset(Map.of("tweet_id", 99L)));
        assertEquals(Optional.empty(), PostSpend.fromOffset(null));
        assertEquals(Optional.empty(), PostSpend.fromOffset(Map.of(PostSpend.OFFSET_DAY, "not a day",
                PostSpend.OFFSET_DAY_POSTS, 1, PostSpend.OFFSET_MONTH, "2026-12", PostSpend.OFFSET_MONTH_POSTS, 1)));
    }
}
