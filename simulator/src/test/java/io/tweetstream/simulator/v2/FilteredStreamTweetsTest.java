package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.simulator.StreamRule;
import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.generate.TweetMix;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.rules.RuleParser;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.V2Tweet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Tweets made for rules match them, whatever operators the rule uses. */
class FilteredStreamTweetsTest {

    private static final TweetFactory FACTORY = new TweetFactory(42L, new TweetMix(0.3, 0.2, 0.1));
    private static final int TWEETS = 150;

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "kafka",
            "apache-spark",
            "\"stream processing\" -boring",
            "#Kafka OR @confluentinc OR $CFLT",
            "(kafka OR flink) lang:de",
            "from:2244994945 has:links",
            "from:some_user is:reply",
            "kafka is:retweet has:hashtags",
            "kafka is:quote has:mentions",
            "bounding_box:[-105.30 39.96 -105.26 39.99] lang:es",
            "東京 -(sushi OR ramen)",
            "kafka -is:retweet -is:reply"})
    void everyTweetMatchesTheRuleItWasMadeForAndFewAreSkipped(String value) throws Exception {
        RuleBook rules = new RuleBook(10, 1024, Clock.systemUTC());
        StreamRule rule = rules.add(List.of(new RuleBook.Candidate(value, "t")), false).created().get(0);
        StreamLedger ledger = new StreamLedger(0);
        FilteredStreamTweets source = new FilteredStreamTweets(rules, FACTORY.forV2Stream(1), new MatchPlanner(FACTORY.users()),
                new Dice(7), ledger);
        MessageWriter messages = new MessageWriter(new V2Payload(FACTORY.users()), FieldSelection.DEFAULT, true,
                new ObjectMapper());

        int sent = 0;
        for (int i = 0; i < TWEETS; i++) {
            Optional<V2Tweet> message = source.next(Instant.now());
            if (message.isPresent()) {
                sent++;
                JsonNode json = new ObjectMapper().readTree(messages.apply(message.get()));
                assertThat(json.path("matching_rules").findValuesAsText("id")).containsExactly(rule.id());
                assertThat(message.get().matchingRules()).extracting(m -> m.tag()).containsExactly("t");
            }
        }

        assertThat(sent).as("tweets made to match %s", value).isGreaterThanOrEqualTo(TWEETS * 9 / 10);
        assertThat(ledger.totals().v2TweetsSkipped()).isEqualTo(TWEETS - sent);
        assertThat(RuleParser.parse(value, 1024)).isNotNull();
    }
}
