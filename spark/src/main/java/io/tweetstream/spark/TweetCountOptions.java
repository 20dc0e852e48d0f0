package io.tweetstream.spark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The job's command-line options, {@code --name value} (or {@code --name=value}), read by picocli:
 * the only place that knows their names and defaults. Parsing fails with an
 * {@link IllegalArgumentException} whose message names the option and says what it accepts;
 * {@link #usage()} lists them all.
 */
public final class TweetCountOptions {

    /** The {@code --trigger} value that processes what the topic holds, then stops. */
    public static final String AVAILABLE_NOW = "available-now";

    private static final String BOOTSTRAP_SERVERS = "--bootstrap-servers";
    private static final String TOPIC = "--topic";
    private static final String STARTING_OFFSETS = "--starting-offsets";
    private static final String WATERMARK = "--watermark";
    private static final String OUTPUT_TOPIC = "--output-topic";
    private static final String OUTPUT_PATH = "--output-path";
    private static final String CHECKPOINT_DIR = "--checkpoint-dir";
    private static final String MASTER = "--master";
    private static final String TRIGGER = "--trigger";

    /** The options as picocli reads them: text, checked and converted by the constructor below. */
    @Command(name = "TweetCountJob", abbreviateSynopsis = true, usageHelpWidth = 100, sortOptions = false,
        description = "Counts the tweets of a topic per second of created_at, in total and per matched keyword:"
            + " provisional counts while a second is open, a final count once the watermark passes it,"
            + " and late corrections for tweets that arrive after that.",
        optionListHeading = "%nOptions:%n")
    static final class Args {
        @Option(names = BOOTSTRAP_SERVERS, paramLabel = "HOST:PORT,...", defaultValue = "localhost:9092",
            description = "Kafka brokers to read the tweets from (and to write the counts to, with --sink kafka)."
                + " Default: ${DEFAULT-VALUE}.")
        String bootstrapServers;
        @Option(names = TOPIC, paramLabel = "NAME", defaultValue = "tweets",
            description = "Topic the connector writes the tweets to. Default: ${DEFAULT-VALUE}.")
        String topic;
        @Option(names = STARTING_OFFSETS, paramLabel = "earliest|latest", defaultValue = "earliest",
            description = "Where the first run starts reading; a restart goes on from its checkpoint instead."
                + " Default: ${DEFAULT-VALUE}.")
        String startingOffsets;
        @Option(names = WATERMARK, paramLabel = "INTERVAL", defaultValue = "15 seconds",
            description = "How late (in created_at) a tweet may arrive and still be in its second's final count;"
                + " a second is final once the newest created_at seen is this far past its end, and a tweet"
                + " arriving after that is published as a late correction. Default: ${DEFAULT-VALUE}.")
        String watermark;
        @Option(names = "--sink", paramLabel = "console|kafka|parquet", defaultValue = "console",
            description = "Where the counts go. Default: ${DEFAULT-VALUE}.")
        String sink;
        @Option(names = OUTPUT_TOPIC, paramLabel = "NAME", defaultValue = "tweet-counts",
            description = "With --sink kafka: the topic of counts. Default: ${DEFAULT-VALUE}.")
        String outputTopic;
        @Option(names = OUTPUT_PATH, paramLabel = "DIR",
            description = "With --sink parquet, where it is required: the directory of Parquet files.")
        String outputPath;
        @Option(names = CHECKPOINT_DIR, paramLabel = "DIR",
            description = "Where the query keeps its offsets and open seconds, so a restart resumes exactly."
                + " Default: checkpoint-v2-<topic>-<sink> in tweetstream-spark in the java.io.tmpdir directory.")
        String checkpointDir;
        @Option(names = MASTER, paramLabel = "URL",
            description = "Spark master; spark-submit's --master is taken when this is not given."
                + " Default: local[*], unless spark-submit set one.")
        String master;
        @Option(names = TRIGGER, paramLabel = "INTERVAL|" + AVAILABLE_NOW, defaultValue = "250 ms",
            description = "How often a batch starts, publishing the open seconds' provisional counts; "
                + AVAILABLE_NOW + " counts what the topic holds, then stops."
                + " Default: ${DEFAULT-VALUE}.")
        String trigger;
        @Option(names = "--help", usageHelp = true, description = "Prints this and exits.")
        boolean help;
    }

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

    private TweetCountOptions(Args args) {
        bootstrapServers = servers(args.bootstrapServers);
        topic = topic(TOPIC, args.topic);
        startingOffsets = startingOffsets(args.startingOffsets);
        watermark = interval(WATERMARK, args.watermark, "'5 seconds' or '500 ms'");
        sink = Sink.fromOptionValue(args.sink);
        outputTopic = topic(OUTPUT_TOPIC, args.outputTopic);
        outputPath = Optional.ofNullable(args.outputPath).map(path -> nonBlank(OUTPUT_PATH, path));
        checkpointDir = nonBlank(CHECKPOINT_DIR, args.checkpointDir != null ? args.checkpointDir : defaultCheckpointDir());
        master = Optional.ofNullable(args.master).map(url -> nonBlank(MASTER, url));
        triggerInterval = trigger(args.trigger);
        help = args.help;
        if (sink == Sink.PARQUET && outputPath.isEmpty()) {
            throw new IllegalArgumentException("--sink parquet needs " + OUTPUT_PATH + " DIR");
        }
        if (sink == Sink.KAFKA && outputTopic.equals(topic)) {
            // The job would read its own counts back as malformed tweets.
            throw new IllegalArgumentException(OUTPUT_TOPIC + " must differ from " + TOPIC + " ('" + topic + "')");
        }
    }

    /**
     * Parses {@code --name value} and {@code --name=value} pairs; absent options take their defaults.
     * With {@code --help} the other options are not checked: {@link #help()} is all that matters.
     */
    public static TweetCountOptions parse(String... args) {
        Args parsed = read(args);
        if (parsed.help) {
            Args defaults = read();
            defaults.help = true;
            return new TweetCountOptions(defaults);
        }
        return new TweetCountOptions(parsed);
    }

    private static Args read(String... args) {
        Args parsed = new Args();
        try {
            new CommandLine(parsed).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return parsed;
    }

    /** picocli's usage help, which spark/README.md shows verbatim. */
    public static String usage() {
        return new CommandLine(new Args()).getUsageMessage(Help.Ansi.OFF);
    }

    private String defaultCheckpointDir() {
        // One directory per topic and sink: a checkpoint holds the offsets of one source and the
        // batches committed to one sink, so sharing one between them would skip or repeat counts.
        return Path.of(System.getProperty("java.io.tmpdir"), "tweetstream-spark",
            "checkpoint-v2-" + topic + "-" + sink.optionValue()).toString();
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
