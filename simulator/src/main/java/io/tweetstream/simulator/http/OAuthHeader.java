package io.tweetstream.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the consumer key out of an OAuth 1.0a {@code Authorization} header, e.g.
 * {@code OAuth oauth_consumer_key="abc", oauth_nonce="...", oauth_signature="..."}.
 * The signature is not checked: the simulator only needs to know who is calling.
 */
public final class OAuthHeader {

    private static final Pattern CONSUMER_KEY = Pattern.compile("(?:^|[\\s,])oauth_consumer_key=\"([^\"]*)\"");

    private OAuthHeader() {
    }

    /** The URL-decoded consumer key, or empty when the header is missing, not OAuth or has no (or an empty) key. */
    public static Optional<String> consumerKey(String authorization) {
        if (authorization == null || !authorization.startsWith("OAuth ")) {
            return Optional.empty();
        }
        Matcher matcher = CONSUMER_KEY.matcher(authorization.substring("OAuth ".length()));
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            String key = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        } catch (IllegalArgumentException badPercentEncoding) {
            return Optional.empty();
        }
    }
}
