package io.tweetstream.simulator.rules;

import io.tweetstream.simulator.LocationBox;
import io.tweetstream.simulator.generate.GeoPoint;

import java.util.List;
import java.util.Set;

/**
 * What a rule is evaluated against: the parts of a tweet X's filtered stream looks at. Sets of entity
 * names are lower case. For a retweet, text and entities are those of {@code RT @author: } and the whole
 * original, not of the truncated text the retweet displays.
 *
 * @param tokens         the text's tokens ({@link TextTokens#of})
 * @param authorUsername the author's screen name, as written
 * @param point          exact coordinates, or {@code null}
 * @param placeBox       the bounding box of the tweet's place, or {@code null}
 */
public record RuleSubject(
        List<String> tokens,
        Set<String> hashtags,
        Set<String> mentions,
        Set<String> cashtags,
        long authorId,
        String authorUsername,
        String lang,
        GeoPoint point,
        LocationBox placeBox,
        boolean retweet,
        boolean quote,
        boolean reply,
        boolean hasLinks) {

    public RuleSubject {
        tokens = List.copyOf(tokens);
        hashtags = Set.copyOf(hashtags);
        mentions = Set.copyOf(mentions);
        cashtags = Set.copyOf(cashtags);
    }
}
