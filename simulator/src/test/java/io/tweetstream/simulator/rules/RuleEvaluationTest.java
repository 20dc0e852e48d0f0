package io.tweetstream.simulator.rules;

import io.tweetstream.simulator.LocationBox;
import io.tweetstream.simulator.generate.GeoPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules against tweets, as a table: the tweet is its text plus a few flags. */
class RuleEvaluationTest {

    private static final Pattern ENTITY = Pattern.compile("([#@$])(\\w+)");
    /** Where the table's tweets are "posted" when they say {@code geo}: central Boulder, CO. */
    private static final GeoPoint BOULDER = new GeoPoint(-105.27, 39.98);

    @ParameterizedTest(name = "[{index}] {0} ~ \"{1}\" {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            kafka                          | I love Kafka!                            |          | true
            kafka                          | I love #kafka                            |          | true
            kafka                          | thanks @Kafka                            |          | true
            kafka                          | kafkaesque times                         |          | false
            kafka                          | read kafka.apache.org                    |          | true
            apache-spark                   | apache spark rocks                       |          | true
            "apache spark"                 | Apache, Spark: rocks                     |          | true
            "apache spark"                 | spark apache                             |          | false
            "apache spark"                 | apache and spark                         |          | false
            kafka spark                    | spark then kafka                         |          | true
            kafka spark                    | only kafka                               |          | false
            kafka OR spark                 | only spark                               |          | true
            kafka spark OR flink           | flink alone                              |          | true
            kafka (spark OR flink)         | kafka flink                              |          | true
            kafka (spark OR flink)         | flink alone                              |          | false
            kafka -spark                   | kafka and spark                          |          | false
            kafka -spark                   | kafka alone                              |          | true
            kafka -(spark OR flink)        | kafka with flink                         |          | false
            #kafka                         | kafka as a word                          |          | false
            #kafka                         | so #KAFKA                                |          | true
            @confluentinc                  | hi @ConfluentInc                         |          | true
            @confluentinc                  | confluentinc                             |          | false
            $tsla                          | buy $TSLA now                            |          | true
            $tsla                          | tsla                                     |          | false
            東京                            | 東京 に行きます                              |          | true
            café                           | un CAFÉ noir                             |          | true
            from:12345                     | anything                                 |          | true
            from:12346                     | anything                                 |          | false
            from:ALICE                     | anything                                 |          | true
            kafka lang:en                  | kafka                                    |          | true
            kafka lang:de                  | kafka                                    |          | false
            kafka is:retweet               | kafka                                    | retweet  | true
            kafka is:retweet               | kafka                                    |          | false
            kafka -is:retweet              | kafka                                    | retweet  | false
            kafka is:quote                 | kafka                                    | quote    | true
            kafka is:reply                 | kafka                                    | reply    | true
            kafka is:reply                 | kafka                                    | quote    | false
            kafka has:links                | kafka                                    | link     | true
            kafka has:links                | kafka                                    |          | false
            kafka has:hashtags             | kafka #jvm                               |          | true
            kafka has:hashtags             | kafka                                    |          | false
            kafka has:mentions             | kafka @bob                               |          | true
            kafka has:mentions             | kafka bob                                |          | false
            bounding_box:[-105.30 39.96 -105.26 39.99] | x                            | geo      | true
            bounding_box:[-105.25 39.96 -105.20 39.99] | x                            | geo      | false
            bounding_box:[-105.30 39.96 -105.26 39.99] | x                            | place    | true
            bounding_box:[-105.30 39.96 -105.26 39.99] | x                            | bigplace | false
            bounding_box:[-105.30 39.96 -105.26 39.99] | x                            |          | false
            """)
    void matchesAsXDoes(String rule, String text, String flags, boolean matches) throws Exception {
        RuleExpression expression = RuleParser.parse(rule, 1024);

        assertThat(expression.matches(tweet(text, flags == null ? "" : flags))).isEqualTo(matches);
    }

    /** A tweet by @alice (id 12345) in English; entities read from the text with a simple pattern. */
    private static RuleSubject tweet(String text, String flags) {
        Set<String> hashtags = new HashSet<>();
        Set<String> mentions = new HashSet<>();
        Set<String> cashtags = new HashSet<>();
        Matcher matcher = ENTITY.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(2).toLowerCase(Locale.ROOT);
            switch (matcher.group(1)) {
                case "#" -> hashtags.add(name);
                case "@" -> mentions.add(name);
                default -> cashtags.add(name);
            }
        }
        LocationBox placeBox = switch (flags) {
            case "place" -> new LocationBox(-105.29, 39.97, -105.27, 39.98);
            case "bigplace" -> new LocationBox(-105.5, 39.8, -105.0, 40.2);
            default -> null;
        };
        return new RuleSubject(TextTokens.of(text), hashtags, mentions, cashtags, 12345L, "alice", "en",
                flags.equals("geo") ? BOULDER : null, placeBox, flags.equals("retweet"), flags.equals("quote"),
                flags.equals("reply"), flags.equals("link"));
    }
}
