package io.tweetstream.benchmark;

import io.tweetstream.connect.match.KeywordMatcher;
import io.tweetstream.connect.record.TweetRecords;
import io.tweetstream.connect.v1.StatusMapper;
import io.tweetstream.connect.tweet.Tweet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;

/**
 * The v1.1 task's per-tweet hot path, line in, record out: Twitter4j parses the status (as its stream
 * does, from the JSON line), {@link StatusMapper} maps it, {@link KeywordMatcher} finds the phrases
 * it matched (v1.1 does not say) and {@link TweetRecords} makes the Struct and SourceRecord.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class V1StatusBenchmark {

    private List<String> lines;
    private int next;
    private KeywordMatcher matcher;
    private TweetRecords records;

    @Setup
    public void setUp() {
        lines = Payloads.v1Lines(1024);
        matcher = new KeywordMatcher(Payloads.KEYWORDS);
        records = new TweetRecords("tweets", "track=" + String.join(",", Payloads.KEYWORDS));
    }

    /** As the stream does it: the mapper also reads the line for what Twitter4j does not (edits, media). */
    @Benchmark
    public SourceRecord lineToRecord() throws TwitterException {
        String line = lines.get(next++ % lines.size());
        Tweet tweet = StatusMapper.toTweet(TwitterObjectFactory.createStatus(line), line, false);
        return records.tweet(tweet, matcher.matches(tweet));
    }

    /** The baseline: Twitter4j's parse alone, without the mapper reading the line. */
    @Benchmark
    public SourceRecord lineToRecordWithoutTheLine() throws TwitterException {
        Tweet tweet = StatusMapper.toTweet(TwitterObjectFactory.createStatus(lines.get(next++ % lines.size())), null,
                false);
        return records.tweet(tweet, matcher.matches(tweet));
    }
}
