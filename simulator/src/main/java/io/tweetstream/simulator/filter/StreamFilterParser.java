package io.tweetstream.simulator.filter;

import io.tweetstream.simulator.LocationBox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parameters of a {@code statuses/filter} request into a {@link StreamFilter}, refusing what
 * Twitter's standard streaming API refused, with the same limits.
 */
public final class StreamFilterParser {

    /** Twitter's limits for the standard (non-elevated) filter stream. */
    static final int MAX_TRACK_PHRASES = 400;
    static final int MAX_PHRASE_BYTES = 60;
    static final int MAX_FOLLOW_IDS = 5_000;
    static final int MAX_LOCATION_BOXES = 25;

    private static final int NOT_ACCEPTABLE = 406;
    private static final int TOO_LONG = 413;
    private static final Set<String> FILTER_LEVELS = Set.of("none", "low", "medium");

    private StreamFilterParser() {
    }

    /**
     * @param parameters request parameters, already URL-decoded
     * @throws FilterRejectedException when no predicate is given or one is malformed or too long
     */
    public static StreamFilter parse(Map<String, String> parameters) throws FilterRejectedException {
        List<String> track = parseTrack(parameters.get("track"));
        List<Long> follow = parseFollow(parameters.get("follow"));
        List<LocationBox> locations = parseLocations(parameters.get("locations"));
        if (track.isEmpty() && follow.isEmpty() && locations.isEmpty()) {
            throw new FilterRejectedException(NOT_ACCEPTABLE,
                    "No filter parameters found. Expect at least one parameter: follow track locations");
        }
        List<String> languages = items(parameters.get("language"));
        String filterLevel = parseFilterLevel(parameters.get("filter_level"));
        boolean stallWarnings = Boolean.parseBoolean(parameters.get("stall_warnings"));
        return new StreamFilter(track, follow, locations, languages, filterLevel, stallWarnings);
    }

    private static List<String> parseTrack(String value) throws FilterRejectedException {
        List<String> phrases = items(value).stream().map(phrase -> String.join(" ", StreamFilter.wordsOf(phrase))).toList();
        if (phrases.size() > MAX_TRACK_PHRASES) {
            throw new FilterRejectedException(TOO_LONG,
                    "Parameter track too long: " + phrases.size() + " phrases, at most " + MAX_TRACK_PHRASES);
        }
        for (int i = 0; i < phrases.size(); i++) {
            if (phrases.get(i).getBytes(StandardCharsets.UTF_8).length > MAX_PHRASE_BYTES) {
                throw new FilterRejectedException(NOT_ACCEPTABLE,
                        "Parameter track item index " + i + " too long: " + phrases.get(i));
            }
        }
        return phrases;
    }

    private static List<Long> parseFollow(String value) throws FilterRejectedException {
        List<String> ids = items(value);
        if (ids.size() > MAX_FOLLOW_IDS) {
            throw new FilterRejectedException(TOO_LONG,
                    "Parameter follow too long: " + ids.size() + " ids, at most " + MAX_FOLLOW_IDS);
        }
        List<Long> follow = new ArrayList<>(ids.size());
        for (String id : ids) {
            try {
                long parsed = Long.parseLong(id);
                if (parsed <= 0) {
                    throw new NumberFormatException();
                }
                follow.add(parsed);
            } catch (NumberFormatException e) {
                throw new FilterRejectedException(NOT_ACCEPTABLE, "Parameter follow has an invalid user id: " + id);
            }
        }
        return follow;
    }

    private static List<LocationBox> parseLocations(String value) throws FilterRejectedException {
        List<String> numbers = items(value);
        if (numbers.size() % 4 != 0) {
            throw new FilterRejectedException(NOT_ACCEPTABLE,
                    "Parameter locations needs groups of 4 numbers (swLng,swLat,neLng,neLat), got " + numbers.size());
        }
        if (numbers.size() / 4 > MAX_LOCATION_BOXES) {
            throw new FilterRejectedException(TOO_LONG,
                    "Parameter locations too long: " + numbers.size() / 4 + " boxes, at most " + MAX_LOCATION_BOXES);
        }
        List<LocationBox> boxes = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i += 4) {
            try {
                boxes.add(new LocationBox(Double.parseDouble(numbers.get(i)), Double.parseDouble(numbers.get(i + 1)),
                        Double.parseDouble(numbers.get(i + 2)), Double.parseDouble(numbers.get(i + 3))));
            } catch (IllegalArgumentException e) {
                // NumberFormatException is an IllegalArgumentException too.
                throw new FilterRejectedException(NOT_ACCEPTABLE,
                        "Parameter locations has an invalid box " + String.join(",", numbers.subList(i, i + 4))
                                + ": " + e.getMessage());
            }
        }
        return boxes;
    }

    private static String parseFilterLevel(String value) throws FilterRejectedException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String level = value.trim();
        if (!FILTER_LEVELS.contains(level)) {
            throw new FilterRejectedException(NOT_ACCEPTABLE,
                    "Parameter filter_level must be one of none, low, medium; was " + level);
        }
        return level;
    }

    /** Splits a comma-separated value, trimming items and dropping empty ones; a missing value gives none. */
    private static List<String> items(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
