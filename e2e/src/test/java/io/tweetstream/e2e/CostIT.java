package io.tweetstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import io.tweetstream.testkit.ConnectRest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the connector spends, on a real worker with the packaged plugin, against the simulator's
 * billing: a daily budget stops the billing within a read batch of it and resumes on the next UTC
 * day of X's clock (the simulator's, moved forward), across a task restart too; used-up credits fail
 * the task with X's error and what to do; and the estimate logged at validation equals the
 * simulator's own rates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Path WORK = Path.of("target", "e2e-cost").toAbsolutePath();
    private static final String BEARER_TOKEN = "e2e-cost-token";
    private static final String KEYWORDS = "kafka,flink,apache spark";
    private static final long BUDGET = 300;
    /** The project's cap: the budget test's two days reach a tenth of it, where its connector warns. */
    private static final long MONTHLY_CAP = 5_000;
    /** The most Posts X may send past the budget: those already on their way when the task closes its connection. */
    private static final long ONE_READ_BATCH = 50;
    /** The shortest usage interval the connector allows: while stopped, it learns X's day from the usage answers. */
    private static final String USAGE_INTERVAL_MS = "18000";

    private ConnectPlatform platform;
    private StreamSimulator simulator;

    @BeforeAll
    void start() {
        platform = ConnectPlatform.start(WORK);
        simulator = StreamSimulator.start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE)
            .continuousTweets(true).tweetsPerSecond(40).seed(1515).monthlyPostCap(MONTHLY_CAP)
            .acceptedBearerTokens(Set.of(BEARER_TOKEN)).build());
    }

    @AfterAll
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private ObjectNode restBody(String name, String topic, StreamSimulator to) {
        return ConnectorConfigs.v2RestBody("twitter-source.json", name, to.v2BaseUrl(), BEARER_TOKEN, topic,
            Map.of("twitter.track.keywords", KEYWORDS, "twitter.v2.usage.poll.interval.ms", USAGE_INTERVAL_MS));
    }

    private LocalDate billingDay() {
        return LocalDate.ofInstant(simulator.billingNow(), ZoneOffset.UTC);
    }

    /** The billing count holds still at the budget, give or take a read batch, for a while. */
    private void assertBillingStopsAt(LocalDate day) throws InterruptedException {
        await().atMost(DEADLINE).until(() -> simulator.postsBilled(day) >= BUDGET);
        Thread.sleep(5_000);
        long stoppedAt = simulator.postsBilled(day);
        assertThat(stoppedAt).isBetween(BUDGET, BUDGET + ONE_READ_BATCH);
        Thread.sleep(10_000);
        assertThat(simulator.postsBilled(day)).as("no Post billed once the budget is reached").isEqualTo(stoppedAt);
        assertThat(simulator.openConnectionCount()).as("the task holds no connection while stopped").isZero();
    }

    @Test
    void aDailyBudgetStopsTheBillingAndResumesOnTheNextUtcDayAcrossARestart() throws Exception {
        String name = "x-budget";
        ObjectNode body = restBody(name, "tweets-budget", simulator);
        ((ObjectNode) body.get("config")).put("twitter.v2.budget.posts.per.day", Long.toString(BUDGET));
        ((ObjectNode) body.get("config")).put("twitter.v2.budget.warn.fractions", "0.1,0.5");
        ConnectRest rest = platform.rest();
        assertThat(rest.post("/connectors", body).status()).isEqualTo(201);
        rest.awaitRunning(name, 1, DEADLINE);

        LocalDate firstDay = billingDay();
        assertBillingStopsAt(firstDay);
        await().atMost(DEADLINE).until(() -> platform.worker().log().contains(
            "Stopped reading the filtered stream: the daily budget of " + BUDGET + " Posts is reached"));
        assertThat(rest.states(name)).containsValue("RUNNING");
        assertThat(platform.worker().log()).contains("50% of the daily Post budget is read: 150 of 300 Posts");

        // Nothing read is dropped: every Post sent for the connector's rules is in the topic.
        Set<Long> sent = simulator.sentTweets().stream()
            .filter(t -> t.matchingRules().stream().anyMatch(r -> r.tag().startsWith("tweetstream:" + name + ":")))
            .map(SentTweet::id).collect(Collectors.toSet());
        assertThat(sent).isNotEmpty();
        Set<Object> written = new HashSet<>();
        try (TweetTopic topic = new TweetTopic(platform.bootstrapServers(), "tweets-budget")) {
            await().atMost(DEADLINE).until(() -> {
                topic.poll().forEach(t -> written.add(t.key()));
                return written.containsAll(sent);
            });
        }

        // A restarted task resumes from the spend in its offsets, and stays stopped.
        assertThat(rest.post("/connectors/" + name + "/tasks/0/restart", "").status()).isIn(200, 204);
        rest.awaitRunning(name, 1, DEADLINE);
        await().atMost(DEADLINE).until(() -> platform.worker().log().contains("Resuming the Post budgets from the previous run"));
        Thread.sleep(10_000);
        assertThat(simulator.postsBilled(firstDay)).isBetween(BUDGET, BUDGET + ONE_READ_BATCH);

        // X's next UTC day: the budget renews, the task reads again, up to the budget again.
        simulator.advanceBillingClock(Duration.ofDays(1));
        LocalDate nextDay = billingDay();
        assertThat(nextDay).isEqualTo(firstDay.plusDays(1));
        await().atMost(DEADLINE).until(() -> platform.worker().log().contains("The Post budget renewed (" + nextDay));
        assertBillingStopsAt(nextDay);
        assertThat(simulator.postsBilled(firstDay)).isBetween(BUDGET, BUDGET + ONE_READ_BATCH);
        // X's own count, from the usage the task asks for, against the project's cap.
        Pattern capWarning = Pattern.compile("The project has read [0-9]+% of its monthly cap by X's count: ([0-9]+) of "
            + MONTHLY_CAP + " Posts");
        await().atMost(DEADLINE).until(() -> capWarning.matcher(platform.worker().log()).find());
        assertThat(rest.delete("/connectors/" + name).status()).isIn(200, 204);
    }

    @Test
    void usedUpCreditsFailTheTaskWithXsErrorAndWhatToDo() throws Exception {
        try (StreamSimulator broke = StreamSimulator.start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE)
                .continuousTweets(true).tweetsPerSecond(40).seed(1616).creditPosts(100)
                .acceptedBearerTokens(Set.of(BEARER_TOKEN)).build())) {
            String name = "x-credits";
            ConnectRest rest = platform.rest();
            assertThat(rest.post("/connectors", restBody(name, "tweets-credits", broke)).status()).isEqualTo(201);
            await().atMost(DEADLINE).until(() -> "FAILED".equals(rest.states(name).get("0")));
            JsonNode task = rest.get("/connectors/" + name + "/status").body().path("tasks").get(0);
            assertThat(task.path("trace").asText())
                .contains("HTTP 402 CreditsDepleted")
                .contains("Buy credits in X's Developer Console")
                .doesNotContain(BEARER_TOKEN);
            assertThat(broke.postsBilledTotal()).isLessThanOrEqualTo(100);
            assertThat(rest.delete("/connectors/" + name).status()).isIn(200, 204);
        }
    }

    @Test
    void theEstimateAtValidationIsTheSimulatorsRateForTheRules() throws Exception {
        // The simulator makes Posts for the rules in force, so the rules are put in place first, by the
        // connector, and its config is then validated again, as an update would be.
        String name = "x-estimate";
        String keywords = "java,streaming,data engineering";
        ObjectNode body = restBody(name, "tweets-estimate", simulator);
        ObjectNode config = (ObjectNode) body.get("config");
        config.put("twitter.track.keywords", keywords);
        config.put("twitter.v2.budget.posts.per.day", "1000");
        config.put("name", name);
        ConnectRest rest = platform.rest();
        assertThat(rest.post("/connectors", body).status()).isEqualTo(201);
        rest.awaitRunning(name, 1, DEADLINE);
        assertThat(rest.validationErrors("TwitterSourceConnector", config)).isEmpty();

        Pattern line = Pattern.compile("Cost estimate: the rules of connector '" + name + "' matched about ([0-9,]+) Posts a day"
            + "[^\\n]*");
        // The last such line: the worker validated the config once before the connector's rules were in force.
        String log = platform.worker().log();
        Matcher found = line.matcher(log);
        String last = null;
        while (found.find()) {
            last = found.group(0);
        }
        assertThat(last).isNotNull();
        found = line.matcher(last);
        assertThat(found.find()).isTrue();
        double logged = Double.parseDouble(found.group(1).replace(",", ""));
        double expected = List.of(keywords.split(",")).stream()
            .mapToDouble(keyword -> simulator.matchRatePerSecond(keyword) * 86_400).sum();
        assertThat(expected).isGreaterThan(1_000);
        assertThat(logged).as("the estimate against the simulator's configured rates").isCloseTo(expected,
            Percentage.withPercentage(2));
        assertThat(found.group(0)).contains(" a day and $").contains(" a month at $0.005 a Post")
            .contains("the daily budget of 1,000 Posts runs out after about ");
        assertThat(log).contains("Cost estimate: task 0's rules matched about");
        assertThat(rest.delete("/connectors/" + name).status()).isIn(200, 204);
    }
}
