package io.tweetstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

class SimulatorSettingsTest {

    @Test
    void defaultsAreThoseDocumented() {
        SimulatorSettings settings = SimulatorSettings.builder().build();

        assertThat(settings.port()).isZero();
        assertThat(settings.maxTweetsPerConnection()).isEqualTo(Long.MAX_VALUE);
        assertThat(settings.keepAliveInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.deleteEvery()).isZero();
        assertThat(settings.limitEvery()).isZero();
        assertThat(settings.acceptedConsumerKeys()).isEmpty();
        assertThat(settings.acceptedBearerTokens()).isEmpty();
        assertThat(settings.v2MaxConnections()).isEqualTo(1);
        assertThat(settings.v2MaxRules()).isEqualTo(1_000);
        assertThat(settings.v2MaxRuleLength()).isEqualTo(1_024);
        assertThat(settings.deliveryDelay()).as("in order, as the connector's tests expect").isEqualTo(DeliveryDelay.none());
        assertThat(settings.firehoseTweetsPerSecond()).as("X's platform average").isEqualTo(6_000);
        assertThat(settings.likesPerSecond()).isEqualTo(50);
    }

    @Test
    void batchComplianceJobsHaveXsWindowsAndLimitAndAShortProcessingTime() {
        SimulatorSettings defaults = SimulatorSettings.builder().build();

        assertThat(defaults.complianceJobProcessing()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.complianceJobUploadWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.complianceJobMaxUploadBytes()).isEqualTo(128_000_000L);
        assertThatThrownBy(() -> SimulatorSettings.builder().complianceJobProcessing(Duration.ofMillis(-1)).build())
                .hasMessageContaining("complianceJobProcessing");
        assertThatThrownBy(() -> SimulatorSettings.builder().complianceJobUploadWindow(Duration.ZERO).build())
                .hasMessageContaining("complianceJobUploadWindow");
        assertThatThrownBy(() -> SimulatorSettings.builder().complianceJobMaxUploadBytes(0).build())
                .hasMessageContaining("complianceJobMaxUploadBytes");
    }

    @Test
    void showsTheDeliveryDelayInItsDescription() {
        assertThat(SimulatorSettings.builder().deliveryDelay(DeliveryDelay.xLike()).build().toString())
                .contains("deliveryDelay=log-normal median PT1S p99 PT6.5S cap PT10S");
        assertThatThrownBy(() -> SimulatorSettings.builder().deliveryDelay(null)).hasMessageContaining("deliveryDelay");
    }

    @Test
    void namesTheV2SettingThatIsOutOfRange() {
        assertThatThrownBy(() -> SimulatorSettings.builder().v2MaxConnections(0).build()).hasMessageContaining("v2MaxConnections");
        assertThatThrownBy(() -> SimulatorSettings.builder().v2MaxRules(0).build()).hasMessageContaining("v2MaxRules");
        assertThatThrownBy(() -> SimulatorSettings.builder().v2MaxRuleLength(0).build()).hasMessageContaining("v2MaxRuleLength");
        assertThatThrownBy(() -> SimulatorSettings.builder().acceptedBearerTokens(Set.of("")).build())
                .hasMessageContaining("acceptedBearerTokens");
    }

    @Test
    void neverShowsBearerTokensInItsDescription() {
        assertThat(SimulatorSettings.builder().acceptedBearerTokens(Set.of("s3cr3t-token")).build().toString())
                .doesNotContain("s3cr3t-token").contains("acceptedBearerTokens=1 token(s)");
    }

    @Test
    void namesTheSettingThatIsOutOfRange() {
        assertThatThrownBy(() -> SimulatorSettings.builder().tweetsPerSecond(-1).build()).hasMessageContaining("tweetsPerSecond");
        assertThatThrownBy(() -> SimulatorSettings.builder().maxTweetsPerConnection(-1).build())
                .hasMessageContaining("maxTweetsPerConnection");
        assertThatThrownBy(() -> SimulatorSettings.builder().keepAliveInterval(Duration.ZERO).build())
                .hasMessageContaining("keepAliveInterval");
        assertThatThrownBy(() -> SimulatorSettings.builder().deleteEvery(-1).build()).hasMessageContaining("deleteEvery");
        assertThatThrownBy(() -> SimulatorSettings.builder().extendedRatio(1.5).build()).hasMessageContaining("extendedRatio");
        assertThatThrownBy(() -> SimulatorSettings.builder().retweetRatio(0.7).quoteRatio(0.4).build())
                .hasMessageContaining("retweetRatio + quoteRatio");
        assertThatThrownBy(() -> SimulatorSettings.builder().acceptedConsumerKeys(Set.of(" ")).build())
                .hasMessageContaining("acceptedConsumerKeys");
    }

    @Test
    void theBurstFactorLimitsTheRateOnlyWhenBurstsAreOn() {
        assertThat(SimulatorSettings.builder().tweetsPerSecond(100_000).build().tweetsPerSecond()).isEqualTo(100_000);
        assertThatThrownBy(() -> SimulatorSettings.builder().tweetsPerSecond(30_000)
                .bursts(Duration.ofSeconds(10), Duration.ofSeconds(1), 4).build()).hasMessageContaining("bursts");
        assertThatThrownBy(() -> SimulatorSettings.builder().firehoseTweetsPerSecond(30_000)
                .bursts(Duration.ofSeconds(10), Duration.ofSeconds(1), 4).build()).hasMessageContaining("bursts");
        assertThatThrownBy(() -> SimulatorSettings.builder().firehoseTweetsPerSecond(0).build())
                .hasMessageContaining("firehoseTweetsPerSecond");
        assertThat(SimulatorSettings.builder().likesPerSecond(0).build().likesPerSecond()).as("none automatic").isZero();
        assertThatThrownBy(() -> SimulatorSettings.builder().likesPerSecond(-1).build())
                .hasMessageContaining("likesPerSecond");
    }

    @Test
    void toStringDoesNotListConsumerKeys() {
        String text = SimulatorSettings.builder().acceptedConsumerKeys(Set.of("secret-ish-key")).build().toString();

        assertThat(text).doesNotContain("secret-ish-key").contains("1 key(s)");
    }

    @Test
    void withoutATierTheBuilderHasEnterprisesFeaturesAndTheLimitsItAlwaysHad() {
        SimulatorSettings settings = SimulatorSettings.builder().build();

        assertThat(settings.tier()).isEqualTo(SimulatorSettings.Tier.ENTERPRISE);
        assertThat(settings.enterpriseFeatures()).isTrue();
        assertThat(settings.v2MaxConnections()).isEqualTo(1);
        assertThat(settings.v2MaxRules()).isEqualTo(1_000);
        assertThat(settings.v2MaxRuleLength()).isEqualTo(1_024);
        assertThat(settings.v2ConnectsPerWindow()).isZero();
        assertThat(settings.searchRequestsPerWindow()).isEqualTo(450);
        assertThat(settings.continuousTweets()).isFalse();
        assertThat(settings.v2KeepAliveInterval()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aTierSetsItsLimitsAndExplicitValuesStillWin() {
        SimulatorSettings payPerUse = SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE).build();
        assertThat(payPerUse.v2ConnectsPerWindow()).isEqualTo(50);
        assertThat(payPerUse.searchQueryMaxLength()).isEqualTo(512);
        assertThat(payPerUse.enterpriseFeatures()).isFalse();

        SimulatorSettings enterprise = SimulatorSettings.builder().v2MaxConnections(1)
                .tier(SimulatorSettings.Tier.ENTERPRISE).build();
        assertThat(enterprise.v2MaxConnections()).isEqualTo(1);
        assertThat(enterprise.v2MaxRules()).isEqualTo(25_000);
        assertThat(enterprise.v2MaxRuleLength()).isEqualTo(2_048);
        assertThat(enterprise.searchQueryMaxLength()).isEqualTo(4_096);
        assertThatThrownBy(() -> SimulatorSettings.builder().historyLimit(-1).build()).hasMessageContaining("historyLimit");
        assertThatThrownBy(() -> SimulatorSettings.builder().rateLimitWindow(Duration.ZERO).build())
                .hasMessageContaining("rateLimitWindow");
    }
}
