package io.tweetstream.connect.v2;

import io.tweetstream.connect.cost.PostBudget;
import io.tweetstream.connect.cost.XClock;
import io.tweetstream.benchmark.Payloads;
import io.tweetstream.connect.record.TweetRecords;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/**
 * The v2 task's per-tweet hot path, line in, record out: {@link V2MessageHandler} reads the line
 * (Jackson), judges its matching rules, maps it ({@link V2TweetMapper}) and hands it to the buffer;
 * the poll takes it and {@link TweetRecords} makes the Struct and SourceRecord. In the connector's
 * package to reach the package-private handler.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class V2LineBenchmark {

    private static final int LINES = 1024;

    private byte[][] lines;
    private int next;
    private StreamStats stats;
    private EventBuffer buffer;
    private V2MessageHandler handler;
    private TweetRecords records;

    @Setup
    public void setUp() throws InterruptedException {
        stats = new StreamStats();
        buffer = new EventBuffer(16, stats);
        // Billed as a task bills, with the default dedupe.cache.size of today's Post ids, and no budget to reach.
        handler = new V2MessageHandler(buffer, stats, new TaskShare(Payloads.CONNECTOR, 0, 1), false,
                new PostBudget(PostBudget.Limits.NONE, XClock.system(), 100_000));
        records = new TweetRecords("tweets", "api=v2 stream=filtered");
        List<byte[]> written = new ArrayList<>();
        for (String line : Payloads.v2Lines(LINES)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            handler.handle(bytes);
            if (!buffer.drain(1, 0).isEmpty()) {
                written.add(bytes);
            }
        }
        if (written.size() < LINES / 2) {
            throw new IllegalStateException("Only " + written.size() + " of " + LINES + " lines became records");
        }
        lines = written.toArray(new byte[0][]);
    }

    @Benchmark
    public SourceRecord lineToRecord() throws InterruptedException {
        handler.handle(lines[next++ % lines.length]);
        StreamEvent.TweetReceived received = (StreamEvent.TweetReceived) buffer.drain(1, 0).get(0);
        return records.tweet(received.tweet(), received.matchedKeywords());
    }
}
