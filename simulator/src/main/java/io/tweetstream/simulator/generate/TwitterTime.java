package io.tweetstream.simulator.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Twitter's v1.1 date format, e.g. {@code Wed Oct 10 20:19:24 +0000 2018}. */
public final class TwitterTime {

    /** The pattern of {@code created_at}; parse it with {@link Locale#US}. */
    public static final String PATTERN = "EEE MMM dd HH:mm:ss Z yyyy";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern(PATTERN, Locale.US).withZone(ZoneOffset.UTC);

    private TwitterTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static Instant parse(String createdAt) {
        return FORMAT.parse(createdAt, Instant::from);
    }
}
