package io.tweetstream.simulator.v2;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $TAG}s of a text. The generator's v1.1 statuses list no symbols, so v2 entities and rule
 * matching find them in the text, as X's parser does.
 */
final class Cashtags {

    private static final Pattern CASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_$])\\$([A-Za-z]{1,6}(?:_[A-Za-z]{1,2})?)(?![\\p{L}\\p{N}_])");

    /** A cashtag's tag (without {@code $}) and its place in code points. */
    record Found(String tag, int start, int end) {
    }

    private Cashtags() {
    }

    static List<Found> in(String text) {
        List<Found> found = new ArrayList<>();
        Matcher matcher = CASHTAG.matcher(text);
        while (matcher.find()) {
            int start = text.codePointCount(0, matcher.start());
            found.add(new Found(matcher.group(1), start, start + text.codePointCount(matcher.start(), matcher.end())));
        }
        return found;
    }
}
