package io.tweetstream.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The Confluent Hub component zip that {@code mvn package} builds in the connector module. */
public final class PluginPackage {

    private PluginPackage() {}

    /** The zip that the connector module of the repository at {@code repositoryRoot} built. */
    public static Path zip(Path repositoryRoot) {
        Path packages = repositoryRoot.resolve(Path.of("connector", "target", "components", "packages"));
        try (Stream<Path> files = Files.list(packages)) {
            List<Path> zips = files.filter(p -> p.toString().endsWith(".zip")).toList();
            if (zips.size() != 1) {
                throw new IllegalStateException("Expected one component zip in " + packages.toAbsolutePath()
                    + " (run mvn package), found " + zips);
            }
            return zips.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("No component zip in " + packages.toAbsolutePath() + ": run mvn package", e);
        }
    }

    /** Unzips the component into {@code pluginPath}, as {@code unzip} onto a worker's plugin.path would. */
    public static void unzipInto(Path zipFile, Path pluginPath) {
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zip = new ZipInputStream(in)) {
            Path root = pluginPath.toAbsolutePath().normalize();
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalStateException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
