package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /2/usage/tweets} from the billing ledger and {@code GET /2/tweets/counts/recent} from the generator's rates. */
class V2UsageAndCountsIT {

    private static final String USAGE = "2/usage/tweets";
    private static final String COUNTS = "2/tweets/counts/recent?query=";
    private static final double RATE = 40;

    private StreamSimulator simulator;
    private V2Client client;

    @BeforeEach
    void start() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(RATE).capResetDay(10).build());
        client = new V2Client(simulator);
        client.addRule("kafka", "k");
        client.addRule("spark", "s");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void withoutUsageFieldsTheReportHoldsTheProjectsCapAndUsageAsStrings() throws Exception {
        simulator.madeEarlier(Duration.ofHours(1), 20);
        assertThat(client.get("2/tweets/search/recent?max_results=100&query=" + encode("kafka OR spark"))
                .body().path("data")).hasSize(20);

        V2Client.Answer usage = client.get(USAGE);

        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.body()).isEqualTo(Json.parse("{\"data\":{\"cap_reset_day\":10,\"project_cap\":\"3000000\","
                + "\"project_id\":\"" + simulator.projectId() + "\",\"project_usage\":\"20\"}}"));
        assertThat(usage.response().headers().firstValue("x-rate-limit-limit")).hasValue("50");
    }

    @Test
    void dailyUsageListsTheDaysWithUsageOfTheLastDaysForTheProjectAndEachApp() throws Exception {
        simulator.madeEarlier(Duration.ofHours(1), 12);
        String search = "2/tweets/search/recent?max_results=100&query=" + encode("kafka OR spark");
        LocalDate first = LocalDate.ofInstant(simulator.billingNow(), ZoneOffset.UTC);
        client.get(search);
        simulator.advanceBillingClock(Duration.ofDays(2));
        client.get(search);
        new V2Client(simulator, "another-app").get(search + "&since_id=" + simulator.madeTweets().get(8).id());

        JsonNode data = client.get(USAGE + "?days=3&usage.fields=daily_project_usage,daily_client_app_usage,"
                + "project_usage").body().path("data");

        assertThat(data.path("project_usage").asText()).isEqualTo("27");
        JsonNode project = data.path("daily_project_usage");
        assertThat(project.path("project_id").asText()).isEqualTo(simulator.projectId());
        assertThat(project.path("usage")).isEqualTo(Json.parse("[{\"date\":\"" + first + "T00:00:00.000Z\","
                + "\"usage\":\"12\"},{\"date\":\"" + first.plusDays(2) + "T00:00:00.000Z\",\"usage\":\"15\"}]"));
        JsonNode apps = data.path("daily_client_app_usage");
        assertThat(apps).hasSize(2);
        assertThat(apps.get(0).path("client_app_id").asText()).isEqualTo(StreamSimulator.clientAppId(V2Client.TOKEN));
        assertThat(apps.get(0).path("usage_result_count").asInt()).isEqualTo(2);
        assertThat(apps.get(0).path("usage").get(1).path("usage").asText()).isEqualTo("12");
        assertThat(apps.get(1).path("client_app_id").asText()).isEqualTo(StreamSimulator.clientAppId("another-app"));
        assertThat(apps.get(1).path("usage")).isEqualTo(Json.parse("[{\"date\":\"" + first.plusDays(2)
                + "T00:00:00.000Z\",\"usage\":\"3\"}]"));

        JsonNode lastDay = client.get(USAGE + "?days=1&usage.fields=daily_project_usage").body().path("data");
        assertThat(lastDay.path("daily_project_usage").path("usage")).hasSize(1);
        assertThat(lastDay.has("daily_client_app_usage")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"days=0", "days=91", "days=seven", "usage.fields=project_usage,hourly_usage", "foo=1"})
    void badParametersAreRefusedAsXRefusesThem(String query) throws Exception {
        V2Client.Answer answer = client.get(USAGE + "?" + query);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("title").asText()).isEqualTo("Invalid Request");
        String parameter = query.substring(0, query.indexOf('='));
        assertThat(answer.body().path("errors").get(0).path("parameters").has(parameter)).isTrue();
        assertThat(client.get(USAGE + "?days=90").status()).isEqualTo(200);
    }

    @Test
    void countsBucketTheGeneratorsRateForTheQueryPerMinuteOldestFirst() throws Exception {
        double rate = simulator.matchRatePerSecond("kafka");
        assertThat(rate).as("half the tweets are made for kafka").isBetween(0.45 * RATE, 0.55 * RATE);
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).plusMillis(0);
        Instant end = Instant.now().minus(Duration.ofMinutes(1));

        V2Client.Answer answer = client.get(COUNTS + "kafka&granularity=minute&start_time=" + start
                + "&end_time=" + end.truncatedTo(ChronoUnit.SECONDS));

        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        List<JsonNode> buckets = new ArrayList<>();
        answer.body().path("data").forEach(buckets::add);
        assertThat(buckets).hasSizeBetween(59, 61);
        assertThat(Instant.parse(buckets.get(0).path("start").asText())).isEqualTo(start);
        assertThat(Instant.parse(buckets.get(buckets.size() - 1).path("end").asText()))
                .isEqualTo(end.truncatedTo(ChronoUnit.SECONDS));
        long total = 0;
        for (int i = 0; i < buckets.size(); i++) {
            Instant from = Instant.parse(buckets.get(i).path("start").asText());
            Instant to = Instant.parse(buckets.get(i).path("end").asText());
            if (i > 0) {
                assertThat(from).isEqualTo(Instant.parse(buckets.get(i - 1).path("end").asText()));
                assertThat(from).isEqualTo(from.truncatedTo(ChronoUnit.MINUTES));
            }
            long count = buckets.get(i).path("tweet_count").asLong();
            double seconds = Duration.between(from, to).toMillis() / 1000.0;
            // Rounding: a bucket holds floor(rate * end) - floor(rate * start), epoch seconds.
            assertThat(count).isEqualTo((long) Math.floor(rate * (to.toEpochMilli() / 1000.0))
                    - (long) Math.floor(rate * (from.toEpochMilli() / 1000.0)));
            assertThat(Math.abs(count - rate * seconds)).isLessThan(1.0);
            total += count;
        }
        assertThat(answer.body().path("meta").path("total_tweet_count").asLong()).isEqualTo(total);
        assertThat(simulator.postsBilledTotal()).as("counts are not billed").isZero();
    }

    @Test
    void byDefaultCountsTheLastSevenDaysPerHourAndAQueryMatchingNothingMadeCountsZero() throws Exception {
        JsonNode hourly = client.get(COUNTS + encode("kafka OR spark")).body();
        JsonNode none = client.get(COUNTS + "flink").body();

        assertThat(hourly.path("data").size()).isBetween(168, 169);
        assertThat(Duration.between(Instant.parse(hourly.path("data").get(0).path("start").asText()),
                Instant.parse(hourly.path("data").get(hourly.path("data").size() - 1).path("end").asText())))
                .isEqualTo(Duration.ofDays(7));
        assertThat(hourly.path("meta").path("total_tweet_count").asDouble() / Duration.ofDays(7).toSeconds())
                .isCloseTo(simulator.matchRatePerSecond("kafka OR spark"), org.assertj.core.data.Offset.offset(0.01));
        assertThat(simulator.matchRatePerSecond("kafka OR spark")).isBetween(0.95 * RATE, RATE);
        assertThat(none.path("meta").path("total_tweet_count").asLong()).isZero();
        assertThat(client.get(COUNTS + "kafka&granularity=day").body().path("data").size()).isBetween(7, 8);
    }

    @Test
    void invalidQueriesTimesAndGranularitiesAreRefused() throws Exception {
        Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(client.get(COUNTS + "kafka&start_time=" + eightDaysAgo).body().path("errors").get(0)
                .path("message").asText()).startsWith("Invalid 'start_time':'" + eightDaysAgo + "'. 'start_time' must be on or after ");
        V2Client.Answer granularity = client.get(COUNTS + "kafka&granularity=second");
        assertThat(granularity.status()).isEqualTo(400);
        assertThat(granularity.body().path("errors").get(0).path("message").asText())
                .isEqualTo("The `granularity` query parameter value [second] is not one of [day,hour,minute]");
        assertThat(client.get(COUNTS + encode("(kafka")).status()).isEqualTo(400);
        assertThat(client.get(COUNTS + "kafka&end_time=" + Instant.now().truncatedTo(ChronoUnit.SECONDS)).status())
                .isEqualTo(400);
        assertThat(client.get("2/tweets/counts/recent").status()).isEqualTo(400);
        assertThat(client.get(COUNTS + "kafka&max_results=10").status()).isEqualTo(400);
        assertThat(new V2Client(simulator, null).get(COUNTS + "kafka").status()).isEqualTo(401);
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
