package io.tweetstream.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tweetstream.connect.config.TwitterSourceConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwitterSourceConnectorTest {

    private final TwitterSourceConnector connector = new TwitterSourceConnector();

    private Map<String, List<String>> validationErrors(Map<String, String> props) {
        return connector.validate(props).configValues().stream()
                .filter(value -> !value.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static String phrases(int count) {
        return IntStream.range(0, count).mapToObj(i -> "phrase" + i).collect(Collectors.joining(","));
    }

    @Test
    void validConfigValidatesCleanly() {
        assertThat(validationErrors(TestConfigs.valid())).isEmpty();
    }

    @Test
    void validationReportsFieldErrorsByKey() {
        Map<String, String> props = TestConfigs.with(TwitterSourceConfig.LOCATIONS, "1,2,3");
        props.remove(TwitterSourceConfig.TOPIC);

        Map<String, List<String>> errors = validationErrors(props);

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.LOCATIONS, TwitterSourceConfig.TOPIC);
        assertThat(errors.get(TwitterSourceConfig.LOCATIONS).get(0)).contains("Give four numbers per box");
    }

    @Test
    void validationSaysWhenThereAreFewerCredentialSetsThanTasks() {
        Map<String, String> props = TestConfigs.valid();
        props.put("tasks.max", "3");
        props.put(TwitterSourceConfig.ACCESS_TOKEN, "t1,t2");
        props.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, "s1,s2");

        Map<String, List<String>> errors = validationErrors(props);

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.ACCESS_TOKEN);
        assertThat(errors.get(TwitterSourceConfig.ACCESS_TOKEN).get(0))
                .contains("split across 3 tasks", "2 access token(s) were given", "lower tasks.max to 2")
                .doesNotContain("t1", "s1");
    }

    @Test
    void fewerTasksNeededThanTokensIsFine() {
        Map<String, String> props = TestConfigs.valid();
        props.put("tasks.max", "5");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,spark");
        props.put(TwitterSourceConfig.ACCESS_TOKEN, "t1,t2");
        props.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, "s1,s2");

        assertThat(validationErrors(props)).isEmpty();
    }

    @Test
    void validationSaysWhenPhrasesDoNotFitTheTasks() {
        Map<String, String> props = TestConfigs.with(TwitterSourceConfig.TRACK_KEYWORDS, phrases(401));

        assertThat(validationErrors(props).get(TwitterSourceConfig.TRACK_KEYWORDS).get(0))
                .contains("401 track phrases need at least 2 tasks", "raise tasks.max to 2");
    }

    @Test
    void validationNeedsSomethingToStream() {
        Map<String, String> props = TestConfigs.with(TwitterSourceConfig.TRACK_KEYWORDS, "");

        assertThat(validationErrors(props).get(TwitterSourceConfig.TRACK_KEYWORDS).get(0))
                .contains("Give track keywords, follow user ids or locations");
    }

    @Test
    void followOnlyConfigIsValid() {
        Map<String, String> props = TestConfigs.with(TwitterSourceConfig.TRACK_KEYWORDS, "");
        props.put(TwitterSourceConfig.FOLLOW_USER_IDS, "6253282");

        assertThat(validationErrors(props)).isEmpty();
    }

    @Test
    void taskConfigsCarryEachTasksShareAndOnlyItsOwnCredentials() {
        Map<String, String> props = TestConfigs.valid();
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "a,b,c,d,e");
        props.put(TwitterSourceConfig.FOLLOW_USER_IDS, "42");
        props.put(TwitterSourceConfig.LOCATIONS, "-74,40,-73,41");
        props.put(TwitterSourceConfig.ACCESS_TOKEN, "t1,t2,t3");
        props.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, "s1,s2,s3");
        connector.start(props);

        List<Map<String, String>> tasks = connector.taskConfigs(3);

        assertThat(tasks).extracting(t -> t.get(TwitterSourceConfig.TRACK_KEYWORDS))
                .containsExactly("a,b", "c,d", "e");
        assertThat(tasks).extracting(t -> t.get(TwitterSourceConfig.ACCESS_TOKEN)).containsExactly("t1", "t2", "t3");
        assertThat(tasks).extracting(t -> t.get(TwitterSourceConfig.ACCESS_TOKEN_SECRET))
                .containsExactly("s1", "s2", "s3");
        assertThat(tasks).extracting(t -> t.get(TwitterSourceConfig.FOLLOW_USER_IDS)).containsExactly("42", "", "");
        assertThat(tasks).extracting(t -> t.get(TwitterSourceConfig.LOCATIONS)).containsExactly("-74,40,-73,41", "", "");
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.get(TwitterSourceConfig.CONSUMER_KEY)).isEqualTo(TestConfigs.CONSUMER_KEY);
            assertThat(t.get(TwitterSourceConfig.TOPIC)).isEqualTo("tweets");
            new TwitterSourceConfig(t); // every task config is itself valid
        });
    }

    @Test
    void taskConfigsAreTheSameForTheSameConfig() {
        connector.start(TestConfigs.with(TwitterSourceConfig.TRACK_KEYWORDS, phrases(50)));
        List<Map<String, String>> first = connector.taskConfigs(1);
        connector.start(TestConfigs.with(TwitterSourceConfig.TRACK_KEYWORDS, phrases(50)));

        assertThat(connector.taskConfigs(1)).isEqualTo(first);
    }

    @Test
    void taskConfigsFailClearlyWhenTasksLackCredentials() {
        Map<String, String> props = TestConfigs.valid();
        connector.start(props);

        assertThatThrownBy(() -> connector.taskConfigs(2))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("split across 2 tasks")
                .hasMessageNotContaining(TestConfigs.ACCESS_TOKEN);
    }

    @Test
    void startRejectsMismatchedCredentialLists() {
        Map<String, String> props = TestConfigs.with(TwitterSourceConfig.ACCESS_TOKEN_SECRET, "s1,s2");

        assertThatThrownBy(() -> connector.start(props))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("found 2 secrets for 1 tokens")
                .hasMessageNotContaining("s1");
    }

    @ParameterizedTest
    @ValueSource(strings = {TwitterSourceConfig.CONSUMER_KEY, TwitterSourceConfig.CONSUMER_SECRET,
            TwitterSourceConfig.ACCESS_TOKEN, TwitterSourceConfig.ACCESS_TOKEN_SECRET})
    void theV1StreamNeedsEveryOAuthCredential(String key) {
        Map<String, String> props = TestConfigs.valid();
        props.remove(key);

        assertThat(validationErrors(props)).containsOnlyKeys(key);
        assertThat(validationErrors(props).get(key).get(0)).contains("Required when twitter.api is 'v1.1'");
    }

    @Test
    void theV2StreamNeedsABearerTokenAndNoOAuthCredentials() {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");
        props.remove(TwitterSourceConfig.V2_BEARER_TOKEN);

        Map<String, List<String>> errors = validationErrors(props);

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.V2_BEARER_TOKEN);
        assertThat(errors.get(TwitterSourceConfig.V2_BEARER_TOKEN).get(0)).contains("Required when twitter.api is 'v2'");
    }

    @Test
    void aV1ConfigWithoutTheApiKeyIsToldThatTheDefaultIsNowV2() {
        Map<String, String> props = TestConfigs.valid();
        props.remove(TwitterSourceConfig.API);

        Map<String, List<String>> errors = validationErrors(props);

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.V2_BEARER_TOKEN, TwitterSourceConfig.CONSUMER_KEY,
                TwitterSourceConfig.CONSUMER_SECRET, TwitterSourceConfig.ACCESS_TOKEN,
                TwitterSourceConfig.ACCESS_TOKEN_SECRET);
        assertThat(errors.get(TwitterSourceConfig.CONSUMER_KEY).get(0))
                .contains("applies only to Twitter's v1.1 statuses/filter stream", "set twitter.api=v1.1")
                .doesNotContain(TestConfigs.CONSUMER_KEY);
        assertThat(errors.get(TwitterSourceConfig.V2_BEARER_TOKEN).get(0))
                .contains("Required when twitter.api is 'v2'", "twitter.api now defaults to 'v2'",
                        "set twitter.api=v1.1 to keep reading the v1.1 stream")
                .doesNotContain(TestConfigs.CONSUMER_KEY, TestConfigs.CONSUMER_SECRET, TestConfigs.ACCESS_TOKEN,
                        TestConfigs.ACCESS_TOKEN_SECRET);
        assertThatThrownBy(() -> connector.start(props))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("twitter.api now defaults to 'v2'")
                .hasMessageContaining("set twitter.api=v1.1");
    }

    @Test
    void theUpgradeHintIsLeftOutWhenTheApiIsSetOrNoOAuthKeysAreGiven() {
        Map<String, String> explicitV2 = TestConfigs.valid();
        explicitV2.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V2);
        Map<String, String> noCredentials = TestConfigs.v2("http://127.0.0.1:1/");
        noCredentials.remove(TwitterSourceConfig.API);
        noCredentials.remove(TwitterSourceConfig.V2_BEARER_TOKEN);

        for (Map<String, String> props : List.of(explicitV2, noCredentials)) {
            assertThat(validationErrors(props).get(TwitterSourceConfig.V2_BEARER_TOKEN)).singleElement()
                    .satisfies(message -> assertThat(message).contains("Required when twitter.api is 'v2'")
                            .doesNotContain("now defaults"));
        }
    }

    @Test
    void theSampleStreamTakesNoFilter() {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_SAMPLE);

        assertThat(validationErrors(props).get(TwitterSourceConfig.TRACK_KEYWORDS).get(0))
                .contains("The sample stream takes no filter");
    }

    @Test
    void v2RulesTooLongForTheTierAreNamedBeforeAskingX() {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");
        props.put(TwitterSourceConfig.V2_MAX_RULE_LENGTH, "20");
        props.put(TwitterSourceConfig.TRACK_KEYWORDS, "kafka,a rather long phrase indeed");

        assertThat(validationErrors(props).get(TwitterSourceConfig.TRACK_KEYWORDS).get(0))
                .contains("longer than the 20 characters", "[a rather long phrase indeed]")
                .doesNotContain("[kafka");
    }

    @Test
    void v2ValidationSaysWhenXCannotBeReached() {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");

        Map<String, List<String>> errors = validationErrors(props);

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.V2_BASE_URL);
        assertThat(errors.get(TwitterSourceConfig.V2_BASE_URL).get(0))
                .contains("Could not reach the X API at http://127.0.0.1:1/")
                .doesNotContain(TestConfigs.BEARER_TOKEN);
    }

    @Test
    void supportsExactlyOnceDelivery() {
        assertThat(connector.exactlyOnceSupport(TestConfigs.valid())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    }

    @Test
    void reportsVersionFromBuild() {
        assertThat(connector.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void aV2KeyOnAV1ConnectorIsReportedInsteadOfIgnored() {
        Map<String, String> props = TestConfigs.valid();
        props.put(TwitterSourceConfig.V2_BEARER_TOKEN, TestConfigs.BEARER_TOKEN);
        props.put(TwitterSourceConfig.V2_MAX_RULES, "500");

        Map<String, List<String>> errors = validationErrors(props);

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.V2_BEARER_TOKEN, TwitterSourceConfig.V2_MAX_RULES);
        assertThat(errors.get(TwitterSourceConfig.V2_MAX_RULES)).singleElement().asString()
                .contains("applies only to the X API v2 filtered stream", "reads Twitter's v1.1 statuses/filter stream",
                        "set twitter.api=v2 and twitter.v2.stream=filtered");
        assertThat(errors.get(TwitterSourceConfig.V2_BEARER_TOKEN)).singleElement().asString()
                .contains("the X API v2 filtered stream and the X API v2 sample stream")
                .doesNotContain(TestConfigs.BEARER_TOKEN);
        assertThatThrownBy(() -> connector.start(props)).isInstanceOf(ConnectException.class)
                .hasMessageContaining(TwitterSourceConfig.V2_MAX_RULES + ": " + TwitterSourceConfig.V2_MAX_RULES
                        + " applies only to");
    }

    @Test
    void aRedundantConnectionNeedsEnterpriseAndTwoConnections() {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");
        props.put(TwitterSourceConfig.V2_REDUNDANT_CONNECTION, "true");

        assertThat(validationErrors(props).get(TwitterSourceConfig.V2_REDUNDANT_CONNECTION)).singleElement().asString()
                .contains("redundant connections are Enterprise only", "twitter.v2.tier=enterprise",
                        "twitter.v2.redundant.connection=false");

        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        props.put(TwitterSourceConfig.V2_MAX_CONNECTIONS, "1");
        assertThat(validationErrors(props).get(TwitterSourceConfig.V2_REDUNDANT_CONNECTION)).singleElement().asString()
                .contains("two filtered-stream connections", "twitter.v2.max.connections is 1", "raise it to 2");
    }

    @Test
    void aFilteredStreamKeyOnTheSampleStreamIsReported() {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");
        props.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_SAMPLE);
        props.put(TwitterSourceConfig.V2_TIER, "enterprise");
        props.remove(TwitterSourceConfig.TRACK_KEYWORDS);
        props.put(TwitterSourceConfig.V2_MAX_CONNECTIONS, "2");

        assertThat(validationErrors(props)).containsOnlyKeys(TwitterSourceConfig.V2_MAX_CONNECTIONS);
    }

    @Test
    void validationHidesTheKeysOfTheOtherApi() {
        Map<String, Boolean> onV1 = visibility(TestConfigs.valid());
        Map<String, String> sample = TestConfigs.v2("http://127.0.0.1:1/");
        sample.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_SAMPLE);
        Map<String, Boolean> onSample = visibility(sample);

        assertThat(onV1).containsEntry(TwitterSourceConfig.CONSUMER_KEY, true)
                .containsEntry(TwitterSourceConfig.V2_BEARER_TOKEN, false)
                .containsEntry(TwitterSourceConfig.V2_STREAM, false)
                .containsEntry(TwitterSourceConfig.TOPIC, true);
        assertThat(onSample).containsEntry(TwitterSourceConfig.CONSUMER_KEY, false)
                .containsEntry(TwitterSourceConfig.V2_BEARER_TOKEN, true)
                .containsEntry(TwitterSourceConfig.V2_MAX_RULES, false)
                .containsEntry(TwitterSourceConfig.V2_BACKFILL_MINUTES, true);
    }

    private Map<String, Boolean> visibility(Map<String, String> props) {
        Map<String, Boolean> visible = new java.util.HashMap<>();
        connector.validate(props).configValues().forEach(value -> visible.put(value.name(), value.visible()));
        return visible;
    }

    @Test
    void aTopicNameKafkaWouldRefuseFailsValidation() {
        Map<String, List<String>> errors = validationErrors(TestConfigs.with(TwitterSourceConfig.TOPIC, "my tweets"));

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.TOPIC);
        assertThat(errors.get(TwitterSourceConfig.TOPIC)).singleElement().asString()
                .contains("characters other than ASCII alphanumerics");
    }
}
