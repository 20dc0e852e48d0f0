package io.tweetstream.connect.core;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one way a stream reports a window of tweets it cannot refill: a warning with the window, and a count. */
public final class GapReports {

    private static final Logger log = LoggerFactory.getLogger(GapReports.class);

    private GapReports() {}

    /**
     * @param stream what was not recovered, e.g. "the filtered stream"
     * @param why what stands in the way, and what the user can do about it
     */
    public static void unrecoverable(StreamStats stats, String stream, Instant from, Instant to, String why) {
        Duration window = Duration.between(from, to);
        if (window.isNegative() || window.isZero()) {
            return;
        }
        stats.add(StreamCounter.UNRECOVERABLE_SECONDS, Math.max(1, window.toSeconds()));
        log.warn("Tweets of {} made from {} to {} ({}) cannot be recovered: {}", stream, from, to, describe(window), why);
    }

    /** E.g. "2 h 5 min", "40 s". */
    public static String describe(Duration window) {
        long days = window.toDays();
        long hours = window.toHoursPart();
        long minutes = window.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min " + window.toSecondsPart() + " s" : window.toSeconds() + " s";
    }
}
