package io.tweetstream.dashboard;

import java.time.Duration;
import java.util.Set;

/** Reads {@link DashboardServer}'s command line. Accepts {@code --name value} and {@code --name=value}. */
final class DashboardArguments {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar tweetstream-dashboard-all.jar [options]",
            "Serves a web page with a live tweets-per-second chart of the Spark job's counts topic.",
            "",
            "Options:",
            "  --bootstrap-servers HOSTS  Kafka brokers to read from (default localhost:9092)",
            "  --topic NAME               topic the Spark job writes the counts to (default tweet-counts)",
            "  --port N                   HTTP port, 0 for any free one (default 8088)",
            "  --bind ADDRESS             address to listen on, 0.0.0.0 for all (default 127.0.0.1)",
            "  --retention-minutes N      minutes of counts kept in memory and read back at start, 1 to 1440 (default 10)",
            "  --help                     print this and exit");

    private static final Set<String> OPTIONS = Set.of("--bootstrap-servers", "--topic", "--port", "--bind", "--retention-minutes");

    /** The outcome: either a request for help or settings to run with. */
    record Parsed(boolean help, DashboardSettings settings) {
    }

    private DashboardArguments() {
    }

    /** @throws IllegalArgumentException with a message fit for the user, for an unknown option or a bad value */
    static Parsed parse(String... args) {
        DashboardSettings settings = DashboardSettings.defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Parsed(true, null);
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals >= 0 ? arg.substring(0, equals) : arg;
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            settings = switch (name) {
                case "--bootstrap-servers" -> settings.withBootstrapServers(value);
                case "--topic" -> settings.withTopic(value);
                case "--port" -> settings.withPort(intValue(name, value, 0, 65_535));
                case "--bind" -> settings.withBindAddress(value);
                case "--retention-minutes" -> settings.withRetention(Duration.ofMinutes(intValue(name, value, 1, 1_440)));
                default -> throw new IllegalStateException("unhandled option " + name);
            };
        }
        return new Parsed(false, settings);
    }

    private static int intValue(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + parsed);
        }
        return parsed;
    }
}
