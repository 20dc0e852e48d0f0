package io.tweetstream.connect.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class HttpProxyTest {

    private static final HttpProxy PROXY = HttpProxy.of("http://proxy.example:3128", "connect",
            new Password("pr0xy-s3cr3t"), List.of("*.internal", "10.*", "Localhost", " "));

    @Test
    void nonProxyHostsAreExactOrWildcardedAtOneEndAndCaseInsensitive() {
        assertThat(PROXY.proxies(URI.create("https://api.x.com/2/tweets"))).isTrue();
        assertThat(PROXY.proxies(URI.create("https://localhost:8443/"))).isFalse();
        assertThat(PROXY.proxies(URI.create("https://stream.corp.internal/"))).isFalse();
        assertThat(PROXY.proxies(URI.create("http://10.1.2.3:8080/"))).isFalse();
        assertThat(PROXY.proxies(URI.create("http://110.1.2.3/"))).isTrue();
        assertThat(PROXY.proxies(URI.create("http://internal.example/"))).isTrue();
    }

    @Test
    void theCredentialsGoOnlyToTheProxy() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("connect:pr0xy-s3cr3t".getBytes(StandardCharsets.UTF_8));
        assertThat(PROXY.authorization(URI.create("https://api.x.com/2/tweets"))).hasValue(expected);
        assertThat(PROXY.authorization(URI.create("https://localhost/"))).as("reached directly").isEmpty();
        assertThat(HttpProxy.of("http://proxy.example:3128", "", null, List.of())
                .authorization(URI.create("https://api.x.com/"))).as("no user").isEmpty();
    }

    @Test
    void theSelectorSendsProxiedHostsToTheProxyAndTheOthersDirect() {
        assertThat(PROXY.selector().select(URI.create("https://api.x.com/"))).singleElement()
                .satisfies(proxy -> assertThat(proxy.address().toString()).contains("proxy.example").contains("3128"));
        assertThat(PROXY.selector().select(URI.create("https://localhost/"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void itsTextNamesTheProxyAndUserButNotThePassword() {
        assertThat(PROXY.toString()).isEqualTo("http://proxy.example:3128 as connect").doesNotContain("pr0xy");
    }
}
