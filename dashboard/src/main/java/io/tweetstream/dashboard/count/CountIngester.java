package io.tweetstream.dashboard.count;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes record values off the counts topic into the store: a whole second's counts, or a count
 * row (see {@link CountParser}); {@link Stats} counts records. A value that is not a count is counted
 * and skipped, never thrown: one bad record must not stop the chart.
 */
public final class CountIngester {

    private static final Logger log = LoggerFactory.getLogger(CountIngester.class);

    private final CountParser parser;
    private final CountStore store;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();

    public CountIngester(CountParser parser, CountStore store) {
        this.parser = parser;
        this.store = store;
    }

    /** What has been read so far. */
    public record Stats(long accepted, long skipped, long expired) {
    }

    /** @param value a record value of the counts topic, possibly null (a tombstone) or garbage */
    public void accept(String value) {
        List<WindowCount> counts;
        try {
            counts = parser.parseAll(value);
        } catch (MalformedCountException e) {
            long skippedSoFar = skipped.incrementAndGet();
            // Once per power of ten: a topic full of garbage is visible without flooding the log.
            if (isPowerOfTen(skippedSoFar)) {
                log.warn("Skipped {} malformed count record(s) so far; the latest: {}", skippedSoFar, e.getMessage());
            } else {
                log.debug("Skipped a malformed count record: {}", e.getMessage());
            }
            return;
        }
        boolean kept = false;
        for (WindowCount count : counts) {
            kept |= store.put(count);
        }
        (kept ? accepted : expired).incrementAndGet();
    }

    public Stats stats() {
        return new Stats(accepted.get(), skipped.get(), expired.get());
    }

    private static boolean isPowerOfTen(long n) {
        long power = 1;
        while (power < n && power <= Long.MAX_VALUE / 10) {
            power *= 10;
        }
        return power == n;
    }
}
