package io.tweetstream.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class of Kafka's (the broker, a Connect worker, a tool) run in a process of its own,
 * logging to a file. Closing it stops the process (SIGTERM, then SIGKILL).
 */
public final class ChildJvm implements AutoCloseable {

    private static final String LOG4J_CONFIG = "child-log4j2.properties";
    private static final String CLASS_PATH = "child-classpath.txt";

    private final String name;
    private final Process process;
    private final Path logFile;
    private volatile Duration stopGrace = Duration.ofSeconds(30);

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** One of Kafka's main classes, on Kafka's class path, logging through Log4j 2 to {@code <name>.log}. */
    public static ChildJvm start(String name, Path workDir, String mainClass, String... args) {
        Path logFile = workDir.resolve(name + ".log");
        return start(name, workDir, classPath(),
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4jConfig(),
                "-Dchild.log.file=" + logFile),
            mainClass, List.of(args), logFile);
    }

    /**
     * Any main class on the given class path, with the given JVM options; its standard output and
     * error go to {@code <name>.out} in {@code workDir}.
     */
    public static ChildJvm start(String name, Path workDir, String classPath, List<String> jvmOptions,
            String mainClass, List<String> args) {
        return start(name, workDir, classPath, jvmOptions, mainClass, args, workDir.resolve(name + ".out"));
    }

    private static ChildJvm start(String name, Path workDir, String classPath, List<String> jvmOptions,
            String mainClass, List<String> args, Path logFile) {
        try {
            Files.createDirectories(workDir);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classPath, mainClass));
            command.addAll(args);
            Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".out").toFile())
                .start();
            ChildJvm child = new ChildJvm(name, process, logFile);
            // A JVM that ends without closing it (Ctrl-C, SIGTERM) must not leave it running; it
            // stops it as close() does, since shutdown hooks run at once and a closer may be one.
            Runtime.getRuntime().addShutdownHook(new Thread(child::close, name + "-reaper"));
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /**
     * The class path of Kafka's broker and Connect runtime, as the build resolved it into
     * {@value #CLASS_PATH}: independent of the calling test's own class path, which may hold other
     * Kafka versions (Spark's) and must never hold the connector (the worker has to find it on its
     * plugin.path).
     */
    private static String classPath() {
        try (var in = ChildJvm.class.getResourceAsStream(CLASS_PATH)) {
            if (in == null) {
                throw new IllegalStateException("No " + CLASS_PATH + " in the testkit jar: build it with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String log4jConfig() {
        URL config = ChildJvm.class.getResource(LOG4J_CONFIG);
        try {
            if ("file".equals(config.getProtocol())) {
                return Path.of(config.toURI()).toString();
            }
            // Inside a jar: the child JVM needs a file.
            Path copy = Files.createTempFile("child-log4j2", ".properties");
            try (var in = config.openStream()) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            return copy.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process's exit code once it has ended (143 after SIGTERM, 137 after SIGKILL). */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** The process's thread names, read with jcmd. */
    public List<String> threadNames() {
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

    /** The process's whole log so far, e.g. to check what it never logs. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + logFile, e);
        }
    }

    /** The end of the process's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
            return name + " log (" + logFile + "), last lines:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return name + " log unreadable: " + e;
        }
    }

    /** Kills the process at once (SIGKILL), as a crash or an OOM killer would: it runs no shutdown hook. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long {@link #close()} lets the process end after SIGTERM before it kills it (default 30 s). */
    public void stopGrace(Duration grace) {
        stopGrace = grace;
    }

    /** Stops the process as an operator would (SIGTERM), forcibly (SIGKILL) after its stop grace. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
