package io.tweetstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.StreamRule;
import io.tweetstream.simulator.StreamSimulator;
import io.tweetstream.testkit.ConnectRest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged plugin on a real distributed worker and broker, reading the X API v2 filtered stream
 * of the simulator: created by a REST POST of {@code config/twitter-source.json}, validated by X's
 * dry run through the REST API, reconfigured and deleted while other users' rules stay untouched. The
 * worker has exactly-once source support enabled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XApiConnectWorkerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path WORK = Path.of("target", "e2e-v2").toAbsolutePath();
    private static final Path REST_JSON = Path.of("..", "config", "twitter-source.json");
    private static final String BEARER_TOKEN = "e2e-bearer-token";
    private static final String FOREIGN_TAG = "another user's rule";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectPlatform platform;
    private ConnectRest rest;
    private StreamSimulator simulator;

    @BeforeAll
    void startPlatform() throws Exception {
        // Exactly-once source support on: every test's connector runs with transactions.
        platform = ConnectPlatform.start(WORK, Map.of("exactly.once.source.support", "enabled"));
        rest = platform.rest();
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(40).maxTweetsPerConnection(60)
            .keepAliveInterval(Duration.ofMillis(500)).v2MaxConnections(4).v2MaxRuleLength(40)
            .acceptedBearerTokens(Set.of(BEARER_TOKEN)).build());
        addForeignRule("java", FOREIGN_TAG);
    }

    @AfterAll
    void stopPlatform() {
        if (simulator != null) {
            simulator.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /** The shipped v2 JSON with a new name, the simulator's URL and the given settings on top. */
    private ObjectNode restBody(String name, String... keyValues) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(REST_JSON.toFile());
        body.put("name", name);
        ObjectNode config = (ObjectNode) body.get("config");
        config.put("twitter.v2.base.url", simulator.v2BaseUrl());
        config.put("twitter.v2.bearer.token", BEARER_TOKEN);
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    private void addForeignRule(String value, String tag) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.v2BaseUrl() + "2/tweets/search/stream/rules"))
            .header("Authorization", "Bearer " + BEARER_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"add\":[{\"value\":\"" + value + "\",\"tag\":\"" + tag + "\"}]}"))
            .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private List<StreamRule> rulesOf(String connector) {
        return simulator.rules().stream().filter(r -> r.tag() != null && r.tag().startsWith("tweetstream:" + connector + ":"))
            .toList();
    }

    /** The open v2 filtered streams the simulator accepted after the first {@code skip} connections. */
    private List<ConnectionInfo> openV2Connections(int skip) {
        List<ConnectionInfo> all = simulator.connections();
        return all.subList(skip, all.size()).stream()
            .filter(c -> c.endpoint() == StreamEndpoint.V2_FILTERED && c.open()).toList();
    }

    private Map<String, List<String>> validationErrors(JsonNode config) {
        return rest.validationErrors("TwitterSourceConnector", config);
    }

    @Test
    void restPostOfTheV2ExampleWritesEveryMatchingTweetOnceOnTwoConnections() throws Exception {
        String topic = "tweets-v2";
        ObjectNode body = restBody("x-source", "tasks.max", "3", "twitter.v2.max.connections", "2", "topic", topic,
            "twitter.track.keywords", "kafka,apache spark,flink,data engineering");

        int earlier = simulator.connections().size();
        ConnectRest.Response created = rest.post("/connectors", body);

        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        rest.awaitRunning("x-source", 2, DEADLINE);
        assertThat(rulesOf("x-source")).extracting(StreamRule::value)
            .containsExactlyInAnyOrder("kafka", "apache spark", "flink", "data engineering");
        assertThat(simulator.rules()).filteredOn(r -> FOREIGN_TAG.equals(r.tag())).hasSize(1);
        await().atMost(DEADLINE).until(() -> openV2Connections(earlier).size() == 2
            && openV2Connections(earlier).stream().allMatch(c -> c.tweetsSent() == 60));

        // X sends every tweet to every connection; each task writes the tweets of its own rules.
        // A tweet sent on both connections must be written exactly once; one sent before the other
        // task connected is written only if it is the connected task's.
        Set<Long> connectionIds = openV2Connections(earlier).stream().map(ConnectionInfo::id).collect(Collectors.toSet());
        Map<Long, List<SentTweet>> ours = simulator.sentTweets().stream()
            .filter(t -> connectionIds.contains(t.connectionId()))
            .filter(t -> t.matchingRules().stream().anyMatch(r -> r.tag().startsWith("tweetstream:x-source:")))
            .collect(Collectors.groupingBy(SentTweet::id));
        Set<Long> onBoth = ours.entrySet().stream().filter(e -> e.getValue().size() == 2).map(Map.Entry::getKey)
            .collect(Collectors.toSet());
        assertThat(onBoth).hasSizeGreaterThan(30);
        List<TweetTopic.Tweet> received = new ArrayList<>();
        try (TweetTopic tweets = new TweetTopic(platform.bootstrapServers(), topic)) {
            await().atMost(DEADLINE).until(() -> {
                received.addAll(tweets.poll());
                return received.stream().map(TweetTopic.Tweet::key).collect(Collectors.toSet()).containsAll(onBoth);
            });
            for (int quiet = 0; quiet < 4; quiet++) {
                received.addAll(tweets.poll()); // anything more than once would be a duplicate
            }
        }
        assertThat(received).extracting(TweetTopic.Tweet::key).doesNotHaveDuplicates()
            .isSubsetOf(ours.keySet().toArray());
        Map<String, String> phraseByRuleId = simulator.rules().stream().collect(Collectors.toMap(StreamRule::id, StreamRule::value));
        for (TweetTopic.Tweet tweet : received) {
            List<String> expected = ours.get((Long) tweet.key()).get(0).matchingRules().stream()
                .filter(r -> r.tag().startsWith("tweetstream:x-source:"))
                .map(r -> phraseByRuleId.get(r.id())).distinct().toList();
            Struct value = (Struct) tweet.value();
            assertThat(value.<String>getArray("matched_keywords")).containsExactlyInAnyOrderElementsOf(expected);
            // What the Spark job reads instead of the value, as the worker's default header converter wrote it.
            assertThat(JSON.readValue(tweet.keywordsHeader(), List.class)).isEqualTo(value.getArray("matched_keywords"));
            assertThat(tweet.timestamp()).isEqualTo(((Date) value.get("created_at")).getTime());
        }
        assertThat(rest.delete("/connectors/x-source").status()).isEqualTo(204);
    }

    @Test
    void exactlyOnceRequiredIsAcceptedAndTweetsAreCommittedOnceAcrossTaskAndWorkerRestarts() throws Exception {
        String topic = "tweets-v2-eos";
        ObjectNode body = restBody("x-eos", "name", "x-eos", "topic", topic, "twitter.track.keywords", "exactly",
            "exactly.once.support", "required");

        assertThat(validationErrors(body.get("config"))).isEmpty();
        ConnectRest.Response created = rest.post("/connectors", body);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        rest.awaitRunning("x-eos", 1, DEADLINE);

        List<TweetTopic.Tweet> committed = new ArrayList<>();
        try (TweetTopic tweets = new TweetTopic(platform.bootstrapServers(), topic, true)) {
            // The simulator's tweets are spread over every rule of the app, the other tests' too.
            await().atMost(DEADLINE).until(() -> {
                committed.addAll(tweets.poll());
                return committed.size() >= 3;
            });
            int beforeRestart = committed.size();
            assertThat(rest.post("/connectors/x-eos/tasks/0/restart", "").status()).isIn(200, 204);
            rest.awaitRunning("x-eos", 1, DEADLINE);
            await().atMost(DEADLINE).until(() -> {
                committed.addAll(tweets.poll());
                return committed.size() >= beforeRestart + 3;
            });

            int beforeWorkerRestart = committed.size();
            platform.restartWorker();
            rest = platform.rest();
            rest.awaitRunning("x-eos", 1, DEADLINE);
            await().atMost(DEADLINE).until(() -> {
                committed.addAll(tweets.poll());
                return committed.size() >= beforeWorkerRestart + 3;
            });
        }
        assertThat(committed).extracting(TweetTopic.Tweet::key).doesNotHaveDuplicates();
        assertThat(committed).allSatisfy(t ->
            assertThat(((Struct) t.value()).<String>getArray("matched_keywords")).containsExactly("exactly"));
        assertThat(rest.delete("/connectors/x-eos").status()).isEqualTo(204);
    }

    @Test
    void validationThroughRestAsksXAndNamesTheKey() throws Exception {
        JsonNode config = restBody("validate-v2", "name", "validate-v2", "twitter.track.keywords", "hadoop,java")
            .get("config");

        Map<String, List<String>> duplicate = validationErrors(config);

        assertThat(duplicate).containsOnlyKeys("twitter.track.keywords");
        assertThat(duplicate.get("twitter.track.keywords").get(0))
            .contains("the rule 'java' already exists in this app with the tag '" + FOREIGN_TAG + "'");

        ((ObjectNode) config).put("twitter.track.keywords", "hadoop,a phrase much longer than forty characters");
        assertThat(validationErrors(config).get("twitter.track.keywords")).singleElement().asString()
            .contains("X would not create these rules", "a phrase much longer than forty characters");

        ((ObjectNode) config).put("twitter.track.keywords", "hadoop");
        ((ObjectNode) config).put("twitter.v2.bearer.token", "not-the-token");
        Map<String, List<String>> badToken = validationErrors(config);
        assertThat(badToken).containsOnlyKeys("twitter.v2.bearer.token");
        assertThat(badToken.toString()).contains("HTTP 401").doesNotContain("not-the-token");

        assertThat(rulesOf("validate-v2")).isEmpty();
    }

    @Test
    void reconfigureReplacesOnlyTheConnectorsOwnRulesAndDeleteClosesItsConnection() throws Exception {
        ObjectNode body = restBody("x-life", "topic", "tweets-v2-life", "twitter.track.keywords", "storm,beam");
        assertThat(rest.post("/connectors", body).status()).isEqualTo(201);
        rest.awaitRunning("x-life", 1, DEADLINE);
        String stormId = rulesOf("x-life").stream().filter(r -> r.value().equals("storm")).findFirst().orElseThrow().id();
        Set<String> othersBefore = simulator.rules().stream().filter(r -> !rulesOf("x-life").contains(r))
            .map(StreamRule::id).collect(Collectors.toSet());

        ((ObjectNode) body.get("config")).put("twitter.track.keywords", "storm,samza");
        assertThat(rest.put("/connectors/x-life/config", body.get("config")).status()).isEqualTo(200);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(rulesOf("x-life"))
            .extracting(StreamRule::value).containsExactlyInAnyOrder("storm", "samza"));
        assertThat(rulesOf("x-life")).filteredOn(r -> r.value().equals("storm")).singleElement()
            .satisfies(r -> assertThat(r.id()).isEqualTo(stormId));
        Set<String> othersAfter = simulator.rules().stream().map(StreamRule::id).collect(Collectors.toCollection(HashSet::new));
        assertThat(othersAfter).containsAll(othersBefore);
        rest.awaitRunning("x-life", 1, DEADLINE);

        assertThat(rest.delete("/connectors/x-life").status()).isEqualTo(204);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(platform.worker().threadNames())
            .noneMatch(name -> name.startsWith("tweetstream-task-x-life")));
    }
}
