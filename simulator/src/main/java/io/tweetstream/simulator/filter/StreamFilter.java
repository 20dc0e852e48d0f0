package io.tweetstream.simulator.filter;

import io.tweetstream.simulator.LocationBox;

import java.util.Arrays;
import java.util.List;

/**
 * The predicates of one {@code statuses/filter} request. A status matches when it matches
 * {@code track} OR {@code follow} OR {@code locations}, AND, if languages are given, its {@code lang}
 * is one of them.
 *
 * @param track         phrases as sent; a phrase matches when all its space-separated words are present
 * @param follow        user ids
 * @param locations     bounding boxes
 * @param languages     BCP 47 codes as Twitter writes them in {@code lang}
 * @param filterLevel   {@code none}, {@code low} or {@code medium}; {@code null} when not sent
 * @param stallWarnings whether the client asked for stall warnings (kept for the fault injection to come)
 */
public record StreamFilter(
        List<String> track,
        List<Long> follow,
        List<LocationBox> locations,
        List<String> languages,
        String filterLevel,
        boolean stallWarnings) {

    private static final int LOGGED_ITEMS = 10;

    /** No predicates: what a v2 stream, which is filtered by rules instead, is registered with. */
    public static final StreamFilter NONE = new StreamFilter(List.of(), List.of(), List.of(), List.of(), null, false);

    public StreamFilter {
        track = List.copyOf(track);
        follow = List.copyOf(follow);
        locations = List.copyOf(locations);
        languages = List.copyOf(languages);
    }

    /** The words of a track phrase: split on spaces, as Twitter does. */
    public static List<String> wordsOf(String phrase) {
        return Arrays.stream(phrase.trim().split(" +")).filter(word -> !word.isEmpty()).toList();
    }

    /** A one-line summary for the log; long lists are cut so that 5,000 followed ids do not flood it. */
    public String describe() {
        return "track=" + abbreviate(track) + " follow=" + abbreviate(follow) + " locations=" + abbreviate(locations)
                + " language=" + abbreviate(languages);
    }

    private static String abbreviate(List<?> items) {
        if (items.size() <= LOGGED_ITEMS) {
            return items.toString();
        }
        return items.subList(0, LOGGED_ITEMS).toString().replaceFirst("]$", ", ... (" + items.size() + " in all)]");
    }
}
