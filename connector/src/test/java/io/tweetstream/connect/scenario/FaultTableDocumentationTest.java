package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.ReadmeSection;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's fault table equal to the fault scenarios, so that every row is a scenario that
 * runs on each API it applies to, and every cell says what that API's run asserts. Run with
 * {@code -Dtweetstream.updateReadme=true} to rewrite the table.
 */
class FaultTableDocumentationTest {

    private static final String START = "<!-- fault-table:start (generated from StreamFaultScenarios by FaultTableDocumentationTest) -->";
    private static final String END = "<!-- fault-table:end -->";

    @Test
    void everyRowIsAScenarioOnEachApiItAppliesTo() {
        assertThat(FaultTable.problems()).isEmpty();
    }

    @Test
    void readmeFaultTableMatchesTheScenarios() throws IOException {
        new ReadmeSection(START, END, FaultTableDocumentationTest.class).assertHolds(FaultTable.markdown());
    }
}
