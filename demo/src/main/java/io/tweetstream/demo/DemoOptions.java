package io.tweetstream.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ./tweetstream demo} was asked to do.
 *
 * @param repository the tweetstream checkout whose build outputs to run
 * @param workDir where all state goes: broker data, Connect's worker config, Spark's checkpoint, logs
 * @param clean start from an empty work directory instead of resuming from it
 * @param duration how long to run, or null to run until Ctrl-C
 * @param twitterCredentials a properties file with real Twitter credentials, or null for the simulator
 */
record DemoOptions(
    Path repository,
    Path workDir,
    boolean clean,
    Duration duration,
    double tweetsPerSecond,
    List<String> keywords,
    Path twitterCredentials,
    int kafkaPort,
    int connectPort,
    int simulatorPort,
    int dashboardPort) {

    static final String USAGE = String.join(System.lineSeparator(),
        "Usage: ./tweetstream demo [options]",
        "Runs the whole pipeline on this machine: a Kafka broker, a Connect worker with the tweetstream",
        "plugin, the stream simulator, the Spark job counting tweets per second, and a live chart.",
        "",
        "Options:",
        "  --work-dir DIR          all state: broker data, worker config, Spark checkpoint, logs (default demo-work)",
        "  --clean                 start afresh; without it a second run resumes from the work directory",
        "  --duration SECONDS      stop after this long (default: run until Ctrl-C)",
        "  --rate N                simulated tweets per second per connection (default 20)",
        "  --keywords LIST         comma-separated track phrases (default kafka,spark,flink,java,python,data engineering)",
        "  --twitter-credentials F properties file with twitter.oauth.* keys: stream from Twitter, not the simulator",
        "  --kafka-port N          broker port (default 9092; the controller uses the next one)",
        "  --connect-port N        Connect REST port (default 8083)",
        "  --simulator-port N      simulator port (default 8080)",
        "  --dashboard-port N      chart page port (default 8088)",
        "  --help                  print this");

    static DemoOptions defaults() {
        return new Builder().build();
    }

    /**
     * @return null when {@code --help} was asked for
     * @throws IllegalArgumentException with a message for the user
     */
    static DemoOptions parse(String... args) {
        Builder options = new Builder();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help")) {
                return null;
            }
            if (name.equals("--clean")) {
                options.clean = true;
                continue;
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("Unknown argument '" + name + "' (see --help)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--repository" -> options.repository = Path.of(value);
                case "--work-dir" -> options.workDir = Path.of(value);
                case "--duration" -> options.duration = Duration.ofMillis((long) (positive(name, value) * 1000));
                case "--rate" -> options.tweetsPerSecond = positive(name, value);
                case "--keywords" -> options.keywords = keywords(value);
                case "--twitter-credentials" -> options.twitterCredentials = Path.of(value);
                case "--kafka-port" -> options.kafkaPort = port(name, value);
                case "--connect-port" -> options.connectPort = port(name, value);
                case "--simulator-port" -> options.simulatorPort = port(name, value);
                case "--dashboard-port" -> options.dashboardPort = port(name, value);
                default -> throw new IllegalArgumentException("Unknown option " + name + " (see --help)");
            }
        }
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
        Path twitterCredentials;
        int kafkaPort = 9092;
        int connectPort = 8083;
        int simulatorPort = 8080;
        int dashboardPort = 8088;

        DemoOptions build() {
            return new DemoOptions(repository, workDir, clean, duration, tweetsPerSecond, keywords,
                twitterCredentials, kafkaPort, connectPort, simulatorPort, dashboardPort);
        }
    }

    private static double positive(String name, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive number, was '" + value + "'");
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number (1-65535), was '" + value + "'");
    }

    private static List<String> keywords(String value) {
        List<String> keywords = List.of(value.split(",")).stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("--keywords needs at least one phrase");
        }
        return keywords;
    }
}
