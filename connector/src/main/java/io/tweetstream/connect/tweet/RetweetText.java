package io.tweetstream.connect.tweet;

/**
 * The text of a retweet's record: {@code "RT @author: "} and the original's full text, as Twitter's
 * own clients show it. Both APIs truncate a retweet's own text to fit the prefix into 280
 * characters; the record rebuilds it whole from the original.
 */
public final class RetweetText {

    private static final String PREFIX = "RT @";
    private static final String SEPARATOR = ": ";

    private RetweetText() {}

    public static String of(String authorScreenName, String originalText) {
        return PREFIX + authorScreenName + SEPARATOR + originalText;
    }

    /**
     * The screen name in a retweet's own {@code "RT @name: …"} text, or null when the text does not
     * start that way. It names the original's author when the API left the author out.
     */
    public static String authorIn(String retweetText) {
        if (retweetText == null || !retweetText.startsWith(PREFIX)) {
            return null;
        }
        int end = retweetText.indexOf(SEPARATOR, PREFIX.length());
        if (end <= PREFIX.length()) {
            return null;
        }
        String name = retweetText.substring(PREFIX.length(), end);
        return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') ? name : null;
    }
}
