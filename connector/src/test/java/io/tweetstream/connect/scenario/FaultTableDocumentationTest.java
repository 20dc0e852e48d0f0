package io.tweetstream.connect.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's fault table equal to the fault scenarios, so that every row is a scenario that
 * runs on each API it applies to, and every cell says what that API's run asserts. Run with
 * {@code -Dtweetstream.updateReadme=true} to rewrite the table.
 */
class FaultTableDocumentationTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String START = "<!-- fault-table:start (generated from StreamFaultScenarios by FaultTableDocumentationTest) -->";
    private static final String END = "<!-- fault-table:end -->";

    @Test
    void everyRowIsAScenarioOnEachApiItAppliesTo() {
        assertThat(FaultTable.problems()).isEmpty();
    }

    @Test
    void readmeFaultTableMatchesTheScenarios() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = START + "\n" + FaultTable.markdown() + END;
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the fault table markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String actual = readme.substring(start, end + END.length());
        if (Boolean.getBoolean("tweetstream.updateReadme") && !actual.equals(expected)) {
            Files.writeString(README, readme.substring(0, start) + expected + readme.substring(end + END.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual)
                .as("README.md's fault table; regenerate with: mvn -pl connector test -Dtest=FaultTableDocumentationTest"
                        + " -Dtweetstream.updateReadme=true")
                .isEqualTo(expected);
    }
}
