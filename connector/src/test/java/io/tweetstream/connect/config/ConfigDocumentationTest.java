package io.tweetstream.connect.config;

import io.tweetstream.connect.ReadmeSection;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's configuration table equal to the {@link TwitterSourceConfig#CONFIG_DEF}, so
 * docs never drift. Run with {@code -Dtweetstream.updateReadme=true} to rewrite the table.
 */
class ConfigDocumentationTest {

    private static final String START = "<!-- config-table:start (generated from TwitterSourceConfig by ConfigDocumentationTest) -->";
    private static final String END = "<!-- config-table:end -->";

    static String markdownTable(ConfigDef def) {
        StringBuilder table = new StringBuilder();
        for (String group : def.groups()) {
            table.append("\n**").append(group).append("**\n\n")
                .append("| Key | Type | Default | Valid values | Importance | Description |\n")
                .append("|---|---|---|---|---|---|\n");
            List<ConfigKey> keys = def.configKeys().values().stream()
                .filter(key -> group.equals(key.group))
                .sorted((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup))
                .toList();
            for (ConfigKey key : keys) {
                table.append("| `").append(key.name).append("` | ")
                    .append(key.type.name().toLowerCase()).append(" | ")
                    .append(defaultOf(key)).append(" | ")
                    .append(key.validator == null ? "" : escape(key.validator.toString())).append(" | ")
                    .append(key.importance.name().toLowerCase()).append(" | ")
                    .append(escape(key.documentation)).append(" |\n");
            }
        }
        return table.toString();
    }

    private static String defaultOf(ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        Object value = key.defaultValue;
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
            : String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    @Test
    void readmeConfigTableMatchesConfigDef() throws IOException {
        new ReadmeSection(START, END, ConfigDocumentationTest.class)
            .assertHolds(markdownTable(TwitterSourceConfig.CONFIG_DEF) + "\n");
    }
}
