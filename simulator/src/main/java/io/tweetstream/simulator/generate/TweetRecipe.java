package io.tweetstream.simulator.generate;

import io.tweetstream.simulator.LocationBox;

import java.util.List;

/**
 * What a v2 rule asks of a tweet, for {@link TweetGenerator#next(java.time.Instant, TweetRecipe)} to put in:
 * words, phrases and entities in the text, an author, a language, a place, a kind of tweet.
 *
 * @param keywords bare keywords, each put in as a word, a hashtag or a mention (all match a keyword on X)
 * @param phrases  exact phrases, put in as written
 * @param author   {@code null} for any author
 * @param lang     {@code null} for any language
 * @param box      {@code null} for anywhere; else exact coordinates inside it
 * @param shape    the kind of tweet; {@link Shape#ANY} for the usual mix
 */
public record TweetRecipe(
        List<String> keywords,
        List<String> phrases,
        List<String> hashtags,
        List<String> mentions,
        List<String> cashtags,
        UserProfile author,
        String lang,
        LocationBox box,
        Shape shape,
        boolean withLink,
        boolean withHashtag,
        boolean withMention) {

    /** The kinds of tweet a rule can ask for with {@code is:}. */
    public enum Shape { ANY, RETWEET, QUOTE, REPLY }

    /** No demands at all: a tweet like those of the sample stream. */
    public static final TweetRecipe ANYTHING = new TweetRecipe(List.of(), List.of(), List.of(), List.of(), List.of(),
            null, null, null, Shape.ANY, false, false, false);

    public TweetRecipe {
        keywords = List.copyOf(keywords);
        phrases = List.copyOf(phrases);
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
        cashtags = List.copyOf(cashtags);
    }

    /** The words, phrases and entity names put in on purpose, as written in the rule (with #, @, $). */
    public List<String> injectedTerms() {
        List<String> terms = new java.util.ArrayList<>(keywords);
        terms.addAll(phrases);
        hashtags.forEach(tag -> terms.add("#" + tag));
        mentions.forEach(name -> terms.add("@" + name));
        cashtags.forEach(tag -> terms.add("$" + tag));
        return List.copyOf(terms);
    }
}
