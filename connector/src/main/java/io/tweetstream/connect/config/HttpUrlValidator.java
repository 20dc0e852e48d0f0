package io.tweetstream.connect.config;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts absolute http(s) URLs with a host. */
final class HttpUrlValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        String url = (String) value;
        if (url == null || url.isBlank()) {
            throw new ConfigException(name, value, "Must be an http or https URL");
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new ConfigException(name, value, "Must be an http or https URL with a host, e.g. "
                        + TwitterSourceConfig.STREAM_BASE_URL_DEFAULT);
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "Not a valid URL: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return "http or https URL";
    }
}
