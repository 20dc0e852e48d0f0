package io.tweetstream.connect.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;

/**
 * The HTTP proxy the connector reaches X through, as an enterprise network requires: every request
 * goes through it (HTTPS in a {@code CONNECT} tunnel), except to the hosts of {@code nonProxyHosts}.
 *
 * <p>Credentials are sent with every request as a Basic {@code Proxy-Authorization} header, and only
 * on requests that go through the proxy, never to a host reached directly. The JDK's HTTP client
 * leaves Basic credentials out of {@code CONNECT} requests unless the JVM is started with
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=} (its default disables Basic for tunnels):
 * {@link #tunnelDropsBasic()} tells, so that validation can say so before the proxy answers 407.
 *
 * @param nonProxyHosts host names reached directly: exact ({@code api.internal}), or with a leading
 *     or trailing {@code *} ({@code *.corp.example}, {@code 10.*}), case-insensitive
 */
public record HttpProxy(String host, int port, String user, Password password, List<String> nonProxyHosts) {

    /** The JDK's system property that lists the authentication schemes it refuses to send to a tunnel. */
    public static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    public HttpProxy {
        nonProxyHosts = nonProxyHosts.stream().map(pattern -> pattern.trim().toLowerCase(Locale.ROOT))
                .filter(pattern -> !pattern.isEmpty()).toList();
    }

    /** The {@code http://host:port} of a proxy URL; anything else has been refused by the config's validator. */
    public static HttpProxy of(String url, String user, Password password, List<String> nonProxyHosts) {
        URI uri = URI.create(url.trim());
        return new HttpProxy(uri.getHost(), uri.getPort(), user == null || user.isBlank() ? null : user, password,
                nonProxyHosts);
    }

    /** Whether a request to {@code uri} goes through the proxy. */
    public boolean proxies(URI uri) {
        String target = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return nonProxyHosts.stream().noneMatch(pattern -> matches(pattern, target));
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*")) {
            return host.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return host.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return host.equals(pattern);
    }

    /** The {@code Proxy-Authorization} header's value for a request to {@code uri}; empty without credentials or past the proxy. */
    public Optional<String> authorization(URI uri) {
        if (user == null || !proxies(uri)) {
            return Optional.empty();
        }
        String secret = password == null || password.value() == null ? "" : password.value();
        return Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether this JVM's HTTP client would leave the credentials out of an HTTPS request's tunnel. */
    public boolean tunnelDropsBasic() {
        String disabled = System.getProperty(TUNNELING_DISABLED_SCHEMES, "Basic");
        return user != null && List.of(disabled.split(",")).stream().anyMatch(scheme -> scheme.trim().equalsIgnoreCase("Basic"));
    }

    /** What to do when {@link #tunnelDropsBasic()}: the JVM option, and why. */
    public static String tunnelingAdvice() {
        return "start the worker's JVM with -D" + TUNNELING_DISABLED_SCHEMES + "= (empty, e.g. in KAFKA_OPTS), without"
                + " which Java leaves Basic credentials out of the CONNECT tunnel of an HTTPS request";
    }

    /** The proxy for the JDK's HTTP client: this one, or none for the hosts reached directly. */
    public ProxySelector selector() {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(proxies(uri) ? proxy : Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // One proxy and no fallback: the request fails with the client's own error.
            }
        };
    }

    @Override
    public String toString() {
        return "http://" + host + ":" + port + (user == null ? "" : " as " + user);
    }
}
