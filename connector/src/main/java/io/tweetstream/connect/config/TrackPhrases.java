package io.tweetstream.connect.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Normalisation of track phrases, shared by validation and by the split across tasks. */
public final class TrackPhrases {

    /** Twitter rejects track phrases longer than 60 bytes. */
    public static final int MAX_PHRASE_BYTES = 60;

    private TrackPhrases() {}

    /**
     * The phrases trimmed, with inner whitespace collapsed, blanks dropped and duplicates removed:
     * Twitter matches case-insensitively, so "Kafka" and "kafka" are one phrase (the first spelling
     * is kept). Order is preserved, so the same config always yields the same list.
     */
    public static List<String> distinct(List<String> phrases) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String phrase : phrases) {
            String normal = normalize(phrase);
            if (!normal.isEmpty()) {
                byKey.putIfAbsent(normal.toLowerCase(Locale.ROOT), normal);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    static String normalize(String phrase) {
        return phrase.trim().replaceAll("\\s+", " ");
    }

    static int utf8Length(String phrase) {
        return phrase.getBytes(StandardCharsets.UTF_8).length;
    }
}
