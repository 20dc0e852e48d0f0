package io.tweetstream.connect.config;

import java.util.Arrays;

/**
 * The tools beside backfill that refill a gap in a v2 stream ({@code twitter.v2.gap.recovery}), as X's
 * recovery ladder orders them (filtered-stream/integrate/recovery-and-redundancy-features.mdx):
 * Recovery re-streams up to 24 hours on Enterprise; recent search reaches 7 days back on every tier.
 */
public enum GapRecoveryTool {

    /** The filtered stream with {@code start_time}/{@code end_time}: Enterprise, up to 24 hours back. */
    RECOVERY("recovery"),

    /** {@code GET /2/tweets/search/recent} with each rule as the query: every tier, up to 7 days back. */
    SEARCH("search");

    private final String configValue;

    GapRecoveryTool(String configValue) {
        this.configValue = configValue;
    }

    public static GapRecoveryTool of(String configValue) {
        return Arrays.stream(values()).filter(tool -> tool.configValue.equals(configValue.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No gap recovery tool '" + configValue + "'"));
    }

    public String configValue() {
        return configValue;
    }
}
