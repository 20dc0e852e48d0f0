package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a counts request, from a rate of matching Posts: X's buckets, aligned to the granularity in UTC
 * (the first starts at the period's start, the last ends at its end), oldest first, and their total. A Post is counted
 * as made at each instant {@code k / rate} seconds after the epoch, so a bucket {@code [s, e)} holds
 * {@code floor(rate * e) - floor(rate * s)} (seconds since the epoch): within one of {@code rate * (e - s)}, the
 * same for the same bucket whatever the request, and the buckets add up exactly.
 */
public final class RecentCounts {

    /** How X writes a bucket's bounds. */
    public static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** One bucket: {@code [start, end)} and the Posts made matching in it. */
    public record Bucket(Instant start, Instant end, long tweetCount) {
    }

    private RecentCounts() {
    }

    public static List<Bucket> buckets(Instant start, Instant end, Granularity granularity, double ratePerSecond) {
        List<Bucket> buckets = new ArrayList<>();
        for (Instant from = start; from.isBefore(end); ) {
            Instant next = granularity.nextBucketStart(from);
            Instant to = next.isBefore(end) ? next : end;
            buckets.add(new Bucket(from, to, madeBefore(to, ratePerSecond) - madeBefore(from, ratePerSecond)));
            from = to;
        }
        return buckets;
    }

    /** {@code {"data":[{"end","start","tweet_count"}, ...],"meta":{"total_tweet_count"}}}. */
    public static ObjectNode render(List<Bucket> buckets, ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode data = body.putArray("data");
        long total = 0;
        for (Bucket bucket : buckets) {
            data.addObject().put("end", BOUND.format(bucket.end())).put("start", BOUND.format(bucket.start()))
                    .put("tweet_count", bucket.tweetCount());
            total += bucket.tweetCount();
        }
        body.putObject("meta").put("total_tweet_count", total);
        return body;
    }

    /** The Posts made from the epoch to {@code at}, at {@code ratePerSecond}. */
    private static long madeBefore(Instant at, double ratePerSecond) {
        return (long) Math.floor(ratePerSecond * (at.toEpochMilli() / 1000.0));
    }
}
