package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SearchPageTest {

    private static final String PAGE = """
            {"data":[{"id":"11","author_id":"1","text":"RT @b: kafka","referenced_tweets":[{"type":"retweeted","id":"10"}]},
                     {"id":"12","author_id":"3","text":"flink","attachments":{"media_keys":["3_1"]}}],
             "includes":{"users":[{"id":"1","username":"a"},{"id":"2","username":"b"},{"id":"3","username":"c"}],
                         "tweets":[{"id":"10","author_id":"2","text":"kafka","attachments":{"media_keys":["2_1"]}}],
                         "media":[{"media_key":"2_1","type":"photo"},{"media_key":"3_1","type":"video"}]},
             "errors":[{"resource_id":"99","title":"Not Found Error"}],
             "meta":{"result_count":2,"next_token":"abc"}}""";

    @Test
    void eachTweetCarriesTheIncludesItRefersToAsAStreamedOneWould() throws Exception {
        SearchPage page = SearchPage.of(Json.MAPPER.readTree(PAGE), RateLimit.UNKNOWN);

        assertThat(page.nextToken()).isEqualTo("abc");
        JsonNode retweet = page.tweets().get(0);
        assertThat(retweet.path("includes").path("users").findValuesAsText("id")).containsExactly("1", "2");
        assertThat(retweet.path("includes").path("tweets").findValuesAsText("id")).containsExactly("10");
        assertThat(retweet.path("includes").path("media").findValuesAsText("media_key")).containsExactly("2_1");
        JsonNode withVideo = page.tweets().get(1);
        assertThat(withVideo.path("includes").path("users").findValuesAsText("id")).containsExactly("3");
        assertThat(withVideo.path("includes").has("tweets")).isFalse();
        assertThat(withVideo.path("includes").path("media").findValuesAsText("media_key")).containsExactly("3_1");
        assertThat(withVideo.has("errors")).isFalse();

        StreamMessage mapped = Json.MAPPER.treeToValue(retweet, StreamMessage.class);
        assertThat(mapped.includes().users()).extracting(StreamMessage.UserData::username).containsExactly("a", "b");
    }
}
