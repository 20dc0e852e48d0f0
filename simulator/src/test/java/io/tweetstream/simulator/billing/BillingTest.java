package io.tweetstream.simulator.billing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BillingTest {

    private final BillingClock clock = new BillingClock();

    @Test
    void eachAppPaysForAPostOncePerBillingDay() {
        Billing billing = billing(Billing.UNLIMITED, 1_000);
        LocalDate today = clock.today();

        assertThat(billing.bill("a", 1)).isTrue();
        assertThat(billing.bill("a", 1)).isTrue();
        assertThat(billing.bill("b", 1)).isTrue();
        assertThat(billing.postsBilled(today)).isEqualTo(2);

        clock.advance(Duration.ofDays(1));
        billing.bill("a", 1);

        assertThat(billing.postsBilled(today.plusDays(1))).isEqualTo(1);
        assertThat(billing.postsBilledTotal()).isEqualTo(3);
    }

    @Test
    void theCreditPaysForSoManyPostsThenEverythingIsRefusedUntilMoreIsBought() {
        Billing billing = billing(2, 1_000);

        assertThat(billing.bill("a", 1)).isTrue();
        assertThat(billing.bill("a", 2)).isTrue();
        assertThat(billing.refusal()).contains(Billing.Refusal.CREDITS_DEPLETED);
        assertThat(billing.bill("a", 3)).isFalse();
        assertThat(billing.bill("a", 1)).as("a repeat too, once the credit is spent").isFalse();

        billing.setCreditPosts(1);
        assertThat(billing.refusal()).isEmpty();
        assertThat(billing.bill("a", 3)).isTrue();
        assertThat(billing.creditPostsLeft()).isZero();
        assertThat(billing.postsBilledTotal()).isEqualTo(3);
    }

    @Test
    void theCapHoldsForTheCapPeriodAndResetsOnTheResetDay() {
        LocalDate tomorrow = clock.today().plusDays(1);
        Billing billing = new Billing(clock, "p", Billing.UNLIMITED, 2, tomorrow.getDayOfMonth(), 100);
        billing.bill("a", 1);
        billing.bill("b", 2);

        assertThat(billing.refusal()).contains(Billing.Refusal.USAGE_CAPPED);
        assertThat(billing.bill("a", 3)).isFalse();

        clock.advance(Duration.ofDays(1));
        assertThat(billing.postsBilledThisCapPeriod()).isZero();
        assertThat(billing.refusal()).isEmpty();
        assertThat(billing.bill("a", 3)).isTrue();
        assertThat(billing.postsBilledThisCapPeriod()).isEqualTo(1);
    }

    @Test
    void theUsageReportHoldsTheDaysOfThePeriodAskedForAndTheAppAsking() {
        Billing billing = billing(Billing.UNLIMITED, 1_000);
        LocalDate first = clock.today();
        billing.bill("a", 1);
        clock.advance(Duration.ofDays(3));
        billing.bill("a", 2);
        billing.bill("a", 3);

        Billing.Usage usage = billing.usage("c", 2);

        assertThat(usage.projectDaily()).containsOnlyKeys(first.plusDays(3));
        assertThat(usage.appsDaily()).containsOnlyKeys("a", "c");
        assertThat(usage.appsDaily().get("c")).isEmpty();
        assertThat(billing.usage("a", 4).projectDaily()).containsEntry(first, 1L).containsEntry(first.plusDays(3), 2L);
    }

    @Test
    void concurrentStreamsNeverSpendMoreThanTheCredit() throws Exception {
        Billing billing = billing(10_000, 1_000_000);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            long first = thread * 1_000_000L;
            threads.execute(() -> {
                for (long id = first; id < first + 5_000; id++) {
                    billing.bill("a", id);
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(billing.postsBilledTotal()).isEqualTo(10_000);
        assertThat(billing.creditPostsLeft()).isZero();
    }

    @Test
    void theClockOnlyMovesForward() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        clock.advance(Duration.ofDays(40));

        assertThat(clock.today()).isBetween(today.plusDays(40), today.plusDays(41));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreStableNumbersThatDoNotShowTheToken() {
        assertThat(AppIds.ofToken("secret")).isEqualTo(AppIds.ofToken("secret")).matches("[1-9][0-9]{18}")
                .doesNotContain("secret").isNotEqualTo(AppIds.ofToken("other"));
        assertThat(AppIds.ofProject(42)).isNotEqualTo(AppIds.ofAccount(42));
    }

    private Billing billing(long credit, long cap) {
        return new Billing(clock, "p", credit, cap, 1, 100);
    }
}
