package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import static io.tweetstream.simulator.testing.V2Client.FILTERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pay-per-use billing over real HTTP: each Post once per app and UTC day, the credit, the monthly cap, the Date. */
class V2BillingIT {

    private static final String SEARCH = "2/tweets/search/recent?max_results=100&query=";
    private static final Duration ONE_DAY = Duration.ofDays(1);

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aPostStreamedAgainTheSameDayIsBilledOnceAndAgainTheNextDay() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(200).maxTweetsPerConnection(20)
                .keepAliveInterval(Duration.ofMillis(100)));
        client.addRule("kafka", null);
        LocalDate today = billingDay();

        List<Long> first = readAll(client, FILTERED, 20);
        List<Long> again = readAll(client, FILTERED + "?backfill_minutes=1", 20);
        assertThat(again).as("the backfill resends what the first connection got").isEqualTo(first);
        assertThat(simulator.postsBilled(today)).isEqualTo(20);

        simulator.advanceBillingClock(ONE_DAY);
        List<Long> nextDay = readAll(client, FILTERED + "?backfill_minutes=1", 20);

        assertThat(nextDay).isEqualTo(first);
        assertThat(simulator.postsBilled(today)).isEqualTo(20);
        assertThat(simulator.postsBilled(today.plusDays(1))).isEqualTo(20);
        assertThat(simulator.postsBilledTotal()).isEqualTo(40);
        assertThat(simulator.sentTweets()).hasSize(60);
    }

    @Test
    void aSearchPageIsBilledForItsDataOncePerDay() throws Exception {
        V2Client client = start(SimulatorSettings.builder());
        client.addRule("kafka", null);
        List<MadeTweet> made = simulator.madeEarlier(Duration.ofHours(1), 30);

        assertThat(client.get(SEARCH + "kafka&expansions=author_id").body().path("data")).hasSize(30);
        assertThat(client.get(SEARCH + "kafka").body().path("data")).hasSize(30);
        assertThat(simulator.postsBilled(billingDay())).as("includes are not billed, repeats neither").isEqualTo(30);

        simulator.advanceBillingClock(ONE_DAY);
        assertThat(client.get(SEARCH + "kafka&since_id=" + made.get(19).id()).body().path("data")).hasSize(10);

        assertThat(simulator.postsBilled(billingDay())).isEqualTo(10);
        assertThat(simulator.postsBilledTotal()).isEqualTo(40);
        assertThat(simulator.postsBilledThisCapPeriod()).isBetween(10L, 40L);
    }

    @Test
    void everyV2AnswerIsDatedByTheBillingClock() throws Exception {
        V2Client client = start(SimulatorSettings.builder().keepAliveInterval(Duration.ofMillis(100)));
        assertDatedByBillingClock(client.connect(FILTERED).headers());   // 409: no rules yet, written by HttpServer
        simulator.advanceBillingClock(Duration.ofDays(3).plusHours(5));
        client.addRule("kafka", null);

        assertDatedByBillingClock(client.get(V2Client.RULES).response().headers());
        assertDatedByBillingClock(client.get(SEARCH + "kafka").response().headers());
        assertDatedByBillingClock(client.get("2/usage/tweets").response().headers());
        assertDatedByBillingClock(client.get("2/tweets/counts/recent?query=kafka").response().headers());
        HttpResponse<InputStream> stream = client.connect(FILTERED);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertDatedByBillingClock(stream.headers());
        stream.body().close();
        assertThat(simulator.billingNow()).isAfter(Instant.now().plus(Duration.ofDays(3)));
    }

    @Test
    void spentCreditEndsTheStreamAfterThePostsItPaidForThenRefusesWith402UntilMoreIsBought() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(200).creditPosts(25)
                .keepAliveInterval(Duration.ofMillis(200)));
        client.addRule("kafka", null);

        try (StreamClient stream = client.open(FILTERED)) {
            assertThat(postsUntilEnd(stream)).as("Posts the credit paid for").isBetween(23, 25);
        }
        assertThat(simulator.postsBilledTotal()).isEqualTo(25);
        assertThat(simulator.creditPostsLeft()).isZero();
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);

        HttpResponse<InputStream> refused = client.connect(FILTERED);
        assertThat(refused.statusCode()).isEqualTo(402);
        JsonNode depleted = Json.parse("{\"title\":\"CreditsDepleted\",\"detail\":\"Your enrolled account ["
                + io.tweetstream.simulator.billing.AppIds.ofAccount(42) + "] does not have any credits to fulfill this "
                + "request.\",\"type\":\"https://api.twitter.com/2/problems/credits\"}");
        assertThat(V2Client.body(refused)).isEqualTo(depleted);
        V2Client.Answer search = client.get(SEARCH + "kafka");
        assertThat(search.status()).isEqualTo(402);
        assertThat(search.body()).isEqualTo(depleted);
        assertThat(client.get("2/usage/tweets").status()).as("usage keeps answering").isEqualTo(200);
        assertThat(client.get(V2Client.RULES).status()).as("rules keep answering").isEqualTo(200);
        assertThat(client.get("2/tweets/counts/recent?query=kafka").status()).isEqualTo(200);

        simulator.setCreditPosts(10);
        try (StreamClient stream = client.open(FILTERED)) {
            assertThat(postsUntilEnd(stream)).isBetween(8, 10);
        }
        assertThat(simulator.postsBilledTotal()).isEqualTo(35);
    }

    @Test
    void theMonthlyCapEndsStreamsWith429UsageCapExceededUntilTheNextCapPeriod() throws Exception {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(200).monthlyPostCap(15)
                .capResetDay(tomorrow.getDayOfMonth()).keepAliveInterval(Duration.ofMillis(200)));
        client.addRule("kafka", null);

        try (StreamClient stream = client.open(FILTERED)) {
            assertThat(postsUntilEnd(stream)).isBetween(13, 15);
        }
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        HttpResponse<InputStream> capped = client.connect(FILTERED);

        assertThat(capped.statusCode()).isEqualTo(429);
        assertThat(V2Client.body(capped)).isEqualTo(Json.parse("{\"title\":\"UsageCapExceeded\",\"detail\":\"Usage "
                + "cap exceeded: Monthly product cap\",\"type\":\"https://api.twitter.com/2/problems/usage-capped\","
                + "\"period\":\"Monthly\",\"scope\":\"Product\"}"));
        assertThat(client.get(SEARCH + "kafka").status()).isEqualTo(429);
        assertThat(client.get("2/usage/tweets").body().path("data").path("project_usage").asText()).isEqualTo("15");

        simulator.advanceBillingClock(ONE_DAY);
        assertThat(simulator.postsBilledThisCapPeriod()).isZero();
        try (StreamClient stream = client.open(FILTERED)) {
            assertThat(stream.nextMessages(3)).allMatch(message -> message.has("data"));
        }
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.build());
        return new V2Client(simulator);
    }

    private LocalDate billingDay() {
        return LocalDate.ofInstant(simulator.billingNow(), ZoneOffset.UTC);
    }

    /** Opens a stream, reads {@code count} Posts, hangs up once the simulator recorded them all; their ids. */
    private List<Long> readAll(V2Client client, String pathAndQuery, int count) throws Exception {
        int before = simulator.sentTweets().size();
        List<Long> ids;
        try (StreamClient stream = client.open(pathAndQuery)) {
            ids = stream.nextMessages(count).stream().map(message -> message.path("data").path("id").asLong()).toList();
            await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentTweets().size() == before + count);
        }
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        return ids;
    }

    /** Reads the stream to its end, which must be a clean one; how many Posts it carried. */
    private static int postsUntilEnd(StreamClient stream) throws InterruptedException {
        int posts = 0;
        while (true) {
            StreamClient.Line line = stream.nextLine(StreamClient.DEADLINE);
            if (line.end()) {
                assertThat(line.failure()).as("a clean end of the body").isNull();
                return posts;
            }
            if (!line.isKeepAlive()) {
                assertThat(Json.parse(line.text()).has("data")).isTrue();
                posts++;
            }
        }
    }

    private void assertDatedByBillingClock(HttpHeaders headers) {
        List<String> dates = headers.allValues("date");
        assertThat(dates).as("one Date header").hasSize(1);
        Instant date = ZonedDateTime.parse(dates.get(0), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(date, simulator.billingNow()).abs()).isLessThan(Duration.ofSeconds(10));
        assertThat(Optional.of(dates.get(0))).get().asString().endsWith(" GMT");
    }
}
