package io.tweetstream.simulator.generate;

import io.tweetstream.simulator.testing.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TweetTextTest {

    private static final Mention JACK = new Mention(12L, "jack", "jack");
    private static final Link LINK = new Link("https://t.co/AbCdEfGhIj", "https://www.kafka.com/blog/x", "kafka.com/blog/x");
    private static final Link SELF = new Link("https://t.co/0123456789", "https://twitter.com/i/web/status/1",
            "twitter.com/i/web/status/1");

    @Test
    void entityPositionsCountAnEmojiAsOneCodePoint() {
        TweetText text = TweetText.join(List.of(new TextPart.Words("🔥🚀 hi"), new TextPart.Hashtag("kafka"),
                new TextPart.MentionOf(JACK), new TextPart.LinkTo(LINK)));

        assertThat(text.text()).isEqualTo("🔥🚀 hi #kafka @jack https://t.co/AbCdEfGhIj");
        assertThat(text.entities()).containsExactly(
                new Entity.Hashtag("kafka", 6, 12),
                new Entity.UserMention(JACK, 13, 18),
                new Entity.Url(LINK, 19, 42));
        assertThat(text.length()).isEqualTo(42);
    }

    @Test
    void truncationKeepsTheStartAndEndsWithAnEllipsisAndALinkToTheTweet() {
        TweetText full = TweetText.join(List.of(new TextPart.Words("word ".repeat(40).trim()), new TextPart.Hashtag("late")));

        TweetText truncated = full.truncatedWithLink(SELF);

        assertThat(truncated.length()).isLessThanOrEqualTo(TweetText.CLASSIC_LIMIT);
        assertThat(truncated.text()).endsWith("word… https://t.co/0123456789");
        assertThat(full.text()).startsWith(truncated.text().substring(0, truncated.text().indexOf('…')));
        assertThat(truncated.entities()).containsExactly(
                new Entity.Url(SELF, truncated.length() - Link.TCO_LENGTH, truncated.length()));
    }

    @Test
    void truncationNeverCutsAnEntityInHalf() {
        String filler = "x".repeat(100);
        TweetText full = TweetText.join(List.of(new TextPart.Words(filler), new TextPart.LinkTo(LINK),
                new TextPart.Words("y".repeat(60))));

        TweetText truncated = full.truncatedWithLink(SELF);

        assertThat(truncated.text()).isEqualTo(filler + "… " + SELF.url());
        assertThat(truncated.entities()).containsExactly(new Entity.Url(SELF, 102, 125));
    }

    @Test
    void truncationNeverCutsAFlagInHalf() {
        TweetText full = TweetText.join(List.of(new TextPart.Words("a " + "🇧🇷".repeat(80))));

        TweetText truncated = full.truncatedWithLink(SELF);

        assertThat(truncated.text()).isEqualTo("a " + "🇧🇷".repeat(56) + "… " + SELF.url());
    }

    @Test
    void truncationNeverSplitsAnEmojiSequence() {
        String coder = "👩‍💻";
        TweetText full = TweetText.join(List.of(new TextPart.Words("a " + coder.repeat(60))));

        TweetText truncated = full.truncatedWithLink(SELF);

        String kept = truncated.text().substring(2, truncated.text().indexOf('…'));
        assertThat(kept.replace(coder, "")).isEmpty();
        assertThat(kept).isNotEmpty();
    }

    @Test
    void aShortRetweetKeepsTheWholeOriginalWithEntitiesShifted() {
        TweetText original = TweetText.join(List.of(new TextPart.Words("hello"), new TextPart.Hashtag("kafka")));

        TweetText retweet = TweetText.retweetOf(JACK, original);

        assertThat(retweet.text()).isEqualTo("RT @jack: hello #kafka");
        assertThat(retweet.entities()).containsExactly(
                new Entity.UserMention(JACK, 3, 8),
                new Entity.Hashtag("kafka", 16, 22));
    }

    @Test
    void aLongRetweetIsCutAt140WithAnEllipsisDroppingEntitiesCut() {
        TweetText original = TweetText.join(List.of(new TextPart.Words("é".repeat(125)), new TextPart.Hashtag("kafka")));

        TweetText retweet = TweetText.retweetOf(JACK, original);

        assertThat(Json.codePoints(retweet.text())).isLessThanOrEqualTo(140);
        assertThat(retweet.text()).startsWith("RT @jack: éé").endsWith("…");
        assertThat(retweet.entities()).containsExactly(new Entity.UserMention(JACK, 3, 8));
    }
}
