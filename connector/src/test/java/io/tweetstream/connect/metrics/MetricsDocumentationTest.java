package io.tweetstream.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's metrics table equal to what {@link TaskMetrics} registers (each counter is
 * declared once, in {@link io.tweetstream.connect.core.StreamCounter}). Run with
 * {@code -Dtweetstream.updateReadme=true} to rewrite the table.
 */
class MetricsDocumentationTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String START = "<!-- metrics-table:start (generated from TaskMetrics by MetricsDocumentationTest) -->";
    private static final String END = "<!-- metrics-table:end -->";

    static String markdownTable() {
        StringBuilder table = new StringBuilder("| Metric | Meaning |\n|---|---|\n");
        for (TaskMetrics.Described metric : TaskMetrics.all()) {
            table.append("| `").append(metric.name()).append("` | ")
                .append(metric.description().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    @Test
    void readmeMetricsTableMatchesTheRegisteredMetrics() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = START + "\n" + markdownTable() + END;
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the metrics table markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String actual = readme.substring(start, end + END.length());
        if (Boolean.getBoolean("tweetstream.updateReadme") && !actual.equals(expected)) {
            Files.writeString(README, readme.substring(0, start) + expected + readme.substring(end + END.length()),
                StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual)
            .as("README.md's metrics table; regenerate with: mvn -pl connector test -Dtest=MetricsDocumentationTest -Dtweetstream.updateReadme=true")
            .isEqualTo(expected);
    }
}
