package io.tweetstream.connect.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The X API access an app's project has ({@code twitter.v2.tier}), with the limits X documents for it
 * (x-api/fundamentals/rate-limits.mdx, filtered-stream/introduction.mdx): the defaults of the keys
 * that follow from it, and what it lacks. A key set explicitly still wins over the tier's default.
 */
public enum ApiTier {

    /** What a new X developer account gets: one connection, every Post billed, no backfill or Recovery. */
    PAY_PER_USE("pay-per-use", 1, 1_000, 1_024, 50, 0, List.of(GapRecoveryTool.SEARCH)),

    /** Redundant connections, more and longer rules, backfill and Recovery; connect limits by contract. */
    ENTERPRISE("enterprise", 2, 25_000, 2_048, 0, 5, List.of(GapRecoveryTool.RECOVERY, GapRecoveryTool.SEARCH));

    private final String configValue;
    private final int connections;
    private final int rules;
    private final int ruleLength;
    private final int connectsPer15Minutes;
    private final int backfillMinutes;
    private final List<GapRecoveryTool> recoveryTools;

    ApiTier(String configValue, int connections, int rules, int ruleLength, int connectsPer15Minutes,
            int backfillMinutes, List<GapRecoveryTool> recoveryTools) {
        this.configValue = configValue;
        this.connections = connections;
        this.rules = rules;
        this.ruleLength = ruleLength;
        this.connectsPer15Minutes = connectsPer15Minutes;
        this.backfillMinutes = backfillMinutes;
        this.recoveryTools = recoveryTools;
    }

    public static ApiTier of(String configValue) {
        return Arrays.stream(values()).filter(tier -> tier.configValue.equals(configValue)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No X API tier '" + configValue + "'"));
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(ApiTier::configValue).toArray(String[]::new);
    }

    static String describeDefaults(java.util.function.ToIntFunction<ApiTier> value) {
        return Arrays.stream(values()).map(tier -> tier.configValue + " " + value.applyAsInt(tier))
                .collect(Collectors.joining(", "));
    }

    /** Its value of {@code twitter.v2.tier}, e.g. "pay-per-use". */
    public String configValue() {
        return configValue;
    }

    public boolean isEnterprise() {
        return this == ENTERPRISE;
    }

    int connections() {
        return connections;
    }

    int rules() {
        return rules;
    }

    int ruleLength() {
        return ruleLength;
    }

    /** 0 when X sets no fixed limit (Enterprise: by contract). */
    int connectsPer15Minutes() {
        return connectsPer15Minutes;
    }

    int backfillMinutes() {
        return backfillMinutes;
    }

    List<GapRecoveryTool> recoveryTools() {
        return recoveryTools;
    }
}
