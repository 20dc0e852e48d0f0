package io.tweetstream.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A dynamic class-data archive (AppCDS, JEP 350) of one class path: the classes a JVM loaded, parsed
 * and verified, mapped by the next JVM instead of being loaded from the jars again. The first run
 * makes it at its exit ({@code -XX:ArchiveClassesAtExit}, into a part file), {@link #keepIfMade}
 * keeps it once that JVM has ended by itself, and later runs map it ({@code -XX:SharedArchiveFile}).
 *
 * <p>The archive's name holds a digest of the Java runtime, the JVM options and every jar's path,
 * size and modification time: the JVM refuses (and under its default {@code -Xshare:auto} silently
 * ignores) an archive made for other jars, so a rebuilt jar makes a new archive instead of a useless
 * one. The JVM archives classes from jars only, so a class path holding a directory gets none.
 */
public final class ClassDataArchive {

    private static final String SUFFIX = ".jsa";
    private static final String PART = ".part";
    /** Exit codes of a JVM that ended by itself: normally, or its shutdown after SIGINT or SIGTERM. */
    private static final List<Integer> ENDED_BY_ITSELF = List.of(0, 128 + 2, 128 + 15);

    private final Path directory;
    private final String name;
    private final Path file;
    private final String notArchivable;

    private ClassDataArchive(Path directory, String name, Path file, String notArchivable) {
        this.directory = directory;
        this.name = name;
        this.file = file;
        this.notArchivable = notArchivable;
    }

    /**
     * The archive in {@code directory} of a JVM named {@code name} that runs on this JVM's runtime
     * ({@code java.home}, as {@link ChildJvm} starts it) with these options and class path.
     */
    public static ClassDataArchive of(Path directory, String name, String classPath, List<String> jvmOptions) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
        MessageDigest digest = sha256();
        update(digest, System.getProperty("java.home"));
        update(digest, System.getProperty("java.vm.version"));
        jvmOptions.forEach(option -> update(digest, option));
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                return new ClassDataArchive(directory, name, null,
                    "its class path holds " + path + ", which is not a jar (the JVM archives classes of jars only)");
            }
            try {
                update(digest, path + "|" + Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + path, e);
            }
        }
        String key = HexFormat.of().formatHex(digest.digest(), 0, 8);
        return new ClassDataArchive(directory, name, directory.resolve(name + "-" + key + SUFFIX), null);
    }

    /** Whether an earlier run made the archive for this runtime, these options and these jars. */
    public boolean exists() {
        return file != null && Files.isRegularFile(file);
    }

    /** The JVM options that map the archive, or that make it at the JVM's exit; none when not archivable. */
    public List<String> jvmOptions() {
        if (file == null) {
            return List.of();
        }
        return exists() ? List.of("-XX:SharedArchiveFile=" + file)
            : List.of("-XX:ArchiveClassesAtExit=" + partFile());
    }

    /** Whether the JVM makes the archive at its exit, which takes it seconds (15 s for Spark's classes on 2 cores). */
    public boolean makesOne() {
        return file != null && !exists();
    }

    /** What this run does with the archive, for a log line. */
    public String describe() {
        if (file == null) {
            return "no class-data archive: " + notArchivable;
        }
        return exists() ? "class-data archive " + file + " (made by an earlier run)"
            : "making a class-data archive at its exit, for faster starts after it: " + file;
    }

    /**
     * After the JVM has ended: keeps the archive it made at its exit, if it ended by itself (a JVM
     * killed while writing leaves a part file, never used), and removes this JVM's older archives.
     * Returns whether it kept one.
     */
    public boolean keepIfMade(OptionalInt exitCode) {
        if (file == null || exists()) {
            return false;
        }
        Path part = partFile();
        try {
            if (exitCode.isEmpty() || !ENDED_BY_ITSELF.contains(exitCode.getAsInt())
                    || !Files.isRegularFile(part) || Files.size(part) == 0) {
                Files.deleteIfExists(part);
                return false;
            }
            removeOlderArchives();
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the class-data archive " + file, e);
        }
    }

    private void removeOlderArchives() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path other : (Iterable<Path>) files::iterator) {
                String fileName = other.getFileName().toString();
                if (fileName.startsWith(name + "-") && fileName.endsWith(SUFFIX) && !other.equals(file)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    private Path partFile() {
        return file.resolveSibling(file.getFileName() + PART);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
