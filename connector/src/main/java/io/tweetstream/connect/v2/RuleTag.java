package io.tweetstream.connect.v2;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the connector writes in the tag of each rule it makes, so that the tag X hands back with
 * every matching tweet says which connector made the rule, which task writes its tweets and which
 * configured phrase it stands for; e.g. {@code tweetstream:my-tweets:0:apache+kafka}.
 *
 * <p>Rules are shared by every user of the app, so the tag is also how the connector tells its own
 * rules from anyone else's: it only ever deletes rules whose tag names it.
 *
 * @param keyword the track phrase the rule stands for; empty for rules of followed users or locations
 */
public record RuleTag(String connector, int task, String keyword) {

    private static final String PREFIX = "tweetstream:";

    public String format() {
        return PREFIX + encode(connector) + ':' + task + ':' + encode(keyword);
    }

    /** The tag's meaning when the connector wrote it; empty for any other tag. */
    public static Optional<RuleTag> parse(String tag) {
        if (tag == null || !tag.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = tag.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RuleTag(decode(parts[0]), Integer.parseInt(parts[1]), decode(parts[2])));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** True when {@code tag} was written by the connector named {@code connector}. */
    public static boolean isOwnedBy(String tag, String connector) {
        return parse(tag).map(parsed -> parsed.connector.equals(connector)).orElse(false);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
