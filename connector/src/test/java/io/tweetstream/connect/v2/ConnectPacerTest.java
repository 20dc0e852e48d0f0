package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class ConnectPacerTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void theFiftyFirstAttemptIn15MinutesWaitsForTheOldestToLeaveTheWindow() {
        ConnectPacer pacer = new ConnectPacer(50);
        for (int i = 0; i < 50; i++) {
            Instant at = T0.plusSeconds(i);
            assertThat(pacer.waitBeforeConnect(at)).isZero();
            pacer.attempted(at);
        }

        assertThat(pacer.waitBeforeConnect(T0.plusSeconds(60))).isEqualTo(Duration.ofMinutes(14));
        assertThat(pacer.waitBeforeConnect(T0.plus(ConnectPacer.WINDOW))).isZero();
    }

    @Test
    void noAttemptWhileXSaysTheWindowIsUsedUp() {
        ConnectPacer pacer = new ConnectPacer(0);
        pacer.observed(new RateLimit(0, T0.plusSeconds(90)), T0);

        assertThat(pacer.waitBeforeConnect(T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(60));
        assertThat(pacer.waitBeforeConnect(T0.plusSeconds(90))).isZero();
        pacer.observed(new RateLimit(3, T0.plusSeconds(900)), T0);
        assertThat(pacer.waitBeforeConnect(T0.plusSeconds(91))).isZero();
    }

    @Test
    void theTasksOfOneAppShareAPacerAndOtherAppsHaveTheirOwn() {
        ConnectPacer app = ConnectPacer.forApp("https://api.x.com/", new Password("token-a"), 50);

        assertThat(ConnectPacer.forApp("https://api.x.com/", new Password("token-a"), 50)).isSameAs(app);
        assertThat(ConnectPacer.forApp("https://api.x.com/", new Password("token-b"), 50)).isNotSameAs(app);
    }
}
