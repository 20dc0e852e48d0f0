package io.tweetstream.benchmark;

import io.tweetstream.connect.match.KeywordMatcher;
import io.tweetstream.connect.v1.StatusMapper;
import io.tweetstream.connect.tweet.Tweet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;

/**
 * {@link KeywordMatcher} on simulated tweets, with the few phrases of the examples and with 400
 * phrases, the most one v1.1 connection (one task) may track: 300 of the words most frequent in the
 * tweets and 100 two-word phrases of them, so that many phrases do match.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KeywordMatchBenchmark {

    @Param({"5", "400"})
    public int phrases;

    private List<Tweet> tweets;
    private int next;
    private KeywordMatcher matcher;

    @Setup
    public void setUp() throws TwitterException {
        tweets = new ArrayList<>();
        for (String line : Payloads.v1Lines(1024)) {
            tweets.add(StatusMapper.toTweet(TwitterObjectFactory.createStatus(line), null));
        }
        matcher = new KeywordMatcher(phrases == 5 ? Payloads.KEYWORDS : frequentPhrases(tweets, phrases));
    }

    static List<String> frequentPhrases(List<Tweet> tweets, int count) {
        Map<String, Integer> frequency = new HashMap<>();
        for (Tweet tweet : tweets) {
            for (String word : tweet.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.length() >= 3 && word.chars().allMatch(Character::isLetter)) {
                    frequency.merge(word, 1, Integer::sum);
                }
            }
        }
        List<String> words = frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        int singles = count * 3 / 4;
        Set<String> phrases = new LinkedHashSet<>(words.subList(0, Math.min(singles, words.size())));
        for (int i = 0; phrases.size() < count && i + 1 < words.size(); i += 2) {
            phrases.add(words.get(i) + " " + words.get(i + 1));
        }
        if (phrases.size() < count) {
            throw new IllegalStateException("The tweets hold too few distinct words for " + count + " phrases");
        }
        return List.copyOf(phrases);
    }

    @Benchmark
    public List<String> matches() {
        return matcher.matches(tweets.get(next++ % tweets.size()));
    }
}
