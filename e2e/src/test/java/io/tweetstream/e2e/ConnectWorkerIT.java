package io.tweetstream.e2e;

import io.tweetstream.testkit.ChildJvm;
import io.tweetstream.testkit.ConnectRest;
import io.tweetstream.testkit.FreePorts;
import io.tweetstream.testkit.KafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged plugin as its users meet it: unzipped onto the plugin.path of a real distributed
 * Connect worker (a child process, with a real KRaft broker), created by a REST POST of the JSON in
 * {@code config/}, streaming from the simulator over HTTP, read back with a plain consumer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectWorkerIT {

    static final String CONNECTOR_CLASS = "io.tweetstream.connect.TwitterSourceConnector";
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path WORK = Path.of("target", "e2e").toAbsolutePath();

    private ConnectPlatform platform;
    private ConnectRest rest;
    private StreamSimulator simulator;

    @BeforeAll
    void startPlatform() {
        platform = ConnectPlatform.start(WORK);
        rest = platform.rest();
        simulator = StreamSimulator.start(SimulatorSettings.builder()
            .tweetsPerSecond(50).maxTweetsPerConnection(40).keepAliveInterval(Duration.ofMillis(500)).build());
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

    /** The connections the simulator accepted with one test's consumer key. */
    private List<ConnectionInfo> connections(String consumerKey) {
        return simulator.connections().stream().filter(c -> consumerKey.equals(c.consumerKey())).toList();
    }

    private static Map<String, String> credentials(String consumerKey, int tokens) {
        return ConnectorConfigs.credentials(consumerKey, tokens);
    }

    private void awaitRunning(String connector, int tasks) {
        rest.awaitRunning(connector, tasks, DEADLINE);
    }

    @Test
    void pluginIsLoadedFromThePluginPath() {
        ConnectRest.Response plugins = rest.get("/connector-plugins");

        assertThat(plugins.body().findValuesAsText("class")).contains(CONNECTOR_CLASS);
        JsonNode ours = null;
        for (JsonNode plugin : plugins.body()) {
            if (CONNECTOR_CLASS.equals(plugin.get("class").asText())) {
                ours = plugin;
            }
        }
        assertThat(ours.get("type").asText()).isEqualTo("source");
        assertThat(ours.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void threeTasksSplitTheKeywordsAndEveryMatchingTweetArrivesOnceWithItsKeyword() {
        new SplitScenario(rest, platform.bootstrapServers(), simulator, simulator.v1BaseUrl()).run();
    }

    @Test
    void validationReturnsTheFieldErrors() {
        Map<String, String> config = new HashMap<>(with(credentials("ck-validate", 1),
            "connector.class", CONNECTOR_CLASS, "name", "validate", "topic", "tweets", "tasks.max", "2",
            "twitter.track.keywords", "kafka,spark,flink"));

        // A v1.1 config from before v2 became the default: no twitter.api, OAuth keys only.
        Map<String, List<String>> upgraded = rest.validationErrors("TwitterSourceConnector", config);

        assertThat(upgraded).containsOnlyKeys("twitter.v2.bearer.token", "twitter.oauth.consumer.key",
            "twitter.oauth.consumer.secret", "twitter.oauth.access.token", "twitter.oauth.access.token.secret");
        assertThat(upgraded.get("twitter.v2.bearer.token").get(0))
            .contains("twitter.api now defaults to 'v2'", "set twitter.api=v1.1");
        assertThat(upgraded.get("twitter.oauth.access.token").get(0))
            .contains("applies only to Twitter's v1.1 statuses/filter stream", "set twitter.api=v1.1")
            .doesNotContain("1-access-token");

        config.put("twitter.api", "v1.1");
        config.put("twitter.locations", "1,2,3");
        config.put("max.batch.size", "0");
        config.put("topic", "my tweets");

        Map<String, List<String>> errors = rest.validationErrors("TwitterSourceConnector", config);

        assertThat(errors).containsOnlyKeys("twitter.locations", "max.batch.size", "topic");
        assertThat(errors.get("twitter.locations").get(0)).contains("Give four numbers per box");
        assertThat(errors.get("topic").get(0)).contains("characters other than ASCII alphanumerics");

        config.remove("twitter.locations");
        config.remove("max.batch.size");
        config.put("topic", "tweets");
        config.put("twitter.v2.max.rules", "10"); // a v2 key on a v1.1 connector
        Map<String, List<String>> tooFewTokens = rest.validationErrors("TwitterSourceConnector", config);

        assertThat(tooFewTokens).containsOnlyKeys("twitter.oauth.access.token", "twitter.v2.max.rules");
        assertThat(tooFewTokens.get("twitter.v2.max.rules").get(0)).contains("applies only to the X API v2 filtered stream");
        assertThat(tooFewTokens.toString()).contains("split across 2 tasks").doesNotContain("1-access-token");
    }

    /**
     * The workers log Twitter4j's {@code twitter4j.auth} and {@code HttpClientImpl} at DEBUG (see the
     * testkit's child-log4j2.properties), where Twitter4j logs the OAuth signature base string with
     * the consumer key and the access token: the plugin keeps them out of the log.
     */
    @Test
    void oauthDetailsStayOutOfTheWorkerLogWithTwitter4jAtDebug() {
        ObjectNode body = ConnectorConfigs.restBody("oauth-log", simulator.v1BaseUrl(),
            with(credentials("ck-oauth-log", 1), "topic", "tweets-oauth-log", "twitter.track.keywords", "kafka"));
        assertThat(rest.post("/connectors", body).status()).isEqualTo(201);
        awaitRunning("oauth-log", 1);
        await().atMost(DEADLINE).until(() -> connections("ck-oauth-log").stream().anyMatch(ConnectionInfo::open));
        await().atMost(DEADLINE).until(() -> platform.worker().log().contains("statuses/filter.json"));
        // The plugin's twitter4j.properties took effect in the plugin's class loader: Twitter4j logs through
        // the plugin's redacting factory (at DEBUG here), not its own pick of a logger.
        assertThat(platform.worker().log()).contains("Twitter4j logs through SLF4J, with its OAuth details left out");

        assertThat(platform.worker().log())
            .doesNotContain("ck-oauth-log", "1-access-token", "access-secret-1", "consumer-secret", "oauth_consumer_key",
                "oauth_token", "oauth_signature");
        assertThat(rest.delete("/connectors/oauth-log").status()).isEqualTo(204);
    }

    @Test
    void pauseResumeReconfigureAndDeleteCloseTheirConnections() {
        String topic = "tweets-lifecycle";
        ObjectNode body = ConnectorConfigs.restBody("lifecycle", simulator.v1BaseUrl(), with(credentials("ck-life", 1),
            "topic", topic, "twitter.track.keywords", "kafka"));
        assertThat(rest.post("/connectors", body).status()).isEqualTo(201);
        awaitRunning("lifecycle", 1);
        await().atMost(DEADLINE).until(() -> connections("ck-life").size() == 1 && connections("ck-life").get(0).open());

        assertThat(rest.putEmpty("/connectors/lifecycle/pause").status()).isEqualTo(202);
        await().atMost(DEADLINE).until(() -> rest.states("lifecycle").values().stream().allMatch("PAUSED"::equals));
        assertThat(rest.putEmpty("/connectors/lifecycle/resume").status()).isEqualTo(202);
        awaitRunning("lifecycle", 1);

        ObjectNode newConfig = ((ObjectNode) ConnectorConfigs.config(body)).put("twitter.track.keywords", "spark,flink");
        assertThat(rest.put("/connectors/lifecycle/config", newConfig).status()).isEqualTo(200);
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(connections("ck-life")).filteredOn(ConnectionInfo::open).singleElement()
                .satisfies(c -> assertThat(c.track()).containsExactly("spark", "flink"));
            assertThat(connections("ck-life")).filteredOn(c -> c.track().equals(List.of("kafka")))
                .allSatisfy(c -> assertThat(c.open()).isFalse());
        });
        awaitRunning("lifecycle", 1);

        assertThat(rest.delete("/connectors/lifecycle").status()).isEqualTo(204);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(connections("ck-life")).noneMatch(ConnectionInfo::open));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(platform.worker().threadNames())
            .noneMatch(name -> name.startsWith("Twitter Stream consumer") || name.startsWith("tweetstream-task-lifecycle")));
    }

    @Test
    void standaloneWorkerRunsTheShippedPropertiesExamples() throws Exception {
        Path dir = WORK.resolve("standalone");
        Properties worker = load(Path.of("..", "config", "connect-standalone.properties"));
        worker.setProperty("bootstrap.servers", platform.bootstrapServers());
        worker.setProperty("plugin.path", platform.pluginPath().toString());
        worker.setProperty("offset.storage.file.filename", dir.resolve("offsets").toString());
        worker.setProperty("listeners", "http://127.0.0.1:" + FreePorts.next());
        Properties connector = load(Path.of("..", "config", "twitter-source-v1.1.properties"));
        connector.setProperty("twitter.stream.base.url", simulator.v1BaseUrl());
        connector.setProperty("twitter.oauth.consumer.key", "ck-standalone");
        connector.setProperty("topic", "tweets-standalone");
        KafkaBroker.write(worker, dir.resolve("worker.properties"));
        KafkaBroker.write(connector, dir.resolve("connector.properties"));

        try (ChildJvm standalone = ChildJvm.start("connect-standalone", dir,
                "org.apache.kafka.connect.cli.ConnectStandalone",
                dir.resolve("worker.properties").toString(), dir.resolve("connector.properties").toString());
             TweetTopic tweets = new TweetTopic(platform.bootstrapServers(), "tweets-standalone")) {
            List<TweetTopic.Tweet> received = new ArrayList<>();
            await().atMost(DEADLINE).failFast("the standalone worker exited:\n" + standalone.logTail(),
                () -> !standalone.isAlive()).until(() -> {
                    received.addAll(tweets.poll());
                    return received.size() >= 40;
                });

            assertThat(connections("ck-standalone")).singleElement().satisfies(c -> assertThat(c.track())
                .containsExactly("kafka", "apache spark", "flink", "java", "data engineering"));
            assertThat(received).extracting(TweetTopic.Tweet::key).doesNotHaveDuplicates();
        }
    }

    private static Properties load(Path file) throws java.io.IOException {
        Properties props = new Properties();
        try (var in = java.nio.file.Files.newBufferedReader(file)) {
            props.load(in);
        }
        return props;
    }

    private static Map<String, String> with(Map<String, String> base, String... keyValues) {
        return ConnectorConfigs.with(base, keyValues);
    }
}
