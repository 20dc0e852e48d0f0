package io.tweetstream.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One published count of a second, as {@link SecondTimeline} emits it: provisional, final or late
 * ({@link CountStatus}), with the tweets it counts in total and per phrase (sorted), and the time of
 * the batch that published it. A bean, for Spark's encoder; {@link TweetCounts} turns it into the
 * job's output columns.
 */
public final class SecondCount implements Serializable {

    private static final long serialVersionUID = 1L;

    private long second;
    private String status;
    private long total;
    private Map<String, Long> keywords;
    private long publishedAt;

    public SecondCount() {}

    SecondCount(long second, CountStatus status, SecondState counts, long publishedAt) {
        this.second = second;
        this.status = status.value();
        this.total = counts.getTotal();
        this.keywords = new TreeMap<>(counts.getKeywords());
        this.publishedAt = publishedAt;
    }

    /** The second's start, epoch milliseconds. */
    public long getSecond() {
        return second;
    }

    public void setSecond(long second) {
        this.second = second;
    }

    /** {@link CountStatus#value()}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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

    /** The publishing batch's time (its start), epoch milliseconds. */
    public long getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(long publishedAt) {
        this.publishedAt = publishedAt;
    }
}
