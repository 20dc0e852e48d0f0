package io.tweetstream.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.LocationBox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Twitter's filter semantics, written independently of the generator so that tests can check what it made:
 * a track phrase matches when each of its words appears as a whole term (case-insensitive; punctuation and
 * {@code #}/{@code @} around it do not count) in the text, full text, hashtags, mentioned screen names or
 * link addresses of the status, its extended tweet, or the status it retweets or quotes.
 */
public final class TwitterMatch {

    private TwitterMatch() {
    }

    public static boolean matchesTrack(JsonNode status, String phrase) {
        return matchesWords(matchableTexts(status, true), phrase);
    }

    /** Whether the phrase matches using only what a client sees without extended_tweet, retweeted or quoted status. */
    public static boolean matchesTopLevelOnly(JsonNode status, String phrase) {
        List<String> texts = new ArrayList<>();
        texts.add(status.path("text").asText());
        addEntityTexts(status.path("entities"), texts);
        return matchesWords(texts, phrase);
    }

    public static boolean matchesFollow(JsonNode status, Collection<Long> follow) {
        return follow.contains(status.path("user").path("id").asLong());
    }

    public static boolean matchesLocations(JsonNode status, Collection<LocationBox> boxes) {
        JsonNode point = status.path("coordinates").path("coordinates");
        if (!point.isArray()) {
            return false;
        }
        double longitude = point.get(0).asDouble();
        double latitude = point.get(1).asDouble();
        return boxes.stream().anyMatch(box -> box.contains(longitude, latitude));
    }

    /** Text, full text and entity strings of the status and of any status it retweets or quotes. */
    public static List<String> matchableTexts(JsonNode status, boolean includeEmbedded) {
        List<String> texts = new ArrayList<>();
        texts.add(status.path("text").asText());
        addEntityTexts(status.path("entities"), texts);
        JsonNode extended = status.path("extended_tweet");
        if (extended.isObject()) {
            texts.add(extended.path("full_text").asText());
            addEntityTexts(extended.path("entities"), texts);
        }
        if (includeEmbedded) {
            for (String embedded : List.of("retweeted_status", "quoted_status")) {
                if (status.path(embedded).isObject()) {
                    texts.addAll(matchableTexts(status.get(embedded), true));
                }
            }
        }
        return texts;
    }

    private static void addEntityTexts(JsonNode entities, List<String> texts) {
        entities.path("hashtags").forEach(hashtag -> texts.add(hashtag.path("text").asText()));
        entities.path("user_mentions").forEach(mention -> texts.add(mention.path("screen_name").asText()));
        entities.path("urls").forEach(url -> {
            texts.add(url.path("expanded_url").asText());
            texts.add(url.path("display_url").asText());
        });
    }

    private static boolean matchesWords(List<String> texts, String phrase) {
        for (String word : phrase.trim().split(" +")) {
            Pattern term = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_])" + Pattern.quote(word.toLowerCase(Locale.ROOT))
                    + "(?![\\p{L}\\p{M}\\p{N}_])");
            boolean found = texts.stream().anyMatch(text -> term.matcher(text.toLowerCase(Locale.ROOT)).find());
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
