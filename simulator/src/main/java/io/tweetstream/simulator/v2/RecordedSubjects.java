package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.LocationBox;
import io.tweetstream.simulator.generate.GeoPoint;
import io.tweetstream.simulator.rules.RuleSubject;
import io.tweetstream.simulator.rules.TextTokens;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What rules see of a recorded v2 message: the whole text ({@code note_tweet} when there is one; a retweet's
 * {@code RT @author: } and its included original), its entities, author, language, place and kind. A field the
 * recording lacks (it was not asked for when recorded) counts as absent, so a rule on it does not match.
 */
final class RecordedSubjects {

    private RecordedSubjects() {
    }

    static RuleSubject of(JsonNode message) {
        JsonNode data = message.path("data");
        JsonNode includes = message.path("includes");
        JsonNode original = referenced(data, includes, "retweeted");
        String text = wholeText(data);
        Set<String> mentions = names(entitiesOf(data).path("mentions"), "username");
        if (original != null) {
            String author = username(includes, original.path("author_id").asText());
            text = "RT @" + author + ": " + wholeText(original);
            mentions.add(author.toLowerCase(Locale.ROOT));
        }
        JsonNode textSource = original != null ? original : data;
        text = RuleSubjects.unescaped(text);
        Set<String> cashtags = new HashSet<>();
        Cashtags.in(text).forEach(found -> cashtags.add(found.tag().toLowerCase(Locale.ROOT)));
        JsonNode entities = entitiesOf(textSource);
        mentions.addAll(names(entities.path("mentions"), "username"));
        String authorId = data.path("author_id").asText();
        JsonNode coordinates = data.path("geo").path("coordinates").path("coordinates");
        GeoPoint point = coordinates.isArray() ? new GeoPoint(coordinates.get(0).asDouble(), coordinates.get(1).asDouble())
                : null;
        return new RuleSubject(TextTokens.of(text), names(entities.path("hashtags"), "tag"), mentions, cashtags,
                authorId.isEmpty() ? 0 : Long.parseLong(authorId), username(includes, authorId),
                data.path("lang").asText(""), point, placeBox(data, includes), hasReference(data, "retweeted"),
                hasReference(data, "quoted"), hasReference(data, "replied_to"), !entities.path("urls").isEmpty());
    }

    private static String wholeText(JsonNode tweet) {
        JsonNode note = tweet.path("note_tweet").path("text");
        return note.isTextual() ? note.asText() : tweet.path("text").asText();
    }

    private static JsonNode entitiesOf(JsonNode tweet) {
        JsonNode note = tweet.path("note_tweet").path("entities");
        return note.isObject() ? note : tweet.path("entities");
    }

    private static JsonNode referenced(JsonNode data, JsonNode includes, String type) {
        for (JsonNode reference : data.path("referenced_tweets")) {
            if (type.equals(reference.path("type").asText())) {
                for (JsonNode tweet : includes.path("tweets")) {
                    if (reference.path("id").asText().equals(tweet.path("id").asText())) {
                        return tweet;
                    }
                }
            }
        }
        return null;
    }

    private static boolean hasReference(JsonNode data, String type) {
        for (JsonNode reference : data.path("referenced_tweets")) {
            if (type.equals(reference.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String username(JsonNode includes, String userId) {
        for (JsonNode user : includes.path("users")) {
            if (userId.equals(user.path("id").asText())) {
                return user.path("username").asText();
            }
        }
        return "";
    }

    private static LocationBox placeBox(JsonNode data, JsonNode includes) {
        String placeId = data.path("geo").path("place_id").asText();
        for (JsonNode place : includes.path("places")) {
            JsonNode bbox = place.path("geo").path("bbox");
            if (placeId.equals(place.path("id").asText()) && bbox.size() == 4) {
                return new LocationBox(bbox.get(0).asDouble(), bbox.get(1).asDouble(), bbox.get(2).asDouble(),
                        bbox.get(3).asDouble());
            }
        }
        return null;
    }

    private static Set<String> names(JsonNode entities, String field) {
        Set<String> names = new HashSet<>();
        entities.forEach(entity -> names.add(entity.path(field).asText().toLowerCase(Locale.ROOT)));
        return names;
    }
}
