package io.tweetstream.demo;

import io.tweetstream.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;

/** The live chart of the dashboard/ module, in a JVM of its own. */
final class Dashboard {

    private Dashboard() {}

    static ChildJvm start(Path repository, Path work, String bootstrapServers, String countsTopic, int port) {
        return ModuleLauncher.start(repository, "dashboard", "dashboard", work.resolve("dashboard"),
            List.of("-Xmx256m"), "io.tweetstream.dashboard.DashboardServer", List.of(
                "--bootstrap-servers", bootstrapServers,
                "--topic", countsTopic,
                "--port", String.valueOf(port)));
    }
}
