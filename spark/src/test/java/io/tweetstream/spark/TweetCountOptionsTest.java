package io.tweetstream.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TweetCountOptionsTest {

    @Test
    void defaultsCountTheTweetsTopicOnALocalBrokerToTheConsole() {
        TweetCountOptions options = TweetCountOptions.parse();

        assertThat(options.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.topic()).isEqualTo("tweets");
        assertThat(options.startingOffsets()).isEqualTo("earliest");
        assertThat(options.watermark()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.sink()).isEqualTo(Sink.CONSOLE);
        assertThat(options.outputTopic()).isEqualTo("tweet-counts");
        assertThat(options.outputPath()).isEmpty();
        assertThat(options.checkpointDir()).isEqualTo(
            Path.of(System.getProperty("java.io.tmpdir"), "tweetstream-spark", "checkpoint-v2-tweets-console").toString());
        assertThat(options.master()).isEmpty();
        assertThat(options.triggerInterval()).contains(Duration.ofMillis(250));
        assertThat(options.help()).isFalse();
    }

    @Test
    void takesEveryOptionAsNameValueOrNameEqualsValue() {
        TweetCountOptions options = TweetCountOptions.parse(
            "--bootstrap-servers", "kafka-1:9092,kafka-2:9093",
            "--topic=tweets.v1",
            "--starting-offsets", "latest",
            "--watermark", "30 seconds",
            "--sink", "parquet",
            "--output-path", "/data/counts",
            "--checkpoint-dir", "/data/checkpoint",
            "--master", "spark://master:7077",
            "--trigger", "available-now");

        assertThat(options.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9093");
        assertThat(options.topic()).isEqualTo("tweets.v1");
        assertThat(options.startingOffsets()).isEqualTo("latest");
        assertThat(options.watermark()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.sink()).isEqualTo(Sink.PARQUET);
        assertThat(options.outputPath()).contains("/data/counts");
        assertThat(options.checkpointDir()).isEqualTo("/data/checkpoint");
        assertThat(options.master()).contains("spark://master:7077");
        assertThat(options.triggerInterval()).isEmpty();
    }

    @Test
    void defaultCheckpointIsOnePerTopicAndSink() {
        TweetCountOptions options = TweetCountOptions.parse("--topic", "tweets-de", "--sink", "kafka");

        assertThat(Path.of(options.checkpointDir()).getFileName()).hasToString("checkpoint-v2-tweets-de-kafka");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        5s          | PT5S
        5 seconds   | PT5S
        1 second    | PT1S
        500 ms      | PT0.5S
        250 millis  | PT0.25S
        2 min       | PT2M
        1 Hour      | PT1H
        0 seconds   | PT0S
        """)
    void readsIntervalsInCommonUnits(String text, Duration expected) {
        assertThat(TweetCountOptions.parse("--watermark", text).watermark()).isEqualTo(expected);
        assertThat(TweetCountOptions.parse("--trigger", text).triggerInterval()).isEqualTo(Optional.of(expected));
    }

    @Test
    void helpNeedsNoValue() {
        assertThat(TweetCountOptions.parse("--help").help()).isTrue();
    }

    @Test
    void helpWinsOverOptionsThatWouldNotRun() {
        assertThat(TweetCountOptions.parse("--sink", "parquet", "--help").help()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        --bootstrap-servers localhost                | --bootstrap-servers must be a comma-separated list of host:port, got 'localhost'
        --bootstrap-servers a:1,                     | --bootstrap-servers must be a comma-separated list of host:port, got 'a:1,'
        --topic tweets/2026                          | --topic must be a Kafka topic name (letters, digits, '.', '_', '-'), got 'tweets/2026'
        --starting-offsets beginning                 | --starting-offsets must be earliest or latest, got 'beginning'
        --watermark soon                             | --watermark must be an interval like '5 seconds' or '500 ms', got 'soon'
        --watermark -5s                              | --watermark must be an interval like '5 seconds' or '500 ms', got '-5s'
        --watermark 5fortnights                      | --watermark must be an interval like '5 seconds' or '500 ms', got '5fortnights'
        --sink stdout                                | --sink must be one of console, kafka, parquet, got 'stdout'
        --sink parquet                               | --sink parquet needs --output-path DIR
        --sink kafka --output-topic tweets           | --output-topic must differ from --topic ('tweets')
        --output-topic a+b                           | --output-topic must be a Kafka topic name (letters, digits, '.', '_', '-'), got 'a+b'
        --trigger often                              | --trigger must be an interval like '1 second', '500 ms' or 'available-now', got 'often'
        --topic                                      | Missing required parameter for option '--topic' (NAME)
        --topic --sink kafka                         | Expected parameter for option '--topic' but found '--sink'
        --tpoic tweets                               | Unknown options: '--tpoic', 'tweets'
        tweets                                       | Unmatched argument at index 0: 'tweets'
        --topic a --topic b                          | option '--topic' (NAME) should be specified only once
        """)
    void rejectsEachBadOptionWithAMessageNamingIt(String args, String message) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TweetCountOptions.parse(args.split(" ")))
            .withMessage(message);
    }

    @Test
    void rejectsEmptyValues() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TweetCountOptions.parse("--checkpoint-dir", " "))
            .withMessage("--checkpoint-dir must not be empty");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TweetCountOptions.parse("--sink", "parquet", "--output-path", ""))
            .withMessage("--output-path must not be empty");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TweetCountOptions.parse("--master="))
            .withMessage("--master must not be empty");
    }

    @Test
    void usageListsEveryOptionWithItsDefault() {
        String usage = TweetCountOptions.usage();

        assertThat(usage).contains(
            "--bootstrap-servers=HOST:PORT,...", "Default: localhost:9092.",
            "--topic=NAME", "Default: tweets.",
            "--starting-offsets=earliest|latest", "Default: earliest.",
            "--watermark=INTERVAL", "Default: 15 seconds.",
            "--sink=console|kafka|parquet", "Default: console.",
            "--output-topic=NAME", "Default: tweet-counts.",
            "--output-path=DIR",
            "--checkpoint-dir=DIR",
            "--master=URL",
            "--trigger=INTERVAL|available-now", "Default: 250 ms.",
            "--help");
    }
}
