package io.tweetstream.e2e;

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
final class PluginPackage {

    static final Path PACKAGES = Path.of("..", "connector", "target", "components", "packages");

    private PluginPackage() {}

    static Path zip() {
        try (Stream<Path> files = Files.list(PACKAGES)) {
            List<Path> zips = files.filter(p -> p.toString().endsWith(".zip")).toList();
            if (zips.size() != 1) {
                throw new IllegalStateException("Expected one component zip in " + PACKAGES.toAbsolutePath()
                    + " (run mvn package), found " + zips);
            }
            return zips.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("No component zip in " + PACKAGES.toAbsolutePath() + ": run mvn package", e);
        }
    }

    /** Unzips the component into {@code pluginPath}, as {@code unzip} onto a worker's plugin.path would. */
    static void unzipInto(Path pluginPath) {
        try (InputStream in = Files.newInputStream(zip()); ZipInputStream zip = new ZipInputStream(in)) {
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
