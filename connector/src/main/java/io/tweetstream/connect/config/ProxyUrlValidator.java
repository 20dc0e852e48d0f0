package io.tweetstream.connect.config;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts empty (no proxy) or {@code http://host:port}: an HTTP proxy, with nothing else in the URL. */
final class ProxyUrlValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        String url = value == null ? "" : ((String) value).trim();
        if (url.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (uri.getUserInfo() != null) {
                // The value is in the exception's message: not with the password in it.
                throw new ConfigException(name, url.replace(uri.getRawUserInfo() + "@", "[hidden]@"), "Must not hold"
                        + " credentials: give them in twitter.v2.proxy.user and twitter.v2.proxy.password");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0
                    || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                    || uri.getQuery() != null) {
                throw new ConfigException(name, value, "Must be an HTTP proxy as http://host:port, e.g."
                        + " http://proxy.corp.example:3128 (credentials go in twitter.v2.proxy.user and"
                        + " twitter.v2.proxy.password)");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "Not a valid URL: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return "empty, or http://host:port";
    }
}
