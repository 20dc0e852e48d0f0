package io.tweetstream.connect.match;

import io.tweetstream.connect.tweet.Tweet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which track phrases a tweet matched. Twitter's v1.1 stream does not say, so this follows
 * its documented track rules:
 *
 * <ul>
 *   <li>a phrase matches when every one of its words is a term of the tweet, in any order, ignoring
 *       case ("apache kafka" matches "Kafka, by Apache");
 *   <li>the terms are the words of the text with surrounding punctuation removed ("Kafka!",
 *       "#kafka", "@kafka" and "(kafka)" all give "kafka", but "kafkaesque" does not; a mention
 *       or hashtag gives just its name, so "@kafka's" gives "kafka"), the
 *       hashtags, the mentioned screen names, and the expanded and display URLs of links, whole
 *       (without scheme or "www.") and by host name part ("https://www.kafka.apache.org/x" gives
 *       "kafka.apache.org/x", "kafka.apache.org", "kafka", "apache" and "org");
 *   <li>a retweet or quote also matches on the terms of the tweet it retweets or quotes.
 * </ul>
 *
 * Like Twitter, matching splits on white space, so it does not find words inside unspaced scripts
 * such as Japanese. A leading '#' or '@' in a phrase is ignored, because Twitter matches the word in
 * text, hashtags and mentions alike.
 */
public final class KeywordMatcher {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<String> phrases;
    private final List<String[]> phraseWords;

    public KeywordMatcher(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        this.phraseWords = new ArrayList<>(phrases.size());
        for (String phrase : phrases) {
            List<String> words = new ArrayList<>();
            for (String word : WHITESPACE.split(phrase.trim())) {
                String term = termOf(word.toLowerCase(Locale.ROOT));
                if (!term.isEmpty()) {
                    words.add(term);
                }
            }
            phraseWords.add(words.toArray(new String[0]));
        }
    }

    /** The configured phrases the tweet matches, in configuration order; empty when none does. */
    public List<String> matches(Tweet tweet) {
        if (phrases.isEmpty()) {
            return List.of();
        }
        Set<String> terms = new HashSet<>();
        collectTerms(tweet, terms);
        List<String> matched = new ArrayList<>(2);
        for (int i = 0; i < phrases.size(); i++) {
            if (containsAll(terms, phraseWords.get(i))) {
                matched.add(phrases.get(i));
            }
        }
        return matched;
    }

    private static boolean containsAll(Set<String> terms, String[] words) {
        if (words.length == 0) {
            return false;
        }
        for (String word : words) {
            if (!terms.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static void collectTerms(Tweet tweet, Set<String> terms) {
        addWords(tweet.text(), terms);
        for (String hashtag : tweet.hashtags()) {
            terms.add(hashtag.toLowerCase(Locale.ROOT));
        }
        for (String mention : tweet.mentions()) {
            terms.add(mention.toLowerCase(Locale.ROOT));
        }
        for (Tweet.Link link : tweet.links()) {
            addUrl(link.expandedUrl(), terms);
            addUrl(link.displayUrl(), terms);
        }
        if (tweet.retweetedStatus() != null) {
            collectTerms(tweet.retweetedStatus(), terms);
        }
        if (tweet.quotedStatus() != null) {
            collectTerms(tweet.quotedStatus(), terms);
        }
    }

    private static void addWords(String text, Set<String> terms) {
        if (text == null) {
            return;
        }
        for (String word : WHITESPACE.split(text.toLowerCase(Locale.ROOT))) {
            String term = termOf(word);
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
    }

    private static void addUrl(String url, Set<String> terms) {
        if (url == null || url.isEmpty()) {
            return;
        }
        String address = url.toLowerCase(Locale.ROOT);
        int scheme = address.indexOf("://");
        if (scheme >= 0) {
            address = address.substring(scheme + 3);
        }
        while (address.endsWith("/")) {
            address = address.substring(0, address.length() - 1);
        }
        terms.add(address);
        if (address.startsWith("www.")) {
            address = address.substring(4);
            terms.add(address);
        }
        int pathStart = indexOfAny(address, "/?#");
        String host = pathStart < 0 ? address : address.substring(0, pathStart);
        terms.add(host);
        for (String label : host.split("\\.")) {
            if (!label.isEmpty()) {
                terms.add(label);
            }
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The word without surrounding punctuation; for a mention or hashtag ("@twitter's", "(#kafka)")
     * just the name that follows the sign, as Twitter reads it; the word itself when it is all
     * symbols (so an emoji phrase such as "🔥" still matches the same emoji standing alone).
     */
    private static String termOf(String word) {
        String stripped = stripPunctuation(word);
        if (stripped.isEmpty()) {
            return word;
        }
        int start = word.indexOf(stripped);
        if (start > 0 && (word.charAt(start - 1) == '@' || word.charAt(start - 1) == '#')) {
            int end = 0;
            while (end < stripped.length() && isWordChar(stripped.codePointAt(end))) {
                end += Character.charCount(stripped.codePointAt(end));
            }
            return stripped.substring(0, end);
        }
        return stripped;
    }

    /** Removes leading and trailing characters that are neither letters nor digits (nor '_'). */
    static String stripPunctuation(String word) {
        int start = 0;
        int end = word.length();
        while (start < end) {
            int cp = word.codePointAt(start);
            if (isWordChar(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = word.codePointBefore(end);
            if (isWordChar(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return word.substring(start, end);
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '_';
    }
}
