package io.tweetstream.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tweets of one second that one input partition of a batch holds, counted before they are
 * shuffled to the second's state ({@link PartialCounts}): so a batch moves one row per second and
 * partition instead of one per tweet. A bean, for Spark's encoder.
 */
public final class SecondPartial implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The newest created_at, epoch milliseconds: what the watermark is taken on. */
    static final String LATEST_CREATED_AT = "latestCreatedAt";

    private long second;
    private long latestCreatedAt = Long.MIN_VALUE;
    private long total;
    private Map<String, Long> keywords = new HashMap<>();

    public SecondPartial() {}

    SecondPartial(long second) {
        this.second = second;
    }

    /** Counts {@code tweets} tweets, once each in the total and once each for every (distinct) phrase they matched. */
    void add(long tweets, long latestCreatedAtMillis, List<String> distinctPhrases) {
        total += tweets;
        latestCreatedAt = Math.max(latestCreatedAt, latestCreatedAtMillis);
        for (String phrase : distinctPhrases) {
            keywords.merge(phrase, tweets, Long::sum);
        }
    }

    /** The second's start, epoch milliseconds. */
    public long getSecond() {
        return second;
    }

    public void setSecond(long second) {
        this.second = second;
    }

    /** The newest {@code created_at} among the tweets counted, epoch milliseconds: what moves the watermark. */
    public long getLatestCreatedAt() {
        return latestCreatedAt;
    }

    public void setLatestCreatedAt(long latestCreatedAt) {
        this.latestCreatedAt = latestCreatedAt;
    }

    public long getTotal() {
        return total;
    }

    public void setTotal(long total) {
        this.total = total;
    }

    public Map<String, Long> getKeywords() {
        return keywords;
    }

    public void setKeywords(Map<String, Long> keywords) {
        this.keywords = keywords;
    }
}
