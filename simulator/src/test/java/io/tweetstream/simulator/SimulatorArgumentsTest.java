package io.tweetstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class SimulatorArgumentsTest {

    @Test
    void withoutArgumentsServesTheDemoPortAtTwentyTweetsASecond() {
        SimulatorSettings settings = SimulatorArguments.parse().settings();

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.tweetsPerSecond()).isEqualTo(20.0);
        assertThat(settings.acceptedConsumerKeys()).isEmpty();
        assertThat(settings.acceptedBearerTokens()).isEmpty();
        assertThat(settings.v2MaxConnections()).isEqualTo(1);
        assertThat(settings.v2MaxRules()).isEqualTo(1_000);
        assertThat(settings.v2MaxRuleLength()).isEqualTo(1_024);
        assertThat(settings.v2BackfillLimit()).isEqualTo(10_000);
    }

    @Test
    void readsTheV2Options() {
        SimulatorSettings settings = SimulatorArguments.parse("--bearer-token", "t1", "--bearer-token=t2",
                "--v2-max-connections", "2", "--v2-max-rules=25", "--v2-max-rule-length", "512",
                "--v2-backfill-limit", "0").settings();

        assertThat(settings.acceptedBearerTokens()).containsExactlyInAnyOrder("t1", "t2");
        assertThat(settings.v2MaxConnections()).isEqualTo(2);
        assertThat(settings.v2MaxRules()).isEqualTo(25);
        assertThat(settings.v2MaxRuleLength()).isEqualTo(512);
        assertThat(settings.v2BackfillLimit()).isZero();
    }

    @Test
    void readsTheBillingOptions() {
        SimulatorSettings defaults = SimulatorArguments.parse().settings();
        SimulatorSettings settings = SimulatorArguments.parse("--credit-posts", "500", "--monthly-post-cap=1000",
                "--cap-reset-day", "31").settings();

        assertThat(defaults.creditPosts()).isEqualTo(Long.MAX_VALUE);
        assertThat(defaults.monthlyPostCap()).isEqualTo(3_000_000L);
        assertThat(defaults.capResetDay()).isEqualTo(1);
        assertThat(settings.creditPosts()).isEqualTo(500L);
        assertThat(settings.monthlyPostCap()).isEqualTo(1_000L);
        assertThat(settings.capResetDay()).isEqualTo(31);
        assertThatThrownBy(() -> SimulatorArguments.parse("--cap-reset-day", "32"))
                .hasMessageContaining("--cap-reset-day must be in [1, 31]");
    }

    @Test
    void readsTheComplianceJobProcessingTime() {
        assertThat(SimulatorArguments.parse("--compliance-job-processing-ms", "250").settings().complianceJobProcessing())
                .isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> SimulatorArguments.parse("--compliance-job-processing-ms", "-1"))
                .hasMessageContaining("--compliance-job-processing-ms must be >= 0");
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        SimulatorSettings settings = SimulatorArguments.parse("--bind", "0.0.0.0", "--port", "9000", "--rate=50", "--seed", "7",
                "--max-tweets", "100", "--keep-alive-ms=250", "--delete-every", "10", "--limit-every", "20",
                "--consumer-key", "a", "--consumer-key=b", "--burst-every-s", "60").settings();

        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.tweetsPerSecond()).isEqualTo(50.0);
        assertThat(settings.seed()).isEqualTo(7L);
        assertThat(settings.maxTweetsPerConnection()).isEqualTo(100L);
        assertThat(settings.keepAliveInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.deleteEvery()).isEqualTo(10);
        assertThat(settings.limitEvery()).isEqualTo(20);
        assertThat(settings.acceptedConsumerKeys()).containsExactlyInAnyOrder("a", "b");
        assertThat(settings.burstEvery()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(SimulatorArguments.parse("--rate", "5", "--help").help()).isTrue();
        assertThat(SimulatorArguments.USAGE).contains("--port", "--rate", "--seed", "--max-tweets", "--keep-alive-ms",
                "--delete-every", "--limit-every", "--consumer-key", "--burst-every-s", "--bearer-token",
                "--v2-max-connections", "--v2-max-rules", "--v2-max-rule-length", "--v2-backfill-limit", "--help");
        assertThat(SimulatorArguments.USAGE).contains("/2/tweets/search/stream", "/2/tweets/sample/stream",
                "/2/tweets/firehose/stream", "/2/tweets/sample10/stream", "/2/likes/compliance/stream",
                "--firehose-rate", "--likes-rate");
    }

    @Test
    void explainsWhatIsWrongWithBadArguments() {
        assertThatThrownBy(() -> SimulatorArguments.parse("--rate", "fast")).hasMessage("Invalid value for option '--rate': 'fast' is not a double");
        assertThatThrownBy(() -> SimulatorArguments.parse("--port")).hasMessage("Missing required parameter for option '--port' (N)");
        assertThatThrownBy(() -> SimulatorArguments.parse("--colour", "red")).hasMessageStartingWith("Unknown options: '--colour'");
        assertThatThrownBy(() -> SimulatorArguments.parse("--colour")).hasMessage("Unknown option: '--colour'");
        assertThatThrownBy(() -> SimulatorArguments.parse("8080")).hasMessage("Unmatched argument at index 0: '8080'");
        assertThatThrownBy(() -> SimulatorArguments.parse("--port", "70000")).hasMessage("--port must be in [0, 65535], was 70000");
        assertThatThrownBy(() -> SimulatorArguments.parse("--rate", "0")).hasMessage("--rate must be in (0, 100000], was 0.0");
        assertThatThrownBy(() -> SimulatorArguments.parse("--max-tweets", "-1")).hasMessage("--max-tweets must be >= 0, was -1");
        assertThatThrownBy(() -> SimulatorArguments.parse("--burst-every-s=0")).hasMessage("--burst-every-s must be >= 1, was 0");
        assertThatThrownBy(() -> SimulatorArguments.parse("--v2-max-connections", "0"))
                .hasMessage("--v2-max-connections must be >= 1, was 0");
        assertThatThrownBy(() -> SimulatorArguments.parse("--v2-max-rules", "0")).hasMessage("--v2-max-rules must be >= 1, was 0");
        assertThatThrownBy(() -> SimulatorArguments.parse("--v2-max-rule-length=-3"))
                .hasMessage("--v2-max-rule-length must be >= 1, was -3");
        assertThatThrownBy(() -> SimulatorArguments.parse("--v2-backfill-limit", "-1"))
                .hasMessage("--v2-backfill-limit must be >= 0, was -1");
        assertThatThrownBy(() -> SimulatorArguments.parse("--bearer-token", " ")).hasMessage("--bearer-token must not be blank");
    }

    @Test
    void payloadShapesNoticesAndReplayAreOptionsToo() {
        SimulatorSettings settings = SimulatorArguments.parse("--plain-payloads", "--media-ratio", "0.5",
                "--status-withheld-every", "7", "--stall-warning-every=3", "--replay", "capture.jsonl",
                "--replay-api", "v1.1", "--replay-rate", "25", "--replay-loop").settings();

        assertThat(settings.mediaRatio()).isEqualTo(0.5);
        assertThat(settings.longPostRatio()).isZero();
        assertThat(settings.replyParentIncludedRatio()).isZero();
        assertThat(settings.statusWithheldEvery()).isEqualTo(7);
        assertThat(settings.stallWarningEvery()).isEqualTo(3);
        assertThat(settings.replay()).isEqualTo(new Replay(java.nio.file.Path.of("capture.jsonl"), Replay.Api.V1, 25, true));
        assertThat(SimulatorArguments.parse("--replay", "x.jsonl").settings().replay().recordedPace()).isTrue();
        assertThat(SimulatorArguments.parse().settings().mediaRatio()).isEqualTo(0.15);
    }

    @Test
    void badShapeAndReplayValuesAreRefusedNamingTheOption() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatorArguments.parse("--poll-ratio", "2"))
                .hasMessageContaining("--poll-ratio");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatorArguments.parse("--replay-rate", "5"))
                .hasMessageContaining("--replay FILE");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatorArguments.parse("--replay", "x", "--replay-rate", "fast"))
                .hasMessageContaining("--replay-rate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatorArguments.parse("--replay", "x", "--replay-api", "v3"))
                .hasMessageContaining("v2 or v1.1");
    }

    @Test
    void theCommandLineIsANewDevelopersPayPerUseProjectWhoseWorldGoesOn() {
        SimulatorSettings settings = SimulatorArguments.parse().settings();

        assertThat(settings.tier()).isEqualTo(SimulatorSettings.Tier.PAY_PER_USE);
        assertThat(settings.continuousTweets()).isTrue();
        assertThat(settings.v2ConnectsPerWindow()).isEqualTo(50);
        assertThat(settings.v2KeepAliveInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.keepAliveInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.rateLimitWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.deliveryDelay()).as("out of order, as X delivers").isEqualTo(DeliveryDelay.xLike());
    }

    @Test
    void readsTheDeliveryDelay() {
        assertThat(SimulatorArguments.parse("--delivery-delay", "none").settings().deliveryDelay())
                .isEqualTo(DeliveryDelay.none());
        assertThat(SimulatorArguments.parse("--delivery-delay=x").settings().deliveryDelay())
                .isEqualTo(DeliveryDelay.xLike());
        assertThat(SimulatorArguments.parse("--delivery-delay", "1.5").settings().deliveryDelay())
                .isEqualTo(DeliveryDelay.fixed(Duration.ofMillis(1_500)));
        assertThat(SimulatorArguments.parse("--delivery-delay", "0.5,4,8").settings().deliveryDelay())
                .isEqualTo(DeliveryDelay.logNormal(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(8)));
        assertThat(SimulatorArguments.USAGE).contains("--delivery-delay", "P99 6.5 s", "(default x)");
    }

    @Test
    void badDeliveryDelaysAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> SimulatorArguments.parse("--delivery-delay", "slow")).hasMessage("--delivery-delay"
                + " must be x, none, SECONDS or MEDIAN,P99,CAP in seconds with 0 < MEDIAN <= P99 <= CAP (e.g. 1,6.5,10),"
                + " was slow");
        assertThatThrownBy(() -> SimulatorArguments.parse("--delivery-delay", "3,2,10"))
                .hasMessageStartingWith("--delivery-delay must be").hasMessageEndingWith("was 3,2,10");
        assertThatThrownBy(() -> SimulatorArguments.parse("--delivery-delay")).hasMessageContaining("--delivery-delay");
    }

    @Test
    void readsTheTierLimitAndHistoryOptions() {
        SimulatorSettings settings = SimulatorArguments.parse("--tier", "enterprise", "--no-continuous",
                "--connects-per-window=7", "--search-requests-per-window", "9", "--rate-limit-window-s", "60",
                "--history-limit", "500", "--recovery-rate=2.5", "--v2-keep-alive-ms", "1500",
                "--firehose-rate", "300", "--likes-rate", "12.5").settings();

        assertThat(settings.tier()).isEqualTo(SimulatorSettings.Tier.ENTERPRISE);
        assertThat(settings.v2MaxConnections()).isEqualTo(2);
        assertThat(settings.v2MaxRules()).isEqualTo(25_000);
        assertThat(settings.continuousTweets()).isFalse();
        assertThat(settings.v2ConnectsPerWindow()).isEqualTo(7);
        assertThat(settings.searchRequestsPerWindow()).isEqualTo(9);
        assertThat(settings.rateLimitWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.historyLimit()).isEqualTo(500);
        assertThat(settings.recoveryTweetsPerSecond()).isEqualTo(2.5);
        assertThat(settings.firehoseTweetsPerSecond()).isEqualTo(300);
        assertThat(settings.likesPerSecond()).isEqualTo(12.5);
        assertThat(settings.v2KeepAliveInterval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(SimulatorArguments.parse("--keep-alive-ms", "250").settings().v2KeepAliveInterval())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void badTierAndLimitValuesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> SimulatorArguments.parse("--tier", "pro")).hasMessageContaining("--tier");
        assertThatThrownBy(() -> SimulatorArguments.parse("--connects-per-window", "-1"))
                .hasMessageContaining("--connects-per-window");
        assertThatThrownBy(() -> SimulatorArguments.parse("--rate-limit-window-s", "0"))
                .hasMessageContaining("--rate-limit-window-s");
        assertThatThrownBy(() -> SimulatorArguments.parse("--history-limit", "-5"))
                .hasMessageContaining("--history-limit");
        assertThatThrownBy(() -> SimulatorArguments.parse("--likes-rate", "-1"))
                .hasMessageContaining("--likes-rate");
    }

    @Test
    void readsTheTlsKeystore() {
        SimulatorSettings settings = SimulatorArguments.parse("--tls-keystore", "/tmp/sim.p12",
                "--tls-keystore-password", "changeit").settings();

        assertThat(settings.tlsKeyStore()).isEqualTo(java.nio.file.Path.of("/tmp/sim.p12"));
        assertThat(settings.tlsKeyStorePassword()).isEqualTo("changeit");
        assertThat(SimulatorArguments.parse().settings().tlsKeyStore()).as("plain HTTP by default").isNull();
    }
}
