package io.tweetstream.connect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's configuration table equal to the {@link TwitterSourceConfig#CONFIG_DEF}, so
 * docs never drift. Run with {@code -Dtweetstream.updateReadme=true} to rewrite the table.
 */
class ConfigDocumentationTest {

    private static final Path README = Path.of("..", "README.md");
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
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = START + "\n" + markdownTable(TwitterSourceConfig.CONFIG_DEF) + "\n" + END;
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the config table markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String actual = readme.substring(start, end + END.length());
        if (Boolean.getBoolean("tweetstream.updateReadme") && !actual.equals(expected)) {
            Files.writeString(README, readme.substring(0, start) + expected + readme.substring(end + END.length()),
                StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual)
            .as("README.md's config table; regenerate with: mvn -pl connector test -Dtest=ConfigDocumentationTest -Dtweetstream.updateReadme=true")
            .isEqualTo(expected);
    }
}
