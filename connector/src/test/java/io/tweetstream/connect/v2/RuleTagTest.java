package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleTagTest {

    @Test
    void readsBackWhatItWrites() {
        RuleTag tag = new RuleTag("my:tweets/prod", 3, "apache kafka: \"streams\" #100%");

        assertThat(tag.format()).startsWith("tweetstream:my%3Atweets%2Fprod:3:apache+kafka");
        assertThat(RuleTag.parse(tag.format())).contains(tag);
    }

    @Test
    void theKeywordOfFollowAndLocationRulesIsEmpty() {
        RuleTag tag = new RuleTag("tweets", 0, "");

        assertThat(tag.format()).isEqualTo("tweetstream:tweets:0:");
        assertThat(RuleTag.parse(tag.format())).contains(tag);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "cats with media", "tweetstream:", "tweetstream:tweets:x:kafka",
            "tweetstream:tweets:0", "tweetstream:tweets:0:kafka:extra", "tweetstream:bad%zz:0:kafka"})
    void anyOtherTagIsNotTheConnectors(String tag) {
        assertThat(RuleTag.parse(tag)).isEmpty();
        assertThat(RuleTag.isOwnedBy(tag, "tweets")).isFalse();
    }

    @Test
    void ownershipIsByExactConnectorName() {
        String tag = new RuleTag("tweets", 0, "kafka").format();

        assertThat(RuleTag.isOwnedBy(tag, "tweets")).isTrue();
        assertThat(RuleTag.isOwnedBy(tag, "tweets-2")).isFalse();
        assertThat(RuleTag.isOwnedBy(tag, "tweet")).isFalse();
    }
}
