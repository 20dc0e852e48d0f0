package io.tweetstream.connect.tweet;

/**
 * Undoes the HTML escaping of tweet text. X escapes {@code &}, {@code <} and {@code >} in the text of
 * every post ({@code &amp;}, {@code &lt;}, {@code &gt;}), on v1.1 as on v2. Twitter4j unescapes v1.1
 * text itself (its {@code HTMLEntity.unescape}: one pass, named entities only, so {@code &amp;lt;}
 * gives {@code &lt;}); the v2 mapper uses this, so that the same post gives the same record text.
 *
 * <p>Since X escapes every {@code &}, these three are the only entities in its text, and on such
 * text this gives exactly what Twitter4j gives. Numeric references ({@code &#39;}) are left alone,
 * as Twitter4j leaves them.
 */
public final class HtmlText {

    private HtmlText() {}

    public static String unescape(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '&') {
                String replacement = null;
                int length = 0;
                if (text.startsWith("&amp;", i)) {
                    replacement = "&";
                    length = 5;
                } else if (text.startsWith("&lt;", i)) {
                    replacement = "<";
                    length = 4;
                } else if (text.startsWith("&gt;", i)) {
                    replacement = ">";
                    length = 4;
                }
                if (replacement != null) {
                    // One pass: what a replacement produces is not read again, so "&amp;lt;" stays "&lt;".
                    out.append(replacement);
                    i += length;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
