package io.tweetstream.demo;

import io.tweetstream.testkit.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the main class of one of the repository's modules in a JVM of its own, on the class path
 * its build wrote ({@code <module>/target/classpath.txt} and {@code <module>/target/classes}), so that
 * its dependencies (Spark's above all) never meet the demo's.
 */
final class ModuleLauncher {

    private ModuleLauncher() {}

    static ChildJvm start(Path repository, String module, String name, Path workDir, List<String> jvmOptions,
            String mainClass, List<String> args) {
        Path target = repository.resolve(module).resolve("target").toAbsolutePath().normalize();
        Path classPathFile = target.resolve("classpath.txt");
        if (!Files.exists(classPathFile)) {
            throw new IllegalStateException("Module " + module + " is not built (no " + classPathFile
                + "): run mvn -B install -DskipTests first");
        }
        try {
            String classPath = target.resolve("classes") + java.io.File.pathSeparator
                + Files.readString(classPathFile).trim();
            return ChildJvm.start(name, workDir, classPath, jvmOptions, mainClass, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
