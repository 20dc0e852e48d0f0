package io.tweetstream.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tweetstream.connect.TestConfigs;
import io.tweetstream.connect.net.HttpProxy;
import io.tweetstream.connect.v1.CredentialSets;
import io.tweetstream.connect.v1.OAuthCredentials;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwitterSourceConfigTest {

    @Test
    void validConfigGivesTypedValuesAndDefaults() {
        TwitterSourceConfig config = new TwitterSourceConfig(TestConfigs.valid());

        assertThat(config.streamBaseUrl()).isEqualTo("https://stream.twitter.com/1.1/");
        assertThat(config.trackKeywords()).containsExactly("kafka", "apache spark", "flink");
        assertThat(config.followUserIds()).isEmpty();
        assertThat(config.topic()).isEqualTo("tweets");
        assertThat(config.tombstonesOnDelete()).isTrue();
        assertThat(config.includeRawJson()).isFalse();
        assertThat(config.maxBatchSize()).isEqualTo(500);
        assertThat(config.pollTimeoutMs()).isEqualTo(1000);
        assertThat(config.queueCapacity()).isEqualTo(10_000);
        assertThat(config.streamReadTimeoutMs()).isEqualTo(90_000);
        assertThat(CredentialSets.of(config).size()).isEqualTo(1);
        assertThat(CredentialSets.of(config).get(0)).isEqualTo(new OAuthCredentials(TestConfigs.CONSUMER_KEY,
                TestConfigs.CONSUMER_SECRET, TestConfigs.ACCESS_TOKEN, TestConfigs.ACCESS_TOKEN_SECRET));
    }

    @Test
    void baseUrlGainsTrailingSlash() {
        TwitterSourceConfig config = new TwitterSourceConfig(
                TestConfigs.with(TwitterSourceConfig.STREAM_BASE_URL, "http://127.0.0.1:8080/1.1"));

        assertThat(config.streamBaseUrl()).isEqualTo("http://127.0.0.1:8080/1.1/");
    }

    @Test
    void duplicatePhrasesDifferingInCaseOrSpacingCountOnce() {
        TwitterSourceConfig config = new TwitterSourceConfig(
                TestConfigs.with(TwitterSourceConfig.TRACK_KEYWORDS, "Kafka, kafka ,apache   spark,Apache Spark"));

        assertThat(config.trackKeywords()).containsExactly("Kafka", "apache spark");
    }

    @Test
    void parsesFollowIdsLocationsAndLanguages() {
        Map<String, String> props = TestConfigs.valid();
        props.put(TwitterSourceConfig.FOLLOW_USER_IDS, "783214, 6253282");
        props.put(TwitterSourceConfig.LOCATIONS, "-122.75,36.8,-121.75,37.8,-74,40,-73,41");
        props.put(TwitterSourceConfig.LANGUAGES, "en, es");

        TwitterSourceConfig config = new TwitterSourceConfig(props);

        assertThat(config.followUserIds()).containsExactly(783214L, 6253282L);
        assertThat(config.locations()).containsExactly(
                new BoundingBox(-122.75, 36.8, -121.75, 37.8), new BoundingBox(-74, 40, -73, 41));
        assertThat(config.languages()).containsExactly("en", "es");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "twitter.stream.base.url | ftp://stream.example.com/ | Must be an http or https URL",
            "twitter.stream.base.url | not a url | Not a valid URL",
            "twitter.track.keywords | kafka,,spark | Phrase 2 is empty",
            "twitter.track.keywords | this phrase is far too long for twitter to accept it at all ok | is 62 bytes long in UTF-8; Twitter allows at most 60",
            "twitter.track.keywords | 東京東京東京東京東京東京東京東京東京東京東 | is 63 bytes long",
            "twitter.follow.user.ids | 12,jack | 'jack' is not a user id",
            "twitter.follow.user.ids | -5 | '-5' is not a user id",
            "twitter.locations | 1,2,3 | Give four numbers per box",
            "twitter.locations | -122.75,36.8,-121.75,north | Every coordinate must be a decimal number",
            "twitter.locations | -190,36.8,-121.75,37.8 | longitudes must lie between -180 and 180",
            "twitter.locations | -122.75,95,-121.75,97 | latitudes must lie between -90 and 90",
            "twitter.locations | -121.75,37.8,-122.75,36.8 | the south-west corner must come first",
            "twitter.languages | english | 'english' is not a BCP 47 language code",
            "topic | '' | the empty string is not allowed",
            "topic | my tweets | contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'",
            "topic | .. | '..' is not allowed",
            "max.batch.size | 0 | Value must be at least 1",
            "poll.timeout.ms | -1 | Value must be at least 1",
            "queue.capacity | many | Not a number of type INT",
            "twitter.stream.read.timeout.ms | 10 | Value must be at least 1000",
            "tombstones.on.delete | maybe | Expected value to be either true or false",
            "twitter.v2.proxy.url | https://proxy.example:3128 | Must be an HTTP proxy as http://host:port",
            "twitter.v2.proxy.url | http://proxy.example | Must be an HTTP proxy as http://host:port",
            "twitter.v2.proxy.url | http://proxy.example:3128/path | Must be an HTTP proxy as http://host:port",
            "twitter.v2.ssl.truststore.type | PEM | String must be one of: PKCS12, JKS",
    })
    void rejectsBadValueWithClearMessage(String key, String value, String message) {
        assertThatThrownBy(() -> new TwitterSourceConfig(TestConfigs.with(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(message);
    }

    @Test
    void requiresTopic() {
        Map<String, String> props = TestConfigs.valid();
        props.remove(TwitterSourceConfig.TOPIC);

        assertThatThrownBy(() -> new TwitterSourceConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required configuration \"topic\"");
    }

    @Test
    void theApiDefaultsToV2() {
        Map<String, String> props = TestConfigs.valid();
        props.remove(TwitterSourceConfig.API);

        TwitterSourceConfig config = new TwitterSourceConfig(props);

        assertThat(config.streamType()).isEqualTo(StreamType.V2_FILTERED);
        assertThat(config.setsApi()).isFalse();
        assertThat(config.hasOAuthCredentials()).isTrue();
        assertThat(TwitterSourceConfig.CONFIG_DEF.configKeys().get(TwitterSourceConfig.API).defaultValue)
                .isEqualTo(TwitterSourceConfig.API_V2);
    }

    @Test
    void v1IsReadWhenSetExplicitly() {
        TwitterSourceConfig config = new TwitterSourceConfig(TestConfigs.valid());

        assertThat(config.streamType()).isEqualTo(StreamType.V1_FILTER);
        assertThat(config.setsApi()).isTrue();
        assertThat(new TwitterSourceConfig(TestConfigs.v2("http://127.0.0.1:1/")).hasOAuthCredentials()).isFalse();
    }

    @Test
    void credentialsOfTheOtherApiMayBeLeftOut() {
        Map<String, String> props = TestConfigs.valid();
        props.remove(TwitterSourceConfig.CONSUMER_KEY);
        props.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V2);

        TwitterSourceConfig config = new TwitterSourceConfig(props);

        assertThat(config.streamType()).isEqualTo(StreamType.V2_FILTERED);
        assertThat(config.v2BearerToken()).isNull();
        assertThat(CredentialSets.of(config).problems()).containsKey(TwitterSourceConfig.CONSUMER_KEY);
    }

    @ParameterizedTest
    @CsvSource({"twitter.api, v3", "twitter.v2.stream, firehose2", "twitter.v2.max.connections, 0",
            "twitter.v2.partitions, 0", "twitter.v2.partitions, '1,2,1'", "twitter.v2.partitions, one",
            "twitter.v2.base.url, ftp://api.x.com/", "twitter.v2.bearer.token, ' '"})
    void rejectsBadV2Settings(String key, String value) {
        assertThatThrownBy(() -> new TwitterSourceConfig(TestConfigs.with(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void bearerTokenNeverShowsInErrors() {
        assertThatThrownBy(() -> new TwitterSourceConfig(
                TestConfigs.with(TwitterSourceConfig.V2_BEARER_TOKEN, "AAAA secret")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("whitespace")
                .hasMessageNotContaining("AAAA");
    }

    @Test
    void emptyCredentialEntryIsNamedByPositionWithoutRevealingTheValue() {
        assertThatThrownBy(() -> new TwitterSourceConfig(
                TestConfigs.with(TwitterSourceConfig.ACCESS_TOKEN, "12345-first-secret-token,,")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Entry 2 of 3 is empty")
                .hasMessageNotContaining("first-secret-token");
    }

    @Test
    void secretsNeverAppearInToStringOrLoggedValues() {
        TwitterSourceConfig config = new TwitterSourceConfig(TestConfigs.valid());

        String printed = config.toString() + config.values() + CredentialSets.of(config).get(0);

        assertThat(printed).doesNotContain(TestConfigs.CONSUMER_KEY, TestConfigs.CONSUMER_SECRET,
                TestConfigs.ACCESS_TOKEN, TestConfigs.ACCESS_TOKEN_SECRET);
    }

    @Test
    void everyKeyIsDocumentedAndGrouped() {
        assertThat(TwitterSourceConfig.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
        });
    }

    @Test
    void complianceTopicIsOffByDefaultAndMustBeATopicNameWhenSet() {
        assertThat(new TwitterSourceConfig(TestConfigs.valid()).complianceTopic()).isEmpty();
        assertThat(new TwitterSourceConfig(TestConfigs.with(TwitterSourceConfig.COMPLIANCE_TOPIC, "tweets-compliance"))
                .complianceTopic()).isEqualTo("tweets-compliance");
        assertThatThrownBy(() -> new TwitterSourceConfig(
                TestConfigs.with(TwitterSourceConfig.COMPLIANCE_TOPIC, "no spaces allowed")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TwitterSourceConfig.COMPLIANCE_TOPIC);
    }

    @Test
    void credentialsInTheProxyUrlAreRefusedWithoutShowingThem() {
        assertThatThrownBy(() -> new TwitterSourceConfig(TestConfigs.with(TwitterSourceConfig.V2_PROXY_URL,
                "http://connect:s3cr3t@proxy.example:3128")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("twitter.v2.proxy.user")
                .hasMessageContaining("http://[hidden]@proxy.example:3128")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void theNetworkKeysGiveTheProxyAndTheTruststore() {
        Map<String, String> props = TestConfigs.v2("https://api.x.com/");
        props.put(TwitterSourceConfig.V2_PROXY_URL, "http://proxy.example:3128");
        props.put(TwitterSourceConfig.V2_PROXY_USER, "connect");
        props.put(TwitterSourceConfig.V2_PROXY_PASSWORD, "pr0xy-s3cr3t");
        props.put(TwitterSourceConfig.V2_NON_PROXY_HOSTS, "*.internal, localhost");
        props.put(TwitterSourceConfig.V2_SSL_TRUSTSTORE_LOCATION, "/etc/ssl/corp.p12");

        TwitterSourceConfig config = new TwitterSourceConfig(props);

        assertThat(config.v2Proxy()).hasValueSatisfying(proxy -> {
            assertThat(proxy.host()).isEqualTo("proxy.example");
            assertThat(proxy.port()).isEqualTo(3128);
            assertThat(proxy.user()).isEqualTo("connect");
            assertThat(proxy.password().value()).isEqualTo("pr0xy-s3cr3t");
            assertThat(proxy.nonProxyHosts()).containsExactly("*.internal", "localhost");
            assertThat(proxy.toString()).doesNotContain("pr0xy-s3cr3t");
        });
        assertThat(config.v2TrustStore()).hasValueSatisfying(store -> {
            assertThat(store.location()).isEqualTo("/etc/ssl/corp.p12");
            assertThat(store.type()).isEqualTo("PKCS12");
        });
        assertThat(new TwitterSourceConfig(TestConfigs.v2("https://api.x.com/")).v2Proxy()).isEmpty();
    }

    @Test
    void networkProblemsSayWhatTheKeysCannotDoTogether() {
        Map<String, String> props = TestConfigs.v2("https://api.x.com/");
        props.put(TwitterSourceConfig.V2_PROXY_USER, "connect");
        props.put(TwitterSourceConfig.V2_SSL_TRUSTSTORE_LOCATION, "/no/such/truststore.p12");

        Map<String, String> problems = new TwitterSourceConfig(props).v2NetworkProblems();

        assertThat(problems.get(TwitterSourceConfig.V2_PROXY_USER)).contains("without a proxy", TwitterSourceConfig.V2_PROXY_URL);
        assertThat(problems.get(TwitterSourceConfig.V2_SSL_TRUSTSTORE_LOCATION))
                .contains("Cannot read the PKCS12 truststore /no/such/truststore.p12");
    }

    @Test
    void basicCredentialsThatThisJvmLeavesOutOfAnHttpsTunnelAreAProblemOfTheirOwn() {
        // Surefire's JVM runs with the JDK's default, which refuses Basic in CONNECT tunnels.
        assertThat(System.getProperty(HttpProxy.TUNNELING_DISABLED_SCHEMES)).isNull();
        Map<String, String> props = TestConfigs.v2("https://api.x.com/");
        props.put(TwitterSourceConfig.V2_PROXY_URL, "http://proxy.example:3128");
        props.put(TwitterSourceConfig.V2_PROXY_USER, "connect");

        assertThat(new TwitterSourceConfig(props).v2NetworkProblems().get(TwitterSourceConfig.V2_PROXY_USER))
                .contains("-Djdk.http.auth.tunneling.disabledSchemes=");

        props.put(TwitterSourceConfig.V2_NON_PROXY_HOSTS, "api.x.com");
        assertThat(new TwitterSourceConfig(props).v2NetworkProblems()).as("X reached directly").isEmpty();
        props.remove(TwitterSourceConfig.V2_NON_PROXY_HOSTS);
        props.remove(TwitterSourceConfig.V2_PROXY_USER);
        assertThat(new TwitterSourceConfig(props).v2NetworkProblems()).as("no credentials").isEmpty();
    }

    @Test
    void theNetworkKeysAreV2Only() {
        Map<String, String> props = TestConfigs.valid();
        props.put(TwitterSourceConfig.API, TwitterSourceConfig.API_V1);
        props.put(TwitterSourceConfig.V2_PROXY_URL, "http://proxy.example:3128");

        assertThat(new TwitterSourceConfig(props).otherStreamsKeys().get(TwitterSourceConfig.V2_PROXY_URL))
                .contains("applies only to");
    }
}
