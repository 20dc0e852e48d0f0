package io.tweetstream.spark;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the counts go, chosen with {@code --sink}. */
public enum Sink {

    /** A readable table on standard output, one per batch with closed windows. */
    CONSOLE,
    /** One JSON record per row on a topic, keyed by window start and keyword. */
    KAFKA,
    /** Parquet files under a directory, written exactly once per window. */
    PARQUET;

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Sink fromOptionValue(String value) {
        for (Sink sink : values()) {
            if (sink.optionValue().equals(value)) {
                return sink;
            }
        }
        throw new IllegalArgumentException("--sink must be one of " + choices() + ", got '" + value + "'");
    }

    static String choices() {
        return Arrays.stream(values()).map(Sink::optionValue).collect(Collectors.joining(", "));
    }
}
