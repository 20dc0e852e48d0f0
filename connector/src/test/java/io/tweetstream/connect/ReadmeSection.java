package io.tweetstream.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of the README between two markers that a test generates from the code (the config, metrics
 * and fault tables), so docs never drift: the test fails when it differs, and rewrites it instead
 * when run with {@code -Dtweetstream.updateReadme=true}.
 *
 * @param start the opening marker, e.g. {@code <!-- metrics-table:start (generated ...) -->}
 * @param end the closing marker
 * @param generator the test class that generates it, for the message that says how to regenerate
 */
public record ReadmeSection(String start, String end, Class<?> generator) {

    private static final Path README = Path.of("..", "README.md");

    /** Asserts (or, asked to, makes) that the README holds {@code content} between the markers. */
    public void assertHolds(String content) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = start + "\n" + content + end;
        int from = readme.indexOf(start);
        int to = readme.indexOf(end);
        assertThat(from).as("README.md has the markers %s", start).isNotNegative();
        assertThat(to).isGreaterThan(from);
        String actual = readme.substring(from, to + end.length());
        if (Boolean.getBoolean("tweetstream.updateReadme") && !actual.equals(expected)) {
            Files.writeString(README, readme.substring(0, from) + expected + readme.substring(to + end.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual)
                .as("README.md between %s and %s; regenerate with: mvn -pl connector test -Dtest=%s"
                        + " -Dtweetstream.updateReadme=true", start, end, generator.getSimpleName())
                .isEqualTo(expected);
    }
}
