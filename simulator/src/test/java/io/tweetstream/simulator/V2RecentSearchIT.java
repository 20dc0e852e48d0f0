package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /2/tweets/search/recent} over the filtered stream's history, as X answers it. */
class V2RecentSearchIT {

    private static final String SEARCH = "2/tweets/search/recent?query=";

    private StreamSimulator simulator;
    private V2Client client;
    private List<MadeTweet> kafka;
    private List<MadeTweet> spark;

    @BeforeEach
    void start() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().searchRequestsPerWindow(30)
                .longPostRatio(0).build());
        client = new V2Client(simulator);
        String kafkaRule = client.addRule("kafka", "k");
        kafka = simulator.madeEarlier(Duration.ofDays(9), 45);
        client.deleteRule(kafkaRule);
        client.addRule("spark", "s");
        spark = simulator.madeEarlier(Duration.ofHours(1), 12);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pagesNewestFirstThroughExactlyTheMatchingTweetsOfTheLastSevenDaysOnce() throws Exception {
        List<Long> expected = kafka.stream().filter(tweet -> tweet.createdAt()
                        .isAfter(Instant.now().minus(Duration.ofDays(7)).plusSeconds(5)))
                .map(MadeTweet::id).sorted((a, b) -> Long.compare(b, a)).toList();
        List<Long> found = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            V2Client.Answer page = client.get(SEARCH + "kafka&tweet.fields=created_at"
                    + (token == null ? "" : "&next_token=" + token));
            assertThat(page.status()).as("%s", page.body()).isEqualTo(200);
            JsonNode meta = page.body().path("meta");
            page.body().path("data").forEach(tweet -> {
                found.add(tweet.path("id").asLong());
                assertThat(tweet.has("matching_rules")).isFalse();
                assertThat(tweet.has("created_at")).isTrue();
            });
            assertThat(meta.path("result_count").asInt()).isEqualTo(page.body().path("data").size());
            assertThat(meta.path("newest_id").asText()).isEqualTo(page.body().path("data").get(0).path("id").asText());
            if (token != null) {
                assertThat(client.get(SEARCH + "kafka&tweet.fields=created_at&next_token=" + token).body())
                        .as("the same token gives the same page").isEqualTo(page.body());
            }
            token = meta.path("next_token").isMissingNode() ? null : meta.path("next_token").asText();
            pages++;
        } while (token != null && pages < 10);

        assertThat(expected).hasSizeBetween(33, 36);
        assertThat(found).isEqualTo(expected);
        assertThat(pages).isEqualTo((expected.size() + 9) / 10);
        assertThat(simulator.searchRequests()).extracting(SearchRequest::httpStatus).containsOnly(200);
    }

    @Test
    void sinceIdUntilIdStartAndEndTimeBoundTheResults() throws Exception {
        MadeTweet since = spark.get(2);
        MadeTweet until = spark.get(8);
        V2Client.Answer ids = client.get(SEARCH + "spark&max_results=100&since_id=" + since.id() + "&until_id=" + until.id());
        assertThat(idsOf(ids.body())).containsExactly(spark.get(7).id(), spark.get(6).id(), spark.get(5).id(),
                spark.get(4).id(), spark.get(3).id());

        Instant start = spark.get(4).createdAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant end = spark.get(9).createdAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        V2Client.Answer times = client.get(SEARCH + "spark&max_results=100&start_time=" + start + "&end_time=" + end);
        assertThat(idsOf(times.body())).containsExactly(spark.get(9).id(), spark.get(8).id(), spark.get(7).id(),
                spark.get(6).id(), spark.get(5).id());
        assertThat(simulator.searchRequests()).last().extracting(SearchRequest::resultCount).isEqualTo(5);
    }

    @Test
    void nothingMatchingAnswersNoDataAndAResultCountOfZero() throws Exception {
        V2Client.Answer answer = client.get(SEARCH + "flink");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().has("data")).isFalse();
        assertThat(answer.body().path("meta").path("result_count").asInt()).isZero();
    }

    @Test
    void theQueryIsEvaluatedOnTheTweetNotOnTheRulesItWasMadeFor() throws Exception {
        V2Client.Answer answer = client.get(SEARCH + encode("spark OR kafka") + "&max_results=100&start_time="
                + Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS));

        assertThat(idsOf(answer.body())).containsAll(spark.stream().map(MadeTweet::id).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bio:kafka", "kafka sample:10", "bio_name:kafka", "kafka -bio_location:berlin"})
    void operatorsSearchLacksAreRefusedAsXRefusesAnInvalidQuery(String query) throws Exception {
        V2Client.Answer answer = client.get(SEARCH + encode(query));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("title").asText()).isEqualTo("Invalid Request");
        assertThat(answer.body().path("errors").get(0).path("parameters").path("query").get(0).asText()).isEqualTo(query);
        assertThat(answer.body().path("errors").get(0).path("message").asText())
                .startsWith("There were errors processing your request: Reference to invalid operator '")
                .contains("Operator is not available in current product or product packaging");
    }

    @Test
    void timesOutsideWhatXAllowsAreRefused() throws Exception {
        Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.SECONDS);
        V2Client.Answer tooOld = client.get(SEARCH + "kafka&start_time=" + eightDaysAgo);
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.body().path("errors").get(0).path("message").asText())
                .startsWith("Invalid 'start_time':'" + eightDaysAgo + "'. 'start_time' must be on or after ");

        Instant fiveSecondsAgo = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        V2Client.Answer tooRecent = client.get(SEARCH + "kafka&end_time=" + fiveSecondsAgo);
        assertThat(tooRecent.status()).isEqualTo(400);
        assertThat(tooRecent.body().path("errors").get(0).path("message").asText()).isEqualTo("Invalid 'end_time':'"
                + fiveSecondsAgo + "'. 'end_time' must be a minimum of 10 seconds prior to the request time.");

        assertThat(client.get(SEARCH + "kafka&max_results=5").status()).isEqualTo(400);
        assertThat(client.get(SEARCH + "kafka&next_token=bogus").status()).isEqualTo(400);
        assertThat(client.get("2/tweets/search/recent").status()).isEqualTo(400);
    }

    @Test
    void theDefaultEndTimeIsThirtySecondsBeforeTheRequest() throws Exception {
        simulator.madeEarlier(Duration.ofSeconds(20), 5);

        V2Client.Answer answer = client.get(SEARCH + "spark&max_results=100");

        assertThat(idsOf(answer.body())).containsExactlyElementsOf(spark.stream().map(MadeTweet::id)
                .sorted((a, b) -> Long.compare(b, a)).toList());
    }

    @Test
    void requestsBeyondTheWindowsLimitGet429() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertThat(client.get(SEARCH + "kafka").status()).isEqualTo(200);
        }
        V2Client.Answer refused = client.get(SEARCH + "kafka");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.response().headers().firstValue("x-rate-limit-remaining")).hasValue("0");
        assertThat(refused.response().headers().firstValue("x-rate-limit-limit")).hasValue("30");
        assertThat(simulator.searchRequests()).hasSize(31).last().extracting(SearchRequest::httpStatus).isEqualTo(429);
    }

    private static List<Long> idsOf(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.path("data").forEach(tweet -> ids.add(tweet.path("id").asLong()));
        return ids;
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
