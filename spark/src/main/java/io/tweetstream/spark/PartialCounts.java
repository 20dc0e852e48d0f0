package io.tweetstream.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Counts a batch partition's tweets per second of {@code created_at} into {@link SecondPartial}s,
 * before the shuffle: the map side of the count, as Spark's own aggregations do it, which
 * {@code transformWithState} does not. Input rows: {@code created_at} as epoch milliseconds and the
 * matched phrases as a JSON array ({@link TweetValues#MATCHED_KEYWORDS}). Tweets are counted per
 * second and distinct JSON text, each text read once: a partition holds a few combinations of
 * phrases, so that reading stays off the path of every tweet.
 */
final class PartialCounts implements MapPartitionsFunction<Row, SecondPartial> {

    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
        .build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** The tweets of one second that matched one combination of phrases. */
    private static final class Tally {
        long tweets;
        long latestCreatedAt = Long.MIN_VALUE;
    }

    @Override
    public Iterator<SecondPartial> call(Iterator<Row> tweets) {
        Map<Long, Map<String, Tally>> seconds = new HashMap<>();
        while (tweets.hasNext()) {
            Row tweet = tweets.next();
            long createdAt = tweet.getLong(0);
            Tally tally = seconds.computeIfAbsent(Math.floorDiv(createdAt, 1000L) * 1000L, second -> new HashMap<>())
                .computeIfAbsent(tweet.getString(1), keywords -> new Tally());
            tally.tweets++;
            tally.latestCreatedAt = Math.max(tally.latestCreatedAt, createdAt);
        }
        Map<String, List<String>> phrases = new HashMap<>();
        List<SecondPartial> partials = new ArrayList<>(seconds.size());
        for (Map.Entry<Long, Map<String, Tally>> second : seconds.entrySet()) {
            SecondPartial partial = new SecondPartial(second.getKey());
            for (Map.Entry<String, Tally> combination : second.getValue().entrySet()) {
                List<String> distinct = phrases.get(combination.getKey());
                if (distinct == null) {
                    distinct = distinctPhrases(combination.getKey());
                    phrases.put(combination.getKey(), distinct);
                }
                partial.add(combination.getValue().tweets, combination.getValue().latestCreatedAt, distinct);
            }
            partials.add(partial);
        }
        return partials.iterator();
    }

    /** A tweet that matched a phrase twice counts once for it. */
    static List<String> distinctPhrases(String json) {
        try {
            return List.copyOf(new LinkedHashSet<>(JSON.readValue(json, STRINGS)));
        } catch (JsonProcessingException e) {
            // TweetValues passes on only headers that are compact arrays of strings, and Spark's
            // own JSON of the values' arrays: anything else here is a bug, not bad input.
            throw new IllegalStateException("Matched keywords that are not a JSON array of strings: " + json, e);
        }
    }
}
