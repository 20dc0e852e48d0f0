package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tweetstream.connect.v2.RedundantConnections.Cover;
import io.tweetstream.connect.v2.RedundantConnections.Member;
import io.tweetstream.connect.v2.RedundantConnections.Verdict;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RedundantConnectionsTest {

    private static final Instant OPENED = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant GAP_FROM = OPENED.plusSeconds(60);

    private final RedundantConnections group = RedundantConnections.of(2);
    private final Member first = group.member(0);
    private final Member second = group.member(1);

    @Test
    void aGapIsCoveredOnceTheOtherConnectionDeliversTheFirstTweetOfTheReconnectedOne() {
        first.opened(OPENED, null);
        first.delivered(1);
        Cover cover = second.coverFor(GAP_FROM).orElseThrow();
        second.opened(GAP_FROM.plusSeconds(5), cover);

        second.delivered(7);
        assertThat(cover.verdict()).as("the other is behind: not yet").isEqualTo(Verdict.UNDECIDED);
        first.delivered(5);
        assertThat(cover.verdict()).isEqualTo(Verdict.UNDECIDED);
        first.delivered(7);

        assertThat(cover.verdict()).isEqualTo(Verdict.COVERED);
    }

    @Test
    void aGapIsCoveredAtOnceWhenTheOtherConnectionDeliveredThatTweetAlready() {
        first.opened(OPENED, null);
        first.delivered(7);
        Cover cover = second.coverFor(GAP_FROM).orElseThrow();
        second.opened(GAP_FROM.plusSeconds(5), cover);

        second.delivered(7);

        assertThat(cover.verdict()).isEqualTo(Verdict.COVERED);
    }

    @Test
    void aGapIsNotCoveredWhenTheOtherConnectionEndsBeforeDeliveringThatTweet() {
        first.opened(OPENED, null);
        Cover cover = second.coverFor(GAP_FROM).orElseThrow();
        second.opened(GAP_FROM.plusSeconds(5), cover);
        second.delivered(7);

        first.closed();
        first.opened(OPENED.plusSeconds(90), null);
        first.delivered(7);

        assertThat(cover.verdict()).as("delivered on a later connection, after a gap of its own")
                .isEqualTo(Verdict.UNCOVERED);
    }

    @Test
    void aGapIsNotCoveredWhenTheOtherConnectionEndedBeforeTheReconnectedOneGotATweet() {
        first.opened(OPENED, null);
        Cover cover = second.coverFor(GAP_FROM).orElseThrow();
        second.opened(GAP_FROM.plusSeconds(5), cover);

        first.closed();

        assertThat(cover.verdict()).isEqualTo(Verdict.UNCOVERED);
    }

    @Test
    void aGapIsNotCoveredWhenTheProofTakesLongerThanTheDeadline() {
        AtomicLong now = new AtomicLong();
        RedundantConnections clocked = RedundantConnections.of(2, now::get);
        clocked.member(0).opened(OPENED, null);
        Cover cover = clocked.member(1).coverFor(GAP_FROM).orElseThrow();
        clocked.member(1).opened(GAP_FROM.plusSeconds(5), cover);
        clocked.member(1).delivered(7);

        now.addAndGet(RedundantConnections.PROOF_DEADLINE.toNanos());
        assertThat(cover.verdict()).isEqualTo(Verdict.UNDECIDED);
        now.incrementAndGet();
        assertThat(cover.verdict()).isEqualTo(Verdict.UNCOVERED);
        clocked.member(0).delivered(7);
        assertThat(cover.verdict()).as("decided once and for all").isEqualTo(Verdict.UNCOVERED);
    }

    @Test
    void noConnectionCoversAGapThatBeganBeforeItReachesBack() {
        first.opened(GAP_FROM.plusMillis(1), null);

        assertThat(second.coverFor(GAP_FROM)).isEmpty();
        assertThat(second.coverFor(GAP_FROM.plusMillis(1))).isPresent();
    }

    @Test
    void aClosedConnectionCoversNothingAndAConnectionNeverCoversItsOwnGap() {
        first.opened(OPENED, null);
        assertThat(first.coverFor(GAP_FROM)).isEmpty();

        first.closed();

        assertThat(second.coverFor(GAP_FROM)).isEmpty();
    }

    @Test
    void aConnectionAloneIsNeverCoveredAndRemembersNothing() {
        Member alone = RedundantConnections.single();
        alone.opened(OPENED, null);
        alone.delivered(1);

        assertThat(alone.coverFor(GAP_FROM)).isEmpty();
        assertThat(alone.redundant()).isFalse();
        assertThat(alone.first()).isTrue();
        assertThat(second.first()).isFalse();
    }

    @Test
    void aGroupHasAtLeastOneConnectionAndItsMembersAreNumberedFromZero() {
        assertThatThrownBy(() -> RedundantConnections.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> group.member(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No connection 2");
    }
}
