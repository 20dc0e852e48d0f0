package io.tweetstream.connect.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XClockTest {

    private final SettableClock local = new SettableClock(Instant.parse("2026-12-02T12:00:00.400Z"));
    private final XClock clock = new XClock(local);

    @Test
    void followsXsDateHeaderAndIgnoresTheHeadersMissingMilliseconds() {
        clock.observe(Optional.of("Wed, 02 Dec 2026 12:00:00 GMT"));
        assertEquals(local.instant(), clock.now(), "within a second is the same clock");
        clock.observe(Optional.of("Thu, 03 Dec 2026 12:00:00 GMT"));
        assertEquals(Instant.parse("2026-12-03T12:00:00Z"), clock.now());
        local.advance(Duration.ofSeconds(10));
        assertEquals(Instant.parse("2026-12-03T12:00:10Z"), clock.now());
        assertEquals(Duration.ofSeconds(50), clock.until(Instant.parse("2026-12-03T12:01:00Z")));
        assertEquals(Duration.ZERO, clock.until(Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void anUnreadableOrMissingDateChangesNothing() {
        clock.observe(Optional.of("yesterday"));
        clock.observe(Optional.empty());
        assertEquals(local.instant(), clock.now());
    }
}
