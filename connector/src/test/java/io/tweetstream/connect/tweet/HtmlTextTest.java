package io.tweetstream.connect.tweet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import twitter4j.TwitterObjectFactory;

/** The v2 path's unescaping gives what Twitter4j gives on v1.1, for whatever a user typed. */
class HtmlTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** X's escaping of what the user typed: every '&', '<' and '>'. */
    private static String escapedByX(String typed) {
        return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescapedByTwitter4j(String text) throws Exception {
        String status = "{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"id\":1,\"text\":"
                + JSON.writeValueAsString(text) + ",\"user\":{\"id\":1,\"screen_name\":\"u\"},"
                + "\"entities\":{\"hashtags\":[],\"urls\":[],\"user_mentions\":[]}}";
        return TwitterObjectFactory.createStatus(status).getText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kafka & Flink", "<b>bold</b>", "a && b >= c", "&amp; typed literally", "&lt; and &gt;",
            "&eacute; &nbsp; &quot;", "&#39; &#x41;", "no entities at all", "& alone", "R&D;", "😀 & 🇲🇽"})
    void givesWhatTwitter4jGivesForTextXEscaped(String typed) throws Exception {
        String escaped = escapedByX(typed);

        assertThat(HtmlText.unescape(escaped)).isEqualTo(typed).isEqualTo(unescapedByTwitter4j(escaped));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&amp;lt;", "&amp;amp;", "x &lt;&lt;&gt;&gt; y", "&amp no semicolon"})
    void unescapesInOnePassLikeTwitter4j(String escaped) throws Exception {
        assertThat(HtmlText.unescape(escaped)).isEqualTo(unescapedByTwitter4j(escaped));
    }
}
