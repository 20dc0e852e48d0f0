package io.tweetstream.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Reads {@link SimulatorMain}'s command line into settings. Accepts {@code --name value} and {@code --name=value}. */
final class SimulatorArguments {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar tweetstream-simulator-all.jar [options]",
            "Serves an imitation of Twitter's v1.1 streaming API (POST /1.1/statuses/filter.json).",
            "",
            "Options:",
            "  --bind ADDRESS       address to listen on, 0.0.0.0 for all (default 127.0.0.1)",
            "  --port N             TCP port, 0 for any free one (default 8080)",
            "  --rate R             statuses per second on each stream (default 20)",
            "  --seed S             seed of the tweet generator (default 42)",
            "  --max-tweets N       statuses per stream, then only keep-alives (default: no limit)",
            "  --keep-alive-ms N    silence before a keep-alive CRLF, in ms (default 30000)",
            "  --delete-every N     a delete notice after every N-th status, 0 = never (default 0)",
            "  --limit-every N      a limit notice after every N-th status, 0 = never (default 0)",
            "  --consumer-key KEY   accept only this OAuth consumer key; repeat for several (default: any)",
            "  --burst-every-s N    a burst of 4x the rate for 5 s every N seconds on each stream (default: none)",
            "  --help               print this and exit");

    private static final Set<String> OPTIONS = Set.of("--bind", "--port", "--rate", "--seed", "--max-tweets", "--keep-alive-ms",
            "--delete-every", "--limit-every", "--consumer-key", "--burst-every-s");

    /** Main's own defaults: the demo port, and little history since nobody in-process reads it. */
    static final int DEFAULT_PORT = 8080;
    static final double DEFAULT_RATE = 20.0;
    static final int HISTORY_LIMIT = 1_000;

    /** The outcome: either a request for help or settings to run with. */
    record Parsed(boolean help, SimulatorSettings settings) {
    }

    private SimulatorArguments() {
    }

    /** @throws IllegalArgumentException with a message fit for the user, for an unknown option or a bad value */
    static Parsed parse(String... args) {
        SimulatorSettings.Builder builder = SimulatorSettings.builder()
                .port(DEFAULT_PORT)
                .tweetsPerSecond(DEFAULT_RATE)
                .sentHistoryLimit(HISTORY_LIMIT);
        Set<String> consumerKeys = new HashSet<>();
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
            switch (name) {
                case "--bind" -> builder.bindAddress(value);
                case "--port" -> builder.port(intValue(name, value));
                case "--rate" -> builder.tweetsPerSecond(doubleValue(name, value));
                case "--seed" -> builder.seed(longValue(name, value));
                case "--max-tweets" -> builder.maxTweetsPerConnection(longValue(name, value));
                case "--keep-alive-ms" -> builder.keepAliveInterval(Duration.ofMillis(longValue(name, value)));
                case "--delete-every" -> builder.deleteEvery(intValue(name, value));
                case "--limit-every" -> builder.limitEvery(intValue(name, value));
                case "--consumer-key" -> consumerKeys.add(value);
                case "--burst-every-s" -> builder.bursts(Duration.ofSeconds(longValue(name, value)), Duration.ofSeconds(5), 4.0);
                default -> throw new IllegalStateException("option " + name + " is known but not read");
            }
        }
        builder.acceptedConsumerKeys(consumerKeys);
        return new Parsed(false, builder.build());
    }

    private static int intValue(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
        }
    }

    private static long longValue(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
        }
    }

    private static double doubleValue(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + value + "'");
        }
    }
}
