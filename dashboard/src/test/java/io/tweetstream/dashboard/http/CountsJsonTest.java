package io.tweetstream.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.dashboard.count.CountStore;
import io.tweetstream.dashboard.count.LateCorrection;
import io.tweetstream.dashboard.count.SecondCount;
import io.tweetstream.dashboard.count.WindowCount;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CountsJsonTest {

    private static final long T0 = 1_795_600_801_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CountStore store = new CountStore(Duration.ofMinutes(10), 1_000);

    @Test
    void rendersEachPointWithItsStatusAndLateTweetsAndTheLatestEndedSecond() throws IOException {
        store.put(new SecondCount(T0, true, 9, Map.of("kafka", 4L), OptionalLong.of(15_100)));
        store.put(new LateCorrection(T0, "late", 2, Map.of("kafka", 1L), OptionalLong.of(61_000)));
        store.put(new SecondCount(T0 + 1000, false, 11, Map.of(), OptionalLong.of(-200)));
        store.put(new SecondCount(T0 + 1000, false, 12, Map.of(), OptionalLong.of(180)));
        store.put(new SecondCount(T0 + 2000, false, 3, Map.of(), OptionalLong.of(-750)));

        JsonNode json = MAPPER.readTree(CountsJson.render(store.since(T0, 0), T0));

        assertThat(json).isEqualTo(MAPPER.readTree("""
                {"since": 1795600801000,
                 "newest_window_start_ms": 1795600803000,
                 "latest": {"window_start_ms": 1795600802000, "count": 12, "late": 0, "final": false,
                            "provisional_lag_ms": 180, "final_lag_ms": null, "lag_ms": 180},
                 "series": [{"keyword": "*", "points": [[1795600801000, 11, 1, 2], [1795600802000, 12, 0, 0],
                                                        [1795600803000, 3, 0, 0]]},
                            {"keyword": "kafka", "points": [[1795600801000, 5, 1, 1]]}]}
                """));
    }

    @Test
    void rendersAFinalLatestSecondWithItsLateTweets() throws IOException {
        store.put(new SecondCount(T0, false, 8, Map.of(), OptionalLong.of(250)));
        store.put(new SecondCount(T0, true, 9, Map.of(), OptionalLong.of(15_100)));
        store.put(new LateCorrection(T0, "late", 2, Map.of(), OptionalLong.of(61_000)));

        JsonNode latest = MAPPER.readTree(CountsJson.render(store.since(0, 0), 0)).get("latest");

        assertThat(latest).isEqualTo(MAPPER.readTree("""
                {"window_start_ms": 1795600801000, "count": 11, "late": 2, "final": true,
                 "provisional_lag_ms": 250, "final_lag_ms": 15100, "lag_ms": 61000}
                """));
    }

    @Test
    void rendersNullsWhileNothingHasArrived() throws IOException {
        JsonNode json = MAPPER.readTree(CountsJson.render(store.since(0, 0), 0));

        assertThat(json).isEqualTo(MAPPER.readTree("""
                {"since": 0, "newest_window_start_ms": null, "latest": null, "series": []}
                """));
    }

    @Test
    void rendersUnknownLagsAsNull() throws IOException {
        store.put(new WindowCount(T0, "*", 9, OptionalLong.empty()));

        JsonNode latest = MAPPER.readTree(CountsJson.render(store.since(0, T0 + 1000), 0)).get("latest");

        assertThat(latest.get("lag_ms").isNull()).isTrue();
        assertThat(latest.get("provisional_lag_ms").isNull()).isTrue();
        assertThat(latest.get("final").asBoolean()).isTrue();
        assertThat(latest.get("count").asLong()).isEqualTo(9);
    }

    @Test
    void escapesKeywordsThatNeedIt() throws IOException {
        store.put(new WindowCount(T0, "say \"hi\"\n☕", 1, OptionalLong.empty()));

        JsonNode json = MAPPER.readTree(CountsJson.render(store.since(0, 0), 0));

        assertThat(json.at("/series/0/keyword").asText()).isEqualTo("say \"hi\"\n☕");
    }
}
