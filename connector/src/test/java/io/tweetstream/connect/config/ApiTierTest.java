package io.tweetstream.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tweetstream.connect.TestConfigs;
import io.tweetstream.connect.TwitterSourceConnector;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ApiTierTest {

    private static Map<String, String> v2(String... keyValues) {
        Map<String, String> props = TestConfigs.v2("http://127.0.0.1:1/");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private static Map<String, List<String>> validationErrors(Map<String, String> props) {
        return new TwitterSourceConnector().validate(props).configValues().stream()
                .filter(value -> !value.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void payPerUseIsTheDefaultWithItsDocumentedLimits() {
        TwitterSourceConfig config = new TwitterSourceConfig(v2());

        assertThat(config.v2Tier()).isEqualTo(ApiTier.PAY_PER_USE);
        assertThat(config.v2MaxConnections()).isEqualTo(1);
        assertThat(config.v2MaxRules()).isEqualTo(1_000);
        assertThat(config.v2MaxRuleLength()).isEqualTo(1_024);
        assertThat(config.v2ConnectsPer15Minutes()).isEqualTo(50);
        assertThat(config.v2BackfillMinutes()).isZero();
        assertThat(config.v2GapRecovery()).containsExactly(GapRecoveryTool.SEARCH);
        assertThat(config.tierProblems()).isEmpty();
    }

    @Test
    void enterpriseSetsItsOwnDefaults() {
        TwitterSourceConfig config = new TwitterSourceConfig(v2(TwitterSourceConfig.V2_TIER, "enterprise"));

        assertThat(config.v2MaxConnections()).isEqualTo(2);
        assertThat(config.v2MaxRules()).isEqualTo(25_000);
        assertThat(config.v2MaxRuleLength()).isEqualTo(2_048);
        assertThat(config.v2ConnectsPer15Minutes()).isZero();
        assertThat(config.v2BackfillMinutes()).isEqualTo(5);
        assertThat(config.v2GapRecovery()).containsExactly(GapRecoveryTool.RECOVERY, GapRecoveryTool.SEARCH);
        assertThat(config.tierProblems()).isEmpty();
    }

    @Test
    void explicitKeysOverrideTheTiersDefaults() {
        TwitterSourceConfig config = new TwitterSourceConfig(v2(TwitterSourceConfig.V2_TIER, "enterprise",
                TwitterSourceConfig.V2_MAX_CONNECTIONS, "1", TwitterSourceConfig.V2_BACKFILL_MINUTES, "2",
                TwitterSourceConfig.V2_GAP_RECOVERY, "search", TwitterSourceConfig.V2_CONNECTS_PER_15_MINUTES, "20"));

        assertThat(config.v2MaxConnections()).isEqualTo(1);
        assertThat(config.v2BackfillMinutes()).isEqualTo(2);
        assertThat(config.v2GapRecovery()).containsExactly(GapRecoveryTool.SEARCH);
        assertThat(config.v2ConnectsPer15Minutes()).isEqualTo(20);
        assertThat(new TwitterSourceConfig(v2(TwitterSourceConfig.V2_GAP_RECOVERY, "")).v2GapRecovery()).isEmpty();
    }

    @Test
    void validationRefusesWhatPayPerUseLacksSayingSo() {
        Map<String, List<String>> errors = validationErrors(v2(TwitterSourceConfig.V2_BACKFILL_MINUTES, "3",
                TwitterSourceConfig.V2_GAP_RECOVERY, "recovery,search"));

        assertThat(errors).containsOnlyKeys(TwitterSourceConfig.V2_BACKFILL_MINUTES, TwitterSourceConfig.V2_GAP_RECOVERY);
        assertThat(errors.get(TwitterSourceConfig.V2_BACKFILL_MINUTES).get(0))
                .contains("backfill_minutes is Enterprise only", "pay-per-use", "twitter.v2.tier=enterprise");
        assertThat(errors.get(TwitterSourceConfig.V2_GAP_RECOVERY).get(0))
                .contains("Recovery", "Enterprise only", "leave 'recovery' out");

        Map<String, String> sample = v2(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_SAMPLE);
        sample.remove(TwitterSourceConfig.TRACK_KEYWORDS);
        assertThat(validationErrors(sample)).containsOnlyKeys(TwitterSourceConfig.V2_STREAM);
        assertThat(validationErrors(sample).get(TwitterSourceConfig.V2_STREAM).get(0))
                .contains("sample stream needs Enterprise access");
    }

    @Test
    void badValuesAreRefusedByTheirKey() {
        assertThatThrownBy(() -> new TwitterSourceConfig(v2(TwitterSourceConfig.V2_TIER, "pro")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TwitterSourceConfig.V2_TIER);
        assertThatThrownBy(() -> new TwitterSourceConfig(v2(TwitterSourceConfig.V2_GAP_RECOVERY, "search,replay")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'replay' is not a gap recovery tool");
        assertThatThrownBy(() -> new TwitterSourceConfig(v2(TwitterSourceConfig.V2_BACKFILL_MINUTES, "6")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TwitterSourceConfig.V2_BACKFILL_MINUTES);
    }
}
