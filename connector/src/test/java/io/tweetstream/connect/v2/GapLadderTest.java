package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.config.GapRecoveryTool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapLadderTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final GapLadder ENTERPRISE = new GapLadder(5,
            List.of(GapRecoveryTool.RECOVERY, GapRecoveryTool.SEARCH), true);
    private static final GapLadder PAY_PER_USE = new GapLadder(0, List.of(GapRecoveryTool.SEARCH), true);

    private static Instant ago(Duration duration) {
        return NOW.minus(duration);
    }

    @Test
    void aFewMinutesOnEnterpriseAreBackfilled() {
        GapPlan plan = ENTERPRISE.plan(ago(Duration.ofMinutes(3)), NOW);

        assertThat(plan.backfillMinutes()).isEqualTo(4);
        assertThat(plan.refillsBesideTheStream()).isFalse();
        assertThat(plan.unreachable()).isEmpty();
    }

    @Test
    void longerThanBackfillUpTo24HoursOnEnterpriseIsRecovered() {
        GapPlan plan = ENTERPRISE.plan(ago(Duration.ofMinutes(10)), NOW);

        assertThat(plan.backfillMinutes()).isZero();
        assertThat(plan.recovery()).isEqualTo(new GapPlan.Window(ago(Duration.ofMinutes(10)), NOW));
        assertThat(plan.search()).isNull();
        assertThat(ENTERPRISE.plan(ago(Duration.ofHours(24)), NOW).recovery()).isNotNull();
        assertThat(ENTERPRISE.plan(ago(Duration.ofHours(25)), NOW).search())
                .isEqualTo(new GapPlan.Window(ago(Duration.ofHours(25)), NOW));
    }

    @Test
    void payPerUseSearchesEveryGapEvenASecond() {
        assertThat(PAY_PER_USE.plan(ago(Duration.ofSeconds(1)), NOW).search())
                .isEqualTo(new GapPlan.Window(ago(Duration.ofSeconds(1)), NOW));
        GapPlan twoHours = PAY_PER_USE.plan(ago(Duration.ofHours(2)), NOW);
        assertThat(twoHours.search()).isEqualTo(new GapPlan.Window(ago(Duration.ofHours(2)), NOW));
        assertThat(twoHours.backfillMinutes()).isZero();
        assertThat(twoHours.unreachable()).isEmpty();
    }

    @Test
    void whatIsOlderThanSevenDaysIsUnreachable() {
        GapPlan plan = PAY_PER_USE.plan(ago(Duration.ofDays(9)), NOW);

        Instant oldestSearchable = NOW.minus(GapLadder.SEARCH_REACH);
        assertThat(plan.search()).isEqualTo(new GapPlan.Window(oldestSearchable, NOW));
        assertThat(plan.unreachable()).singleElement().satisfies(unreachable -> {
            assertThat(unreachable.window()).isEqualTo(new GapPlan.Window(ago(Duration.ofDays(9)), oldestSearchable));
            assertThat(unreachable.why()).contains("7 days");
        });
    }

    @Test
    void withoutToolsOrOnTheSampleStreamOnlyBackfillRefills() {
        GapPlan off = new GapLadder(0, List.of(), true).plan(ago(Duration.ofMinutes(2)), NOW);
        assertThat(off.refillsBesideTheStream()).isFalse();
        assertThat(off.unreachable()).singleElement().satisfies(u -> assertThat(u.why()).contains("empty"));

        GapLadder sample = new GapLadder(5, List.of(), false);
        assertThat(sample.plan(ago(Duration.ofMinutes(2)), NOW).backfillMinutes()).isEqualTo(3);
        assertThat(sample.plan(ago(Duration.ofMinutes(20)), NOW).unreachable()).singleElement()
                .satisfies(u -> assertThat(u.why()).contains("sample:"));
    }

    @Test
    void noGapNoPlan() {
        assertThat(PAY_PER_USE.plan(NOW, NOW)).isEqualTo(GapPlan.none());
        assertThat(PAY_PER_USE.plan(NOW.plusSeconds(3), NOW)).isEqualTo(GapPlan.none());
    }
}
