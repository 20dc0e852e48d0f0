package io.tweetstream.simulator.http;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestParametersTest {

    @Test
    void decodesFormEncodingAsTwitter4jWritesIt() {
        Map<String, String> parameters = new LinkedHashMap<>();

        RequestParameters.parse("count=0&track=kafka%2Capache%20spark%2C%E6%9D%B1%E4%BA%AC&stall_warnings=false&empty=&bare", parameters);

        assertThat(parameters).containsExactly(
                Map.entry("count", "0"),
                Map.entry("track", "kafka,apache spark,東京"),
                Map.entry("stall_warnings", "false"),
                Map.entry("empty", ""),
                Map.entry("bare", ""));
    }

    @Test
    void theFirstValueOfANameWins() {
        Map<String, String> parameters = new LinkedHashMap<>();

        RequestParameters.parse("track=body", parameters);
        RequestParameters.parse("track=query&follow=1+2", parameters);

        assertThat(parameters).containsEntry("track", "body").containsEntry("follow", "1 2");
    }
}
