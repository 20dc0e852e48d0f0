package io.tweetstream.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What {@code ./tweetstream demo} was asked to do.
 *
 * @param repository the tweetstream checkout whose build outputs to run
 * @param workDir where all state goes: broker data, Connect's worker config, Spark's checkpoint, logs
 * @param clean start from an empty work directory instead of resuming from it
 * @param duration how long to run, or null to run until Ctrl-C
 * @param api the connector's {@code twitter.api}: "v2" (the X API v2 filtered stream) or "v1.1"
 * @param twitterCredentials a properties file with real Twitter credentials, or null for the simulator
 */
record DemoOptions(
    Path repository,
    Path workDir,
    boolean clean,
    Duration duration,
    double tweetsPerSecond,
    List<String> keywords,
    String api,
    Path twitterCredentials,
    int kafkaPort,
    int connectPort,
    int simulatorPort,
    int dashboardPort) {

    /** The command line as picocli reads it ({@code --name value} or {@code --name=value}), starting from {@link Builder}'s defaults. */
    @Command(name = "./tweetstream demo", abbreviateSynopsis = true, sortOptions = false, usageHelpWidth = 100,
        description = {"Runs the whole pipeline on this machine: a Kafka broker, a Connect worker with the tweetstream",
            "plugin, the stream simulator, the Spark job counting tweets per second, and a live chart."},
        optionListHeading = "%nOptions:%n")
    static final class Args {
        private static final Builder DEFAULTS = new Builder();

        /** Given by the tweetstream script, not by the user. */
        @Option(names = "--repository", hidden = true)
        Path repository = DEFAULTS.repository;
        @Option(names = "--work-dir", paramLabel = "DIR",
            description = "all state: broker data, worker config, Spark checkpoint, logs (default ${DEFAULT-VALUE})")
        Path workDir = DEFAULTS.workDir;
        @Option(names = "--clean", description = "start afresh; without it a second run resumes from the work directory")
        boolean clean;
        @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long (default: run until Ctrl-C)")
        Double durationSeconds;
        @Option(names = "--rate", paramLabel = "N", description = "simulated tweets per second per connection (default 20)")
        double rate = DEFAULTS.tweetsPerSecond;
        @Option(names = "--keywords", paramLabel = "LIST", description = "comma-separated track phrases (default ${DEFAULT-VALUE})")
        String keywords = String.join(",", DEFAULTS.keywords);
        @Option(names = "--api", paramLabel = "API",
            description = "the streaming API the connector reads: v2 (the X API v2 filtered stream) or v1.1"
                + " (default ${DEFAULT-VALUE})")
        String api = DEFAULTS.api;
        @Option(names = "--twitter-credentials", paramLabel = "FILE",
            description = "properties file with connector keys (twitter.v2.bearer.token, or the twitter.oauth.* keys"
                + " for v1.1): stream from X, not the simulator")
        Path twitterCredentials;
        @Option(names = "--kafka-port", paramLabel = "N", description = "broker port (default ${DEFAULT-VALUE}; the controller uses the next one)")
        int kafkaPort = DEFAULTS.kafkaPort;
        @Option(names = "--connect-port", paramLabel = "N", description = "Connect REST port (default ${DEFAULT-VALUE})")
        int connectPort = DEFAULTS.connectPort;
        @Option(names = "--simulator-port", paramLabel = "N", description = "simulator port (default ${DEFAULT-VALUE})")
        int simulatorPort = DEFAULTS.simulatorPort;
        @Option(names = "--dashboard-port", paramLabel = "N", description = "chart page port (default ${DEFAULT-VALUE})")
        int dashboardPort = DEFAULTS.dashboardPort;
        @Option(names = "--help", usageHelp = true, description = "print this")
        boolean help;
    }

    static final String API_V2 = "v2";
    static final String API_V1 = "v1.1";

    static final String USAGE = new CommandLine(new Args()).getUsageMessage(Help.Ansi.OFF);

    static DemoOptions defaults() {
        return new Builder().build();
    }

    /**
     * @return null when {@code --help} was asked for
     * @throws IllegalArgumentException with a message for the user that names the option
     */
    static DemoOptions parse(String... args) {
        Args parsed = new Args();
        CommandLine commandLine = new CommandLine(parsed);
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (commandLine.isUsageHelpRequested()) {
            return null;
        }
        Builder options = new Builder();
        options.repository = parsed.repository;
        options.workDir = parsed.workDir;
        options.clean = parsed.clean;
        if (parsed.durationSeconds != null) {
            options.duration = Duration.ofMillis((long) (positive("--duration", parsed.durationSeconds) * 1000));
        }
        options.tweetsPerSecond = positive("--rate", parsed.rate);
        options.keywords = keywords(parsed.keywords);
        options.api = api(parsed.api);
        options.twitterCredentials = parsed.twitterCredentials;
        options.kafkaPort = port("--kafka-port", parsed.kafkaPort);
        options.connectPort = port("--connect-port", parsed.connectPort);
        options.simulatorPort = port("--simulator-port", parsed.simulatorPort);
        options.dashboardPort = port("--dashboard-port", parsed.dashboardPort);
        return options.build();
    }

    /** The defaults, changed one option at a time. */
    static final class Builder {
        Path repository = Path.of(".");
        Path workDir = Path.of("demo-work");
        boolean clean;
        Duration duration;
        double tweetsPerSecond = 20;
        List<String> keywords = List.of("kafka", "spark", "flink", "java", "python", "data engineering");
        String api = API_V2;
        Path twitterCredentials;
        int kafkaPort = 9092;
        int connectPort = 8083;
        int simulatorPort = 8080;
        int dashboardPort = 8088;

        DemoOptions build() {
            return new DemoOptions(repository, workDir, clean, duration, tweetsPerSecond, keywords, api,
                twitterCredentials, kafkaPort, connectPort, simulatorPort, dashboardPort);
        }
    }

    private static double positive(String name, double value) {
        if (value > 0) {
            return value;
        }
        throw new IllegalArgumentException(name + " must be a positive number, was " + value);
    }

    private static int port(String name, int value) {
        if (value > 0 && value < 65536) {
            return value;
        }
        throw new IllegalArgumentException(name + " must be a port number (1-65535), was " + value);
    }

    private static String api(String value) {
        if (API_V2.equals(value) || API_V1.equals(value)) {
            return value;
        }
        throw new IllegalArgumentException("--api must be " + API_V2 + " or " + API_V1 + ", was " + value);
    }

    boolean usesV2() {
        return API_V2.equals(api);
    }

    private static List<String> keywords(String value) {
        List<String> keywords = List.of(value.split(",")).stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("--keywords needs at least one phrase");
        }
        return keywords;
    }
}
