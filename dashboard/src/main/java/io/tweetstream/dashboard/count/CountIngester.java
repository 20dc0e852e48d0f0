package io.tweetstream.dashboard.count;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes records off the counts topic into the store (see {@link CountParser} for what they hold);
 * {@link Stats} counts them. A record that is not a count is counted and skipped, never thrown: one
 * bad record must not stop the chart.
 */
public final class CountIngester {

    private static final Logger log = LoggerFactory.getLogger(CountIngester.class);

    private final CountParser parser;
    private final CountStore store;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong outdated = new AtomicLong();

    public CountIngester(CountParser parser, CountStore store) {
        this.parser = parser;
        this.store = store;
    }

    /**
     * What has been read so far.
     *
     * @param skipped  records that are not counts
     * @param expired  counts older than the retention
     * @param outdated provisional counts of seconds already final (reordered or replayed records)
     */
    public record Stats(long accepted, long skipped, long expired, long outdated) {
    }

    /** A record without a key. */
    public void accept(String value) {
        accept(null, value);
    }

    /**
     * @param key   the record key, possibly null: it identifies a late correction
     * @param value a record value of the counts topic, possibly null (a tombstone) or garbage
     */
    public void accept(String key, String value) {
        CountRecord record;
        try {
            record = parser.parse(key, value);
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
        switch (store.put(record)) {
            case KEPT -> accepted.incrementAndGet();
            case EXPIRED -> expired.incrementAndGet();
            case OUTDATED -> outdated.incrementAndGet();
        }
    }

    public Stats stats() {
        return new Stats(accepted.get(), skipped.get(), expired.get(), outdated.get());
    }

    private static boolean isPowerOfTen(long n) {
        long power = 1;
        while (power < n && power <= Long.MAX_VALUE / 10) {
            power *= 10;
        }
        return power == n;
    }
}
