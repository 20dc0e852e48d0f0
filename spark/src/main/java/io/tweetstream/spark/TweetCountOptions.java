package io.tweetstream.spark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job's command-line options, {@code --name value} (or {@code --name=value}): the only place
 * that knows their names and defaults. Parsing fails with an {@link IllegalArgumentException} whose
 * message names the option and says what it accepts; {@link #usage()} lists them all.
 */
public final class TweetCountOptions {

    public static final String BOOTSTRAP_SERVERS = "--bootstrap-servers";
    public static final String TOPIC = "--topic";
    public static final String STARTING_OFFSETS = "--starting-offsets";
    public static final String WATERMARK = "--watermark";
    public static final String SINK = "--sink";
    public static final String OUTPUT_TOPIC = "--output-topic";
    public static final String OUTPUT_PATH = "--output-path";
    public static final String CHECKPOINT_DIR = "--checkpoint-dir";
    public static final String MASTER = "--master";
    public static final String TRIGGER = "--trigger";
    public static final String HELP = "--help";

    /** The {@code --trigger} value that processes what the topic holds, then stops. */
    public static final String AVAILABLE_NOW = "available-now";

    private record Spec(String name, String value, String defaultText, String description) {}

    private static final List<Spec> SPECS = List.of(
        new Spec(BOOTSTRAP_SERVERS, "HOST:PORT,...", "localhost:9092",
            "Kafka brokers to read the tweets from (and to write the counts to, with --sink kafka)."),
        new Spec(TOPIC, "NAME", "tweets", "Topic the connector writes the tweets to."),
        new Spec(STARTING_OFFSETS, "earliest|latest", "earliest",
            "Where the first run starts reading; a restart goes on from its checkpoint instead."),
        new Spec(WATERMARK, "INTERVAL", "5 seconds",
            "How late (in created_at) a tweet may arrive and still be counted; a window is emitted"
                + " once the newest created_at seen is this far past its end."),
        new Spec(SINK, "console|kafka|parquet", "console", "Where the counts go."),
        new Spec(OUTPUT_TOPIC, "NAME", "tweet-counts", "With --sink kafka: the topic of counts."),
        new Spec(OUTPUT_PATH, "DIR", "", "With --sink parquet, where it is required: the directory of Parquet files."),
        new Spec(CHECKPOINT_DIR, "DIR", "<java.io.tmpdir>/tweetstream-spark/checkpoint-<topic>-<sink>",
            "Where the query keeps its offsets and window state, so a restart resumes exactly."),
        new Spec(MASTER, "URL", "local[*], unless spark-submit set one",
            "Spark master; spark-submit's --master is taken when this is not given."),
        new Spec(TRIGGER, "INTERVAL|" + AVAILABLE_NOW, "1 second",
            "How often a batch starts; " + AVAILABLE_NOW + " counts what the topic holds, then stops."),
        new Spec(HELP, "", "", "Prints this and exits."));

    private static final Pattern SERVER = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[^\\s:,\\[\\]]+):\\d{1,5}");
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9})\\s*([a-z]+)");

    private final String bootstrapServers;
    private final String topic;
    private final String startingOffsets;
    private final Duration watermark;
    private final Sink sink;
    private final String outputTopic;
    private final Optional<String> outputPath;
    private final String checkpointDir;
    private final Optional<String> master;
    private final Optional<Duration> triggerInterval;
    private final boolean help;

    private TweetCountOptions(Map<String, String> values) {
        bootstrapServers = servers(values.getOrDefault(BOOTSTRAP_SERVERS, "localhost:9092"));
        topic = topic(TOPIC, values.getOrDefault(TOPIC, "tweets"));
        startingOffsets = startingOffsets(values.getOrDefault(STARTING_OFFSETS, "earliest"));
        watermark = interval(WATERMARK, values.getOrDefault(WATERMARK, "5 seconds"), "'5 seconds' or '500 ms'");
        sink = Sink.fromOptionValue(values.getOrDefault(SINK, Sink.CONSOLE.optionValue()));
        outputTopic = topic(OUTPUT_TOPIC, values.getOrDefault(OUTPUT_TOPIC, "tweet-counts"));
        outputPath = Optional.ofNullable(values.get(OUTPUT_PATH)).map(path -> nonBlank(OUTPUT_PATH, path));
        checkpointDir = nonBlank(CHECKPOINT_DIR, values.getOrDefault(CHECKPOINT_DIR, defaultCheckpointDir()));
        master = Optional.ofNullable(values.get(MASTER)).map(url -> nonBlank(MASTER, url));
        triggerInterval = trigger(values.getOrDefault(TRIGGER, "1 second"));
        help = values.containsKey(HELP);
        if (sink == Sink.PARQUET && outputPath.isEmpty()) {
            throw new IllegalArgumentException(SINK + " parquet needs " + OUTPUT_PATH + " DIR");
        }
        if (sink == Sink.KAFKA && outputTopic.equals(topic)) {
            // The job would read its own counts back as malformed tweets.
            throw new IllegalArgumentException(OUTPUT_TOPIC + " must differ from " + TOPIC + " ('" + topic + "')");
        }
    }

    /** Parses {@code --name value} and {@code --name=value} pairs; absent options take their defaults. */
    public static TweetCountOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': options are --name value");
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (HELP.equals(arg)) {
                value = "";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!isKnown(name)) {
                throw new IllegalArgumentException("Unknown option '" + name + "'");
            }
            if (value == null) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException(name + " is given more than once");
            }
        }
        return new TweetCountOptions(values);
    }

    public static String usage() {
        StringBuilder usage = new StringBuilder()
            .append("Usage: TweetCountJob [--name value]...\n")
            .append("Counts the tweets of a topic per second of created_at: in total (keyword \"*\") and per matched keyword.\n\n");
        for (Spec spec : SPECS) {
            usage.append("  ").append(spec.name());
            if (!spec.value().isEmpty()) {
                usage.append(' ').append(spec.value());
            }
            // The default stays on one line: "Default: 1 second." rather than a broken "1 / second".
            String text = spec.description() + (spec.defaultText().isEmpty() ? ""
                : " " + ("Default: " + spec.defaultText() + ".").replace(' ', NO_BREAK));
            usage.append('\n').append(wrap(text, "      ", USAGE_WIDTH));
        }
        return usage.toString();
    }

    private static final int USAGE_WIDTH = 100;
    private static final char NO_BREAK = '\u00a0';

    /** The text in lines of at most {@code width} characters (longer words alone), each indented. */
    private static String wrap(String text, String indent, int width) {
        StringBuilder lines = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                lines.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return lines.append(line).append('\n').toString().replace(NO_BREAK, ' ');
    }

    private static boolean isKnown(String name) {
        return SPECS.stream().anyMatch(spec -> spec.name().equals(name));
    }

    private String defaultCheckpointDir() {
        // One directory per topic and sink: a checkpoint holds the offsets of one source and the
        // batches committed to one sink, so sharing one between them would skip or repeat counts.
        return Path.of(System.getProperty("java.io.tmpdir"), "tweetstream-spark",
            "checkpoint-" + topic + "-" + sink.optionValue()).toString();
    }

    private static String servers(String value) {
        for (String server : value.split(",", -1)) {
            if (!SERVER.matcher(server.trim()).matches()) {
                throw new IllegalArgumentException(BOOTSTRAP_SERVERS
                    + " must be a comma-separated list of host:port, got '" + value + "'");
            }
        }
        return value;
    }

    private static String topic(String option, String value) {
        if (!TOPIC_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(option
                + " must be a Kafka topic name (letters, digits, '.', '_', '-'), got '" + value + "'");
        }
        return value;
    }

    private static String startingOffsets(String value) {
        if (!value.equals("earliest") && !value.equals("latest")) {
            throw new IllegalArgumentException(STARTING_OFFSETS + " must be earliest or latest, got '" + value + "'");
        }
        return value;
    }

    private static Optional<Duration> trigger(String value) {
        if (value.equals(AVAILABLE_NOW)) {
            return Optional.empty();
        }
        return Optional.of(interval(TRIGGER, value, "'1 second', '500 ms' or '" + AVAILABLE_NOW + "'"));
    }

    /** A whole number and a unit: ms, s, min or h, spelt short or long ({@code 5s}, {@code 5 seconds}). */
    private static Duration interval(String option, String value, String examples) {
        Matcher matcher = INTERVAL.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2)) {
                case "ms", "milli", "millis", "millisecond", "milliseconds":
                    return Duration.ofMillis(amount);
                case "s", "sec", "secs", "second", "seconds":
                    return Duration.ofSeconds(amount);
                case "m", "min", "mins", "minute", "minutes":
                    return Duration.ofMinutes(amount);
                case "h", "hour", "hours":
                    return Duration.ofHours(amount);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(option + " must be an interval like " + examples + ", got '" + value + "'");
    }

    private static String nonBlank(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String topic() {
        return topic;
    }

    /** {@code earliest} or {@code latest}: read only when the checkpoint is new. */
    public String startingOffsets() {
        return startingOffsets;
    }

    public Duration watermark() {
        return watermark;
    }

    public Sink sink() {
        return sink;
    }

    public String outputTopic() {
        return outputTopic;
    }

    public Optional<String> outputPath() {
        return outputPath;
    }

    public String checkpointDir() {
        return checkpointDir;
    }

    /** The master given with {@code --master}; empty to take spark-submit's, or {@code local[*]}. */
    public Optional<String> master() {
        return master;
    }

    /** The processing-time trigger interval; empty for {@value #AVAILABLE_NOW}. */
    public Optional<Duration> triggerInterval() {
        return triggerInterval;
    }

    public boolean help() {
        return help;
    }
}
