package io.tweetstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs making and mapping the archive of a one-class jar. */
class ClassDataArchiveTest {

    private static final List<String> OPTIONS = List.of("-Xmx64m", "-Xshare:auto");
    private static final String PROBE = ArchiveProbe.class.getName();

    @TempDir
    Path dir;
    private Path jar;

    @BeforeEach
    void probeJar() throws IOException {
        jar = dir.resolve("probe.jar");
        String entry = PROBE.replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(entry));
            try (var in = ArchiveProbe.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
    }

    @Test
    void theFirstRunMakesItAtItsExitAndTheNextMapsIt() throws IOException {
        ClassDataArchive first = archive();
        assertThat(first.exists()).isFalse();
        assertThat(first.jvmOptions()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=");
        ChildJvm making = run("making", first.jvmOptions());
        assertThat(first.keepIfMade(making.exitCode())).isTrue();

        ClassDataArchive second = archive();
        assertThat(second.exists()).isTrue();
        assertThat(second.jvmOptions()).singleElement().asString().startsWith("-XX:SharedArchiveFile=");
        List<String> logging = new java.util.ArrayList<>(second.jvmOptions());
        logging.add("-Xlog:class+load=info");
        ChildJvm mapping = run("mapping", logging);
        assertThat(second.keepIfMade(mapping.exitCode())).isFalse();
        // The probe's class comes from the archive's top layer, not from the jar.
        assertThat(mapping.log()).containsPattern(PROBE.replace(".", "\\.") + " source: shared objects file \\(top\\)");
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneGoes() throws IOException {
        ClassDataArchive old = archive();
        assertThat(old.keepIfMade(run("old", old.jvmOptions()).exitCode())).isTrue();
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));

        ClassDataArchive rebuilt = archive();
        assertThat(rebuilt.exists()).isFalse();
        assertThat(rebuilt.keepIfMade(run("rebuilt", rebuilt.jvmOptions()).exitCode())).isTrue();
        try (var files = Files.list(dir.resolve("archives"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                .singleElement().asString().startsWith("probe-").endsWith(".jsa");
        }
    }

    @Test
    void otherJvmOptionsGetAnArchiveOfTheirOwn() {
        assertThat(archive().describe())
            .isNotEqualTo(ClassDataArchive.of(dir.resolve("archives"), "probe", jar.toString(), List.of("-Xmx32m")).describe());
    }

    @Test
    void aKilledJvmLeavesNone() throws IOException {
        ClassDataArchive archive = archive();
        ChildJvm killed = ChildJvm.start("killed", dir, jar.toString(), with(archive.jvmOptions()), PROBE, List.of("wait"));
        await().atMost(Duration.ofMinutes(1)).until(() -> killed.log().contains("probe started"));
        killed.kill();
        assertThat(killed.exitCode()).hasValue(137);
        assertThat(archive.keepIfMade(killed.exitCode())).isFalse();
        assertThat(archive.exists()).isFalse();
        try (var files = Files.list(dir.resolve("archives"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aClassPathWithADirectoryGetsNone() {
        ClassDataArchive archive = ClassDataArchive.of(dir.resolve("archives"), "probe",
            jar + java.io.File.pathSeparator + dir, OPTIONS);
        assertThat(archive.jvmOptions()).isEmpty();
        assertThat(archive.exists()).isFalse();
        assertThat(archive.describe()).contains("not a jar").contains(dir.toString());
        assertThat(archive.keepIfMade(java.util.OptionalInt.of(0))).isFalse();
    }

    private ClassDataArchive archive() {
        return ClassDataArchive.of(dir.resolve("archives"), "probe", jar.toString(), OPTIONS);
    }

    /** Runs the probe to its end with the archive's options. */
    private ChildJvm run(String name, List<String> archiveOptions) {
        ChildJvm jvm = ChildJvm.start(name, dir, jar.toString(), with(archiveOptions), PROBE, List.of());
        await().atMost(Duration.ofMinutes(2)).until(() -> !jvm.isAlive());
        assertThat(jvm.exitCode()).as(jvm.logTail()).hasValue(0);
        return jvm;
    }

    private static List<String> with(List<String> archiveOptions) {
        List<String> all = new java.util.ArrayList<>(OPTIONS);
        all.addAll(archiveOptions);
        return all;
    }
}
