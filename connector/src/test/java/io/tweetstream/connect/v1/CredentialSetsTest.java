package io.tweetstream.connect.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.TestConfigs;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.v1.OAuthCredentials;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialSetsTest {

    private static CredentialSets sets(String consumerKeys, String consumerSecrets, String tokens, String secrets) {
        Map<String, String> props = TestConfigs.valid();
        props.put(TwitterSourceConfig.CONSUMER_KEY, consumerKeys);
        props.put(TwitterSourceConfig.CONSUMER_SECRET, consumerSecrets);
        props.put(TwitterSourceConfig.ACCESS_TOKEN, tokens);
        props.put(TwitterSourceConfig.ACCESS_TOKEN_SECRET, secrets);
        return CredentialSets.of(new TwitterSourceConfig(props));
    }

    @Test
    void oneAppServesSeveralAccounts() {
        CredentialSets sets = sets("ck", "cs", "t1,t2,t3", "s1,s2,s3");

        assertThat(sets.problems()).isEmpty();
        assertThat(sets.size()).isEqualTo(3);
        assertThat(sets.get(2)).isEqualTo(new OAuthCredentials("ck", "cs", "t3", "s3"));
    }

    @Test
    void eachAccountMayHaveItsOwnApp() {
        CredentialSets sets = sets("ck1,ck2", "cs1,cs2", "t1,t2", "s1,s2");

        assertThat(sets.problems()).isEmpty();
        assertThat(sets.get(1)).isEqualTo(new OAuthCredentials("ck2", "cs2", "t2", "s2"));
    }

    @Test
    void mismatchedListsAreExplainedByCountNotValue() {
        CredentialSets sets = sets("ck1,ck2", "cs1", "t1,t2,t3", "s1,s2");

        assertThat(sets.problems()).containsOnlyKeys(TwitterSourceConfig.ACCESS_TOKEN_SECRET,
                TwitterSourceConfig.CONSUMER_KEY, TwitterSourceConfig.CONSUMER_SECRET);
        assertThat(sets.problems().get(TwitterSourceConfig.ACCESS_TOKEN_SECRET))
                .isEqualTo("Give one access token secret per access token: found 2 secrets for 3 tokens");
        assertThat(sets.problems().values()).noneMatch(m -> m.contains("ck1") || m.contains("t1") || m.contains("s1"));
    }
}
