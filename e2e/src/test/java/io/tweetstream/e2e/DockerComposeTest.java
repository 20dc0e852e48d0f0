package io.tweetstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docker/docker-compose.yml} in step with the build: the images the tests use, and bind
 * mounts that point at what {@code mvn package} really builds. (No Docker engine runs here, so the
 * file's run itself is the job of {@link ConnectWorkerContainersIT} where one does.)
 */
class DockerComposeTest {

    private static final Path DOCKER = Path.of("..", "docker");

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("docker-compose.yml").toFile());
    }

    @Test
    void kafkaServicesUseTheImageTheTestsUse() throws IOException {
        JsonNode services = compose().get("services");

        assertThat(services.at("/broker/image").asText()).isEqualTo(ConnectWorkerContainersIT.KAFKA_IMAGE.asCanonicalNameString());
        assertThat(services.at("/connect/image").asText()).isEqualTo(ConnectWorkerContainersIT.KAFKA_IMAGE.asCanonicalNameString());
    }

    @Test
    void everyBindMountPointsAtSomethingTheBuildMade() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (JsonNode service : compose().get("services")) {
            for (JsonNode volume : service.path("volumes")) {
                if ("bind".equals(volume.path("type").asText())) {
                    sources.add(DOCKER.resolve(volume.get("source").asText()).normalize());
                }
            }
        }

        assertThat(sources).hasSizeGreaterThanOrEqualTo(4).allSatisfy(source -> assertThat(Files.exists(source))
            .as("%s exists (run mvn package)", source).isTrue());
        assertThat(sources).anySatisfy(source -> assertThat(source.resolve("manifest.json")).exists());
    }

    @Test
    void servicesDependOnlyOnServicesThatExist() throws IOException {
        JsonNode services = compose().get("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);

        for (JsonNode service : services) {
            service.path("depends_on").fieldNames().forEachRemaining(dependency -> assertThat(names).contains(dependency));
        }
        assertThat(names).contains("broker", "connect", "simulator", "register-connector");
    }
}
