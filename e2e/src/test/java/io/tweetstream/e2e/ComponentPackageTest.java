package io.tweetstream.e2e;

import io.tweetstream.testkit.PluginPackage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The Confluent Hub component zip: its manifest matches the repository's, and it holds what it should. */
class ComponentPackageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = Path.of("..");

    private static List<String> entries(ZipFile zip) {
        List<String> names = new ArrayList<>();
        zip.stream().map(ZipEntry::getName).filter(n -> !n.endsWith("/")).forEach(names::add);
        return names;
    }

    private static String root(ZipFile zip) {
        String first = entries(zip).get(0);
        return first.substring(0, first.indexOf('/') + 1);
    }

    @Test
    void manifestInTheZipMatchesTheRepositoryManifest() throws IOException {
        try (ZipFile zip = new ZipFile(PluginPackage.zip(REPOSITORY).toFile())) {
            ObjectNode packaged = (ObjectNode) JSON.readTree(zip.getInputStream(zip.getEntry(root(zip) + "manifest.json")));
            ObjectNode repository = (ObjectNode) JSON.readTree(Path.of("..", "manifest.json").toFile());
            // The plugin stamps the build day as the release date.
            packaged.remove("release_date");
            repository.remove("release_date");

            assertThat(packaged).isEqualTo(repository);
            assertThat(packaged.at("/component_types/0").asText()).isEqualTo("source");
            assertThat(packaged.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        }
    }

    @Test
    void zipHoldsThePluginWithItsRuntimeDependenciesOnlyAndTheDocs() throws IOException {
        try (ZipFile zip = new ZipFile(PluginPackage.zip(REPOSITORY).toFile())) {
            String root = root(zip);
            List<String> names = entries(zip).stream().map(n -> n.substring(root.length())).toList();

            assertThat(names).filteredOn(n -> n.startsWith("lib/")).containsExactlyInAnyOrder(
                "lib/tweetstream-connector-0.1.0-SNAPSHOT.jar", "lib/twitter4j-core-4.0.7.jar",
                "lib/twitter4j-stream-4.0.7.jar", "lib/jackson-databind-2.23.0.jar", "lib/jackson-core-2.23.0.jar",
                "lib/jackson-annotations-2.23.jar");
            assertThat(names).contains("manifest.json", "doc/README.md", "doc/LICENSE",
                "etc/twitter-source.json", "etc/twitter-source.properties", "etc/connect-standalone.properties",
                "etc/twitter-source-v1.1.json", "etc/twitter-source-v1.1.properties", "etc/twitter-source-firehose.json",
                "etc/twitter-source-compliance.json", "etc/twitter-source-batch-compliance.json");
        }
    }
}
