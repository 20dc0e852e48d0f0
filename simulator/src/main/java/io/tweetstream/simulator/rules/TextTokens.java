package io.tweetstream.simulator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into the lower-case tokens a rule's keywords are matched against, as X tokenises a tweet:
 * runs of letters and digits (with their combining marks); everything else separates.
 */
public final class TextTokens {

    private TextTokens() {
    }

    public static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        text.codePoints().forEach(point -> {
            if (isTokenPart(point, token.length() > 0)) {
                token.appendCodePoint(point);
            } else if (token.length() > 0) {
                tokens.add(token.toString().toLowerCase(Locale.ROOT));
                token.setLength(0);
            }
        });
        if (token.length() > 0) {
            tokens.add(token.toString().toLowerCase(Locale.ROOT));
        }
        return tokens;
    }

    /** Whether {@code needle} occurs in {@code haystack} as consecutive tokens. */
    public static boolean containsRun(List<String> haystack, List<String> needle) {
        if (needle.isEmpty()) {
            return false;
        }
        for (int start = 0; start + needle.size() <= haystack.size(); start++) {
            if (haystack.subList(start, start + needle.size()).equals(needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenPart(int point, boolean inToken) {
        if (Character.isLetterOrDigit(point)) {
            return true;
        }
        // Marks belong to the letter before them (Devanagari vowel signs, accents written apart).
        int type = Character.getType(point);
        return inToken && (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK);
    }
}
