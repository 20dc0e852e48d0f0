package io.tweetstream.connect.metrics;

import io.tweetstream.connect.ReadmeSection;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's metrics table equal to what {@link TaskMetrics} registers (each counter is
 * declared once, in {@link io.tweetstream.connect.core.StreamCounter}). Run with
 * {@code -Dtweetstream.updateReadme=true} to rewrite the table.
 */
class MetricsDocumentationTest {

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
        new ReadmeSection(START, END, MetricsDocumentationTest.class).assertHolds(markdownTable());
    }
}
