package io.tweetstream.connect.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamEvent.TweetWithheld;
import io.tweetstream.connect.core.StreamEvent.UserWithheld;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises v1.1's withheld-content notices, which Twitter4j 4.0.7 does not parse (it logs them as
 * unknown events): {@code {"status_withheld":{"id":…,"user_id":…,"withheld_in_countries":[…]}}} and
 * {@code {"user_withheld":{"id":…,"withheld_in_countries":[…]}}}.
 */
final class WithheldNotices {

    private static final String STATUS_WITHHELD = "status_withheld";
    private static final String USER_WITHHELD = "user_withheld";

    private WithheldNotices() {}

    /** The notice a stream line holds, or null when it holds none (a tweet, another notice). */
    static StreamEvent parse(String line, long receivedAtMillis) {
        // Cheap test first: every tweet passes through here, and a notice's key is quoted like this
        // only as a key (in text it would be escaped as \").
        if (line == null || !line.contains("\"" + STATUS_WITHHELD + "\"") && !line.contains("\"" + USER_WITHHELD + "\"")) {
            return null;
        }
        JsonNode json = StatusJson.parse(line);
        JsonNode status = json.path(STATUS_WITHHELD);
        if (status.isObject() && status.hasNonNull("id") && status.hasNonNull("user_id")) {
            return new TweetWithheld(status.get("id").asLong(), status.get("user_id").asLong(), countries(status),
                    receivedAtMillis);
        }
        JsonNode user = json.path(USER_WITHHELD);
        if (user.isObject() && user.hasNonNull("id")) {
            return new UserWithheld(user.get("id").asLong(), countries(user), receivedAtMillis);
        }
        return null;
    }

    private static List<String> countries(JsonNode notice) {
        List<String> countries = new ArrayList<>();
        notice.path("withheld_in_countries").forEach(country -> countries.add(country.asText()));
        return countries;
    }
}
