package io.tweetstream.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class run in a process of its own, on this test's class path minus the project's own
 * build outputs, logging to a file. Closing it stops the process (SIGTERM, then SIGKILL).
 */
final class ChildJvm implements AutoCloseable {

    private static final String LOG4J_CONFIG = "child-log4j2.properties";

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ChildJvm start(String name, Path workDir, String mainClass, String... args) {
        try {
            Files.createDirectories(workDir);
            Path logFile = workDir.resolve(name + ".log");
            Path outFile = workDir.resolve(name + ".out");
            List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + log4jConfig(),
                "-Dchild.log.file=" + logFile,
                "-cp", classPath(),
                mainClass));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outFile.toFile())
                .start();
            return new ChildJvm(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /**
     * The test class path without the reactor's own outputs (which sit under a target/ folder), so
     * that a worker can only find the connector on its plugin.path.
     */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.contains(java.io.File.separator + "target" + java.io.File.separator)) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String log4jConfig() {
        try {
            return Path.of(ChildJvm.class.getResource("/" + LOG4J_CONFIG).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The process's thread names, read with jcmd. */
    List<String> threadNames() {
        try {
            Process jcmd = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            List<String> names = new ArrayList<>();
            for (String line : dump.split("\n")) {
                if (line.startsWith("\"")) {
                    names.add(line.substring(1, line.indexOf('"', 1)));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The end of the process's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
            return name + " log (" + logFile + "), last lines:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return name + " log unreadable: " + e;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
