package io.tweetstream.simulator.generate;

/**
 * A link as Twitter shows it: the t.co address in the text, the address it stands for, and the short
 * form clients display.
 */
public record Link(String url, String expandedUrl, String displayUrl) {

    /** Every t.co address is this long, so a link always costs the same in a tweet. */
    public static final int TCO_LENGTH = 23;
    private static final String TCO_PREFIX = "https://t.co/";
    private static final String TCO_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Characters of a long address shown before the ellipsis, as in {@code twitter.com/i/web/status/1…}. */
    private static final int DISPLAY_LENGTH = 26;

    /** A fresh t.co address standing for {@code expandedUrl}. */
    public static Link to(String expandedUrl, Dice dice) {
        String url = TCO_PREFIX + dice.characters(TCO_ALPHABET, TCO_LENGTH - TCO_PREFIX.length());
        return new Link(url, expandedUrl, display(expandedUrl));
    }

    /**
     * The display form: no scheme, no {@code www.}, and a long path cut with an ellipsis. The host is never
     * cut, so a word in it stays visible.
     */
    static String display(String expandedUrl) {
        String shown = expandedUrl.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        int slash = shown.indexOf('/');
        int hostLength = slash < 0 ? shown.length() : slash;
        int kept = Math.max(hostLength + 1, DISPLAY_LENGTH);
        return shown.length() <= kept + 1 ? shown : shown.substring(0, kept) + "…";
    }
}
