package io.tweetstream.demo;

import io.tweetstream.testkit.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Starts the main class of one of the repository's modules in a JVM of its own, on the class path
 * its build wrote ({@code <module>/target/classpath.txt} and the module's own classes), so that its
 * dependencies (Spark's above all) never meet the demo's.
 */
final class ModuleLauncher {

    private ModuleLauncher() {}

    static ChildJvm start(Path repository, String module, String name, Path workDir, List<String> jvmOptions,
            String mainClass, List<String> args) {
        return ChildJvm.start(name, workDir, classPath(repository, module), jvmOptions, mainClass, args);
    }

    /**
     * The module's class path: its jar ({@code mvn install} made it; a class-data archive takes jars
     * only) when it is at least as new as {@code target/classes}, else {@code target/classes} (a
     * {@code mvn compile} since), then its dependencies.
     */
    static String classPath(Path repository, String module) {
        Path target = repository.resolve(module).resolve("target").toAbsolutePath().normalize();
        Path classPathFile = target.resolve("classpath.txt");
        if (!Files.exists(classPathFile)) {
            throw new IllegalStateException("Module " + module + " is not built (no " + classPathFile
                + "): run mvn -B install -DskipTests first");
        }
        try {
            Path jar = target.resolve("tweetstream-" + module + "-" + version() + ".jar");
            Path classes = target.resolve("classes");
            Path own = Files.isRegularFile(jar) && !newest(classes).isAfter(Files.getLastModifiedTime(jar).toInstant())
                ? jar : classes;
            return own + File.pathSeparator + Files.readString(classPathFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest modification time under a directory (the epoch when there is none). */
    private static Instant newest(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Instant.EPOCH;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(file -> {
                try {
                    return Files.getLastModifiedTime(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(FileTime::compareTo).map(FileTime::toInstant).orElse(Instant.EPOCH);
        }
    }

    private static String version() throws IOException {
        try (InputStream in = ModuleLauncher.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("No build.properties beside the demo's classes: build it with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
