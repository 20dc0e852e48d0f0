package io.tweetstream.connect.cost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * X's time, as the {@code Date} header of its latest response says: X bills by its own UTC day, so
 * the budgets' days and months follow X's clock rather than this machine's. Before any response, and
 * when a response has no readable {@code Date}, it is the local clock.
 */
public final class XClock {

    private final Clock local;
    /** X's time minus the local time when X's last response came, in milliseconds. */
    private volatile long offsetMillis;

    public XClock(Clock local) {
        this.local = local;
    }

    public static XClock system() {
        return new XClock(Clock.systemUTC());
    }

    /** Takes X's time from a response's {@code Date} header (RFC 1123, whole seconds). */
    public void observe(Optional<String> dateHeader) {
        if (dateHeader.isEmpty()) {
            return;
        }
        Instant said;
        try {
            said = ZonedDateTime.parse(dateHeader.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return;
        }
        long offset = said.toEpochMilli() - local.millis();
        // The header has whole seconds: an offset within a second is this machine's clock, not a skew.
        offsetMillis = Math.abs(offset) < 1_000 ? 0 : offset;
    }

    public Instant now() {
        return local.instant().plusMillis(offsetMillis);
    }

    /** How long from now until X's clock shows {@code xTime}; zero when it already has. */
    public Duration until(Instant xTime) {
        Duration left = Duration.between(now(), xTime);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
