package io.tweetstream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build rule every command that builds without tests relies on (the demo's build, the README's
 * install commands): {@code -DskipTests} skips the integration tests as well as the unit tests,
 * although maven-failsafe-plugin 3.6 no longer reads it. Builds, with the Maven on the PATH, a
 * project on the repository's parent pom whose unit test and integration test both fail
 * ({@code src/test/skip-fixture}), and reads which of them ran.
 */
class BuildSkipsTestsIT {

    private static final Path FIXTURE = Path.of("src", "test", "skip-fixture");
    private static final Path COPY = Path.of("target", "skip-fixture");

    @BeforeAll
    static void copyFixture() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path file : files.toList()) {
                Path target = COPY.resolve(FIXTURE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void skipTestsSkipsUnitAndIntegrationTests() {
        Build build = verify("-DskipTests");
        assertThat(build.succeeded()).as(build.output).isTrue();
        assertThat(build.output).doesNotContain("FailingTest", "FailingIT");
    }

    @Test
    void skipItsSkipsOnlyTheIntegrationTests() {
        Build build = verify("-DskipITs", "-Dmaven.test.failure.ignore=true");
        assertThat(build.output).contains("Running fixture.FailingTest").doesNotContain("FailingIT");
    }

    /** The fixture can fail: without a flag both tests run (their failures ignored, to see both). */
    @Test
    void withoutAFlagBothRun() {
        Build build = verify("-Dmaven.test.failure.ignore=true");
        assertThat(build.output).contains("Running fixture.FailingTest", "Running fixture.FailingIT");
    }

    private record Build(boolean succeeded, String output) {
    }

    private static Build verify(String... flags) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "clean", "verify"));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.addAll(List.of(flags));
        try {
            Process maven = new ProcessBuilder(command).directory(COPY.toFile()).redirectErrorStream(true).start();
            maven.getOutputStream().close();
            String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("maven ends").isTrue();
            return new Build(maven.exitValue() == 0, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
