package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.TestConfigs;
import io.tweetstream.connect.TwitterSourceConnector;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.RuleChange;
import io.tweetstream.simulator.StreamRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * The X API v2 filtered stream's rules, which only v2 has: the connector keeps its own rules in line
 * with its config beside other users' rules, X applies a change to the open connection, and
 * validation asks X before anything changes.
 */
class V2RulesIT extends ScenarioSuite {

    V2RulesIT() {
        super(StreamApi.V2);
    }

    private void startSimulator() {
        startSimulator(settings -> settings.seed(11).tweetsPerSecond(100).keepAliveInterval(Duration.ofMillis(200)));
    }

    /** A rule another user of the app made, through X's API as that user would. */
    private void addForeignRule(String value, String tag) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator().v2BaseUrl() + "2/tweets/search/stream/rules"))
                .header("Authorization", "Bearer " + TestConfigs.BEARER_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"add\":[{\"value\":\"" + value + "\",\"tag\":\"" + tag + "\"}]}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** {@code count} rules of other users, added as X allows, many to a request. */
    private void addForeignRules(int count) throws Exception {
        for (int from = 0; from < count; from += 500) {
            String rules = java.util.stream.IntStream.range(from, Math.min(count, from + 500))
                    .mapToObj(i -> "{\"value\":\"foreign" + i + "\",\"tag\":\"someone else's\"}")
                    .collect(Collectors.joining(","));
            HttpRequest request = HttpRequest.newBuilder(URI.create(simulator().v2BaseUrl() + "2/tweets/search/stream/rules"))
                    .header("Authorization", "Bearer " + TestConfigs.BEARER_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"add\":[" + rules + "]}"))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    private static List<String> keywords(SourceRecord record) {
        return ((Struct) record.value()).getArray(TweetSchema.MATCHED_KEYWORDS);
    }

    /**
     * X lists rules in pages of at most 1,000: with 1,200 rules of other users before its own, the
     * connector finds its rules on the second page, so a restart changes nothing.
     */
    @Test
    void theConnectorReadsEveryPageOfTheAppsRules() throws Exception {
        startSimulator(settings -> settings.seed(11).maxTweetsPerConnection(0).v2MaxRules(5_000));
        addForeignRules(1_200);
        Map<String, String> props = config("kafka,flink");
        props.put(TwitterSourceConfig.V2_MAX_RULES, "5000"); // an Enterprise app's
        new TwitterSourceConnector().start(props);
        int changesAfterFirstStart = simulator().ruleChanges().size();

        new TwitterSourceConnector().start(props);

        assertThat(simulator().ruleChanges()).as("a restart with the same config changes no rule")
                .hasSize(changesAfterFirstStart);
        assertThat(simulator().rules()).hasSize(1_202)
                .filteredOn(r -> r.tag().startsWith("tweetstream:")).extracting(StreamRule::value)
                .containsExactlyInAnyOrder("kafka", "flink");
    }

    @Test
    void theConnectorChangesOnlyItsOwnRules() throws Exception {
        startSimulator(settings -> settings.seed(11).maxTweetsPerConnection(0));
        addForeignRule("cats", "someone else's");
        addForeignRule("dogs", "tweetstream:another-connector:0:dogs");
        new TwitterSourceConnector().start(config("kafka,flink"));
        String kafkaRuleId = simulator().rules().stream().filter(r -> r.value().equals("kafka")).findFirst()
                .orElseThrow().id();
        int changesBefore = simulator().ruleChanges().size();

        new TwitterSourceConnector().start(config("kafka,spark"));

        assertThat(simulator().rules()).extracting(StreamRule::value, StreamRule::tag).containsExactlyInAnyOrder(
                tuple("cats", "someone else's"),
                tuple("dogs", "tweetstream:another-connector:0:dogs"),
                tuple("kafka", "tweetstream:tweets:0:kafka"),
                tuple("spark", "tweetstream:tweets:0:spark"));
        assertThat(simulator().rules()).filteredOn(r -> r.value().equals("kafka")).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(kafkaRuleId));
        List<RuleChange> changes = simulator().ruleChanges();
        assertThat(changes.subList(changesBefore, changes.size()))
                .extracting(RuleChange::kind, c -> c.rule().value())
                .containsExactly(tuple(RuleChange.Kind.DELETED, "flink"), tuple(RuleChange.Kind.ADDED, "spark"));
    }

    @Test
    void aRuleAddedWhileStreamingReachesTheOpenConnection() {
        startSimulator();
        PolledTask task = startTask(config("kafka"));
        assertThat(task.pollUntilWritten(20)).allSatisfy(r -> assertThat(keywords(r)).containsExactly("kafka"));

        new TwitterSourceConnector().start(config("kafka,flink"));

        task.pollUntil(() -> task.written().stream().anyMatch(r -> keywords(r).contains("flink")));
        assertThat(attempts()).singleElement().satisfies(a -> assertThat(a.httpStatus()).isEqualTo(200));
        assertThat(simulator().connections()).singleElement().satisfies(c -> assertThat(c.open()).isTrue());
    }

    @Test
    void validationAsksXAboutTheRulesWithoutChangingThem() throws Exception {
        startSimulator(settings -> settings.seed(11).v2MaxRuleLength(20));
        addForeignRule("flink", "someone else's");
        Map<String, String> props = config("kafka,flink,apache spark structured streaming");

        Map<String, List<String>> errors = new TwitterSourceConnector().validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.TRACK_KEYWORDS);
        assertThat(errors.get(TwitterSourceConfig.TRACK_KEYWORDS).get(0))
                .contains("the rule 'flink' already exists in this app with the tag 'someone else's'");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,apache spark structured streaming");
        assertThat(errorsOf(props, TwitterSourceConfig.TRACK_KEYWORDS)).singleElement().asString()
                .contains("X would not create these rules", "apache spark structured streaming");
        assertThat(simulator().rules()).extracting(StreamRule::value).containsExactly("flink");
        assertThat(simulator().ruleChanges()).hasSize(1);

        props.put(TwitterSourceConfig.V2_BEARER_TOKEN, "wrong-token");
        assertThat(errorsOf(props, TwitterSourceConfig.V2_BEARER_TOKEN)).singleElement().asString()
                .contains("HTTP 401").doesNotContain("wrong-token");
        assertThat(attempts()).extracting(ConnectionAttempt::httpStatus).as("no stream opened").isEmpty();
    }

    /**
     * A phrase of this connector's that moves to another task (tasks.max went down) is a duplicate to
     * X's dry run, which knows nothing of the sync's delete of the old rule: no error, and the sync
     * replaces the rule.
     */
    @Test
    void validationTakesAPhraseMovingBetweenTheConnectorsOwnTasks() throws Exception {
        startSimulator(settings -> settings.seed(11).maxTweetsPerConnection(0).v2MaxRuleLength(20));
        addForeignRule("kafka", "tweetstream:tweets:1:kafka");
        Map<String, String> props = config("kafka,flink");

        assertThat(errorsOf(props, TwitterSourceConfig.TRACK_KEYWORDS)).isEmpty();
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,apache spark structured streaming");
        assertThat(errorsOf(props, TwitterSourceConfig.TRACK_KEYWORDS)).as("X's other refusals still count")
                .singleElement().asString().contains("apache spark structured streaming").doesNotContain("'kafka'");

        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,flink");
        new TwitterSourceConnector().start(props);
        assertThat(simulator().rules()).extracting(StreamRule::value, StreamRule::tag).containsExactlyInAnyOrder(
                tuple("kafka", "tweetstream:tweets:0:kafka"), tuple("flink", "tweetstream:tweets:0:flink"));
    }

    private static List<String> errorsOf(Map<String, String> props, String key) {
        return new TwitterSourceConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(key)).findFirst().orElseThrow().errorMessages();
    }
}
