package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.TwitterSourceConnector;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.net.HttpProxy;
import io.tweetstream.connect.net.TestCertificates;
import io.tweetstream.connect.net.TunnelProxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector in an enterprise network: X (the simulator) over HTTPS with a certificate only the
 * connector's own truststore trusts, reached through an HTTP proxy that wants credentials. Needs the
 * JVM option the README asks of the worker, {@code -Djdk.http.auth.tunneling.disabledSchemes=}
 * (failsafe's argLine sets it).
 */
class V2NetworkIT extends ScenarioSuite {

    private static final String PROXY_USER = "connect";
    private static final String PROXY_PASSWORD = "pr0xy-s3cr3t";

    @TempDir
    Path dir;

    private TestCertificates certificates;
    private TunnelProxy proxy;

    V2NetworkIT() {
        super(StreamApi.V2);
    }

    @BeforeEach
    void startXBehindAProxy() throws Exception {
        assertThat(System.getProperty(HttpProxy.TUNNELING_DISABLED_SCHEMES)).as("the JVM option of the README").isEmpty();
        certificates = TestCertificates.make(dir, "changeit");
        startSimulator(settings -> settings.tls(certificates.keyStore(), certificates.password()));
        proxy = TunnelProxy.start(PROXY_USER, PROXY_PASSWORD);
    }

    @AfterEach
    void stopProxy() throws Exception {
        proxy.close();
    }

    private Map<String, String> throughTheProxy(String password) {
        Map<String, String> props = config("kafka");
        props.put(TwitterSourceConfig.V2_PROXY_URL, proxy.url());
        props.put(TwitterSourceConfig.V2_PROXY_USER, PROXY_USER);
        props.put(TwitterSourceConfig.V2_PROXY_PASSWORD, password);
        props.put(TwitterSourceConfig.V2_SSL_TRUSTSTORE_LOCATION, certificates.trustStore().toString());
        props.put(TwitterSourceConfig.V2_SSL_TRUSTSTORE_PASSWORD, certificates.password());
        return props;
    }

    private String simulatorAuthority() {
        return "127.0.0.1:" + simulator().port();
    }

    @Test
    void everyRequestGoesThroughTheProxysTunnelsToXOverHttps() {
        assertThat(simulator().v2BaseUrl()).startsWith("https://");
        Map<String, String> props = throughTheProxy(PROXY_PASSWORD);
        List<ConfigValue> validated = new TwitterSourceConnector().validate(props).configValues();
        assertThat(validated).allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());

        PolledTask task = startTask(props);
        List<SourceRecord> written = task.pollUntilWritten(5);

        assertThat(written).hasSizeGreaterThanOrEqualTo(5);
        assertThat(proxy.tunnels()).as("validation, the rules and the stream").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(target -> assertThat(target).isEqualTo(simulatorAuthority()));
        assertThat(proxy.refused()).isZero();
        assertThat(simulator().connections()).isNotEmpty();
    }

    @Test
    void wrongProxyCredentialsStopTheConnectorWithAClearError() {
        Map<String, String> props = throughTheProxy("wrong-password");

        List<ConfigValue> validated = new TwitterSourceConnector().validate(props).configValues();
        assertThat(validated).flatExtracting(ConfigValue::errorMessages)
                .anySatisfy(message -> assertThat(message).contains("HTTP 407", TwitterSourceConfig.V2_PROXY_USER))
                .noneSatisfy(message -> assertThat(message).contains("wrong-password"));
        assertThatThrownBy(() -> startTask(props))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("HTTP 407")
                .hasMessageContaining(TwitterSourceConfig.V2_PROXY_PASSWORD)
                .hasMessageNotContaining("wrong-password");
        assertThat(proxy.refused()).isPositive();
        assertThat(proxy.tunnels()).isEmpty();
        assertThat(simulator().connections()).isEmpty();
    }

    @Test
    void aNonProxyHostIsReachedDirectly() {
        Map<String, String> props = throughTheProxy(PROXY_PASSWORD);
        props.put(TwitterSourceConfig.V2_NON_PROXY_HOSTS, "localhost,127.0.0.*");

        PolledTask task = startTask(props);
        task.pollUntilWritten(3);

        assertThat(proxy.tunnels()).isEmpty();
        assertThat(proxy.refused()).isZero();
    }

    @Test
    void xsCertificateUntrustedWithoutTheTruststoreIsAClearError() {
        Map<String, String> props = throughTheProxy(PROXY_PASSWORD);
        props.remove(TwitterSourceConfig.V2_SSL_TRUSTSTORE_LOCATION);

        assertThatThrownBy(() -> startTask(props))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining(TwitterSourceConfig.V2_SSL_TRUSTSTORE_LOCATION);
        assertThat(simulator().connections()).isEmpty();
    }
}
