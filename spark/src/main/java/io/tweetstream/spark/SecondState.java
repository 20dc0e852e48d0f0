package io.tweetstream.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What the job keeps of an open second between batches (in Spark's state store): its counts so
 * far. A bean, for Spark's encoder.
 */
public final class SecondState implements Serializable {

    private static final long serialVersionUID = 1L;

    private long total;
    private Map<String, Long> keywords = new HashMap<>();

    public SecondState() {}

    void add(SecondState other) {
        total += other.total;
        other.keywords.forEach((keyword, count) -> keywords.merge(keyword, count, Long::sum));
    }

    void add(SecondPartial partial) {
        total += partial.getTotal();
        partial.getKeywords().forEach((keyword, count) -> keywords.merge(keyword, count, Long::sum));
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
        // Spark's decoder gives an unmodifiable map.
        this.keywords = new HashMap<>(keywords);
    }
}
