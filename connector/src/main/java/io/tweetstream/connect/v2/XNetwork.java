package io.tweetstream.connect.v2;

import io.tweetstream.connect.Version;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.net.HttpProxy;
import io.tweetstream.connect.net.TrustStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the connector reaches X: directly or through an {@link HttpProxy}, trusting the JVM's
 * certificate authorities or those of a truststore of its own (an enterprise network that inspects
 * TLS re-signs X's certificate with a CA of its own). Makes the HTTP client of every X API call and
 * stream, and marks each request with the connector's versioned {@code User-Agent}.
 */
public final class XNetwork {

    /** Straight to X, with the JVM's truststore. */
    public static final XNetwork DIRECT = new XNetwork(Optional.empty(), Optional.empty());

    /** Sent with every request, so that X (and a proxy's logs) can tell the connector and its version. */
    static final String USER_AGENT = "tweetstream-kafka-connect/" + Version.get();

    private final Optional<HttpProxy> proxy;
    private final Optional<SSLContext> tls;

    XNetwork(Optional<HttpProxy> proxy, Optional<SSLContext> tls) {
        this.proxy = proxy;
        this.tls = tls;
    }

    /**
     * The network of a config.
     *
     * @throws ConfigException when its truststore cannot be read
     */
    public static XNetwork of(TwitterSourceConfig config) {
        try {
            return new XNetwork(config.v2Proxy(), config.v2TrustStore().map(TrustStore::sslContext));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(TwitterSourceConfig.V2_SSL_TRUSTSTORE_LOCATION, config.v2TrustStore()
                    .map(TrustStore::location).orElse(null), e.getMessage());
        }
    }

    public Optional<HttpProxy> proxy() {
        return proxy;
    }

    /** A client of this network; redirects followed, as X's API may move. */
    HttpClient client(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        proxy.ifPresent(p -> builder.proxy(p.selector()));
        tls.ifPresent(builder::sslContext);
        return builder.build();
    }

    /** A request to {@code uri} with the connector's {@code User-Agent}, and the proxy's credentials when it goes through it. */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("User-Agent", USER_AGENT);
        proxy.flatMap(p -> p.authorization(uri)).ifPresent(value -> request.header("Proxy-Authorization", value));
        return request;
    }

    /** Why X could not be reached, with what to do when its certificate is not trusted. */
    static String unreachable(String baseUrl, IOException e) {
        String message = "Could not reach the X API at " + baseUrl + ": " + e;
        if (e instanceof SSLHandshakeException) {
            return message + ". Its TLS certificate is not one this connector trusts: when a proxy of your network"
                    + " re-signs it, give the proxy's CA in " + TwitterSourceConfig.V2_SSL_TRUSTSTORE_LOCATION;
        }
        return message;
    }

    /** What to do when the proxy refused a request with HTTP 407, for the error that reports it. */
    String proxyRefusal() {
        return proxy.map(p -> "the proxy " + p + " requires credentials it did not accept (HTTP 407 Proxy"
                + " Authentication Required): check " + TwitterSourceConfig.V2_PROXY_USER + " and "
                + TwitterSourceConfig.V2_PROXY_PASSWORD + (p.tunnelDropsBasic() ? ", and " + HttpProxy.tunnelingAdvice() : ""))
                .orElse("a proxy on the way to X requires credentials (HTTP 407 Proxy Authentication Required): set "
                        + TwitterSourceConfig.V2_PROXY_URL + ", " + TwitterSourceConfig.V2_PROXY_USER + " and "
                        + TwitterSourceConfig.V2_PROXY_PASSWORD);
    }
}
