package io.tweetstream.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.dashboard.count.CountStore;
import io.tweetstream.dashboard.count.WindowCount;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CountsJsonTest {

    private static final long T0 = 1_795_600_801_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CountStore store = new CountStore(Duration.ofMinutes(10), 1_000);

    @Test
    void rendersEachKeywordAsPointPairsWithTheLatestTotalAndLag() throws IOException {
        store.put(new WindowCount(T0, "*", 9, OptionalLong.of(2100)));
        store.put(new WindowCount(T0 + 1000, "*", 12, OptionalLong.of(2300)));
        store.put(new WindowCount(T0, "kafka", 4, OptionalLong.empty()));

        JsonNode json = MAPPER.readTree(CountsJson.render(store.since(T0), T0));

        assertThat(json).isEqualTo(MAPPER.readTree("""
                {"since": 1795600801000,
                 "newest_window_start_ms": 1795600802000,
                 "latest": {"window_start_ms": 1795600802000, "count": 12, "lag_ms": 2300},
                 "series": [{"keyword": "*", "points": [[1795600801000, 9], [1795600802000, 12]]},
                            {"keyword": "kafka", "points": [[1795600801000, 4]]}]}
                """));
    }

    @Test
    void rendersNullsWhileNothingHasArrived() throws IOException {
        JsonNode json = MAPPER.readTree(CountsJson.render(store.since(0), 0));

        assertThat(json).isEqualTo(MAPPER.readTree("""
                {"since": 0, "newest_window_start_ms": null, "latest": null, "series": []}
                """));
    }

    @Test
    void rendersAnUnknownLagAsNull() throws IOException {
        store.put(new WindowCount(T0, "*", 9, OptionalLong.empty()));

        JsonNode latest = MAPPER.readTree(CountsJson.render(store.since(0), 0)).get("latest");

        assertThat(latest.get("lag_ms").isNull()).isTrue();
        assertThat(latest.get("count").asLong()).isEqualTo(9);
    }

    @Test
    void escapesKeywordsThatNeedIt() throws IOException {
        store.put(new WindowCount(T0, "say \"hi\"\n☕", 1, OptionalLong.empty()));

        JsonNode json = MAPPER.readTree(CountsJson.render(store.since(0), 0));

        assertThat(json.at("/series/0/keyword").asText()).isEqualTo("say \"hi\"\n☕");
    }
}
