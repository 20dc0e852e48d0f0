package io.tweetstream.simulator.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthHeaderTest {

    @Test
    void readsTheConsumerKeyOfATwitter4jHeader() {
        String header = "OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\", "
                + "oauth_signature=\"tnnArxj06cWHq44gCs1OSKk%2FjLY%3D\", oauth_signature_method=\"HMAC-SHA1\", "
                + "oauth_timestamp=\"1318622958\", oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\", "
                + "oauth_version=\"1.0\"";

        assertThat(OAuthHeader.consumerKey(header)).hasValue("xvz1evFS4wEEPTGEFPHBog");
    }

    @Test
    void urlDecodesTheKey() {
        assertThat(OAuthHeader.consumerKey("OAuth oauth_nonce=\"1\",oauth_consumer_key=\"a%2Bb%20c\"")).hasValue("a+b c");
    }

    @Test
    void findsNoKeyInOtherSchemesOrWithoutTheParameter() {
        assertThat(OAuthHeader.consumerKey(null)).isEmpty();
        assertThat(OAuthHeader.consumerKey("Bearer AAAA")).isEmpty();
        assertThat(OAuthHeader.consumerKey("OAuth oauth_token=\"t\"")).isEmpty();
        assertThat(OAuthHeader.consumerKey("OAuth x_oauth_consumer_key=\"k\"")).isEmpty();
        assertThat(OAuthHeader.consumerKey("OAuth oauth_consumer_key=\"\"")).isEmpty();
    }
}
