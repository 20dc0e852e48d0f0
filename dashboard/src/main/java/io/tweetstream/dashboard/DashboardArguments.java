package io.tweetstream.dashboard;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Reads {@link DashboardServer}'s command line with picocli ({@code --name value} or {@code --name=value}).
 * Options left out keep {@link DashboardSettings#defaults()}.
 */
final class DashboardArguments {

    /** The outcome: either a request for help or settings to run with. */
    record Parsed(boolean help, DashboardSettings settings) {
    }

    /** The options as picocli fills them, starting from the settings' defaults. */
    @Command(name = "java -jar tweetstream-dashboard-all.jar", abbreviateSynopsis = true, sortOptions = false, usageHelpWidth = 100,
            description = "Serves a web page with a live tweets-per-second chart of the Spark job's counts topic.",
            optionListHeading = "%nOptions:%n")
    static final class Options {
        private static final DashboardSettings DEFAULTS = DashboardSettings.defaults();

        @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", description = "Kafka brokers to read from (default ${DEFAULT-VALUE})")
        String bootstrapServers = DEFAULTS.bootstrapServers();
        @Option(names = "--topic", paramLabel = "NAME", description = "topic the Spark job writes the counts to (default ${DEFAULT-VALUE})")
        String topic = DEFAULTS.topic();
        @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for any free one (default ${DEFAULT-VALUE})")
        int port = DEFAULTS.port();
        @Option(names = "--bind", paramLabel = "ADDRESS", description = "address to listen on, 0.0.0.0 for all (default ${DEFAULT-VALUE})")
        String bind = DEFAULTS.bindAddress();
        @Option(names = "--retention-minutes", paramLabel = "N",
                description = "minutes of counts kept in memory and read back at start, 1 to 1440 (default ${DEFAULT-VALUE})")
        int retentionMinutes = (int) DEFAULTS.retention().toMinutes();
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this and exit")
        boolean help;
    }

    static final String USAGE = new CommandLine(new Options()).getUsageMessage(Help.Ansi.OFF);

    private DashboardArguments() {
    }

    /** @throws IllegalArgumentException with a message fit for the user, for an unknown option or a bad value */
    static Parsed parse(String... args) {
        Options options = new Options();
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (commandLine.isUsageHelpRequested()) {
            return new Parsed(true, null);
        }
        return new Parsed(false, new DashboardSettings(
                nonBlank("--bootstrap-servers", options.bootstrapServers),
                nonBlank("--topic", options.topic),
                nonBlank("--bind", options.bind),
                inRange("--port", options.port, 0, 65_535),
                Duration.ofMinutes(inRange("--retention-minutes", options.retentionMinutes, 1, 1_440))));
    }

    private static String nonBlank(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value;
    }

    private static int inRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
