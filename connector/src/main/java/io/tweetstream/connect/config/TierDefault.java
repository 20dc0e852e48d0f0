package io.tweetstream.connect.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators of the keys whose default follows from {@code twitter.v2.tier}: unset (null) takes the
 * tier's value, anything set must be valid on its own.
 */
final class TierDefault {

    private TierDefault() {}

    static ConfigDef.Validator orRange(int min, int max) {
        ConfigDef.Range range = ConfigDef.Range.between(min, max);
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value != null) {
                range.ensureValid(name, value);
            }
        }, () -> "unset (the tier's default), or " + range);
    }

    static ConfigDef.Validator orGapRecoveryTools() {
        String allowed = Arrays.stream(GapRecoveryTool.values()).map(GapRecoveryTool::configValue)
                .collect(Collectors.joining(", "));
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value == null) {
                return;
            }
            for (Object tool : (List<?>) value) {
                try {
                    GapRecoveryTool.of(String.valueOf(tool));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, "'" + tool + "' is not a gap recovery tool: give any of "
                            + allowed + ", or none");
                }
            }
        }, () -> "unset (the tier's default), or a list of " + allowed);
    }
}
