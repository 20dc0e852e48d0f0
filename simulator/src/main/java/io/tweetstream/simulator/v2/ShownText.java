package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The v2 {@code text} of a post: the whole text up to {@value #LIMIT} characters, else (a long post, whose whole text
 * is in {@code note_tweet}) its start cut at a word, with an ellipsis. Works on the HTML-escaped text X sends and its
 * entity indices, but counts characters as X does, an escaped {@code &amp;} as one.
 *
 * @param text   the text to send in {@code text}
 * @param cut    the index (in code points of the escaped text) where the whole text was cut; its length when whole
 * @param whole  whether {@code text} is the whole text
 */
record ShownText(String text, int cut, boolean whole) {

    static final int LIMIT = 280;
    private static final String ELLIPSIS = "…";

    /** @param entities the v1.1 entities of the whole text, which the cut must not split */
    static ShownText of(String escaped, JsonNode entities) {
        int[] points = escaped.codePoints().toArray();
        if (unescapedLength(escaped) <= LIMIT) {
            return new ShownText(escaped, points.length, true);
        }
        int best = -1;
        int fallback = 0;
        int counted = 0;
        for (int i = 0; i < points.length && counted < LIMIT; i++) {
            if (!insideEntity(entities, i)) {
                fallback = i;
                if (points[i] == ' ' && i > 0) {
                    best = i;
                }
            }
            counted++;
            if (points[i] == '&') {
                // Skip the rest of &amp; &lt; &gt;: one character to X, and never cut inside.
                int end = escaped.indexOf(';', escaped.offsetByCodePoints(0, i));
                if (end > 0 && end - escaped.offsetByCodePoints(0, i) <= 4) {
                    i += end - escaped.offsetByCodePoints(0, i);
                }
            }
        }
        int cut = best > 0 ? best : fallback;
        String prefix = new String(points, 0, cut).stripTrailing();
        int kept = prefix.codePointCount(0, prefix.length());
        return new ShownText(prefix + ELLIPSIS, kept, false);
    }

    /** Characters as X counts them: an escaped {@code &amp;}, {@code &lt;} or {@code &gt;} counts as one. */
    static int unescapedLength(String escaped) {
        String unescaped = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return unescaped.codePointCount(0, unescaped.length());
    }

    private static boolean insideEntity(JsonNode entities, int index) {
        for (JsonNode list : entities) {
            for (JsonNode entity : list) {
                JsonNode indices = entity.path("indices");
                if (indices.isArray() && indices.path(0).asInt() < index && index < indices.path(1).asInt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an entity at {@code [start, end)} of the whole text is within the shown text. */
    boolean shows(int end) {
        return end <= cut;
    }
}
