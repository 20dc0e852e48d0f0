package io.tweetstream.benchmark;

import java.util.Arrays;

/** Latencies in milliseconds, kept whole so that percentiles are exact (nearest rank). */
final class Latencies {

    private long[] millis = new long[1 << 16];
    private int count;

    void add(long latencyMillis) {
        if (count == millis.length) {
            millis = Arrays.copyOf(millis, count * 2);
        }
        millis[count++] = latencyMillis;
    }

    int count() {
        return count;
    }

    /** The figures of what was added; all zero when nothing was. */
    Summary summary() {
        if (count == 0) {
            return new Summary(0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        return new Summary(count, percentile(sorted, 50), percentile(sorted, 99), sorted[count - 1]);
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** @param samples how many latencies; the percentiles and maximum in milliseconds */
    record Summary(int samples, long p50, long p99, long max) {
        @Override
        public String toString() {
            return samples == 0 ? "no samples" : "p50 " + p50 + " ms, p99 " + p99 + " ms, max " + max + " ms ("
                    + samples + " tweets)";
        }
    }
}
