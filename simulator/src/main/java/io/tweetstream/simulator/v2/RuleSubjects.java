package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.rules.RuleSubject;
import io.tweetstream.simulator.rules.TextTokens;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What rules see of a generated status. A retweet is matched on {@code RT @author: } and its original's
 * whole text and entities, as X matches retweets (their own text is cut at 140 characters for display only).
 */
public final class RuleSubjects {

    private RuleSubjects() {
    }

    public static RuleSubject of(StatusView status) {
        StatusView textSource = status.retweeted().orElse(status);
        String text = status.retweeted().map(original -> "RT @" + original.authorScreenName() + ": " + original.text())
                .orElse(status.text());
        // X escapes &, < and > in what it sends, but matches rules on the text as written.
        text = unescaped(text);
        JsonNode entities = textSource.entities();
        Set<String> hashtags = names(entities.path("hashtags"), "text");
        Set<String> mentions = names(entities.path("user_mentions"), "screen_name");
        status.retweeted().ifPresent(original -> mentions.add(original.authorScreenName().toLowerCase(Locale.ROOT)));
        Set<String> cashtags = new HashSet<>();
        Cashtags.in(text).forEach(found -> cashtags.add(found.tag().toLowerCase(Locale.ROOT)));
        return new RuleSubject(TextTokens.of(text), hashtags, mentions, cashtags, status.authorId(),
                status.authorScreenName(), status.lang(), status.point(), status.placeBox(),
                status.retweeted().isPresent(), status.quoted().isPresent(), status.isReply(),
                !entities.path("urls").isEmpty());
    }

    static String unescaped(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static Set<String> names(JsonNode entities, String field) {
        Set<String> names = new HashSet<>();
        entities.forEach(entity -> names.add(entity.path(field).asText().toLowerCase(Locale.ROOT)));
        return names;
    }
}
