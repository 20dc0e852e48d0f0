package io.tweetstream.connect.tweet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetweetTextTest {

    @Test
    void prefixesTheOriginalsTextWithItsAuthor() {
        assertThat(RetweetText.of("XDevelopers", "Kafka & Flink")).isEqualTo("RT @XDevelopers: Kafka & Flink");
    }

    @Test
    void findsTheAuthorInARetweetsOwnText() {
        assertThat(RetweetText.authorIn("RT @ghost_writer: Deleted thoughts on Kafka…")).isEqualTo("ghost_writer");
        assertThat(RetweetText.authorIn("RT @: nothing")).isNull();
        assertThat(RetweetText.authorIn("RT @two words: no")).isNull();
        assertThat(RetweetText.authorIn("Not a retweet: RT @someone: quoted")).isNull();
        assertThat(RetweetText.authorIn(null)).isNull();
    }
}
