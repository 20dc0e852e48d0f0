package io.tweetstream.connect.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import twitter4j.auth.OAuthAuthorization;

class Twitter4jLoggingTest {

    private static final String BASE_STRING = "POST&https%3A%2F%2Fstream.twitter.com%2F1.1%2Fstatuses%2Ffilter.json&"
            + "oauth_consumer_key%3Dck-9f8e7d%26oauth_nonce%3D1%26oauth_token%3D12345-at-token";

    @Test
    void twitter4jLogsThroughTheRedactingFactoryThePluginConfigures() {
        assertThat(twitter4j.Logger.getLogger(OAuthAuthorization.class))
                .isInstanceOf(Twitter4jLogging.RedactingLogger.class);
        assertThat(twitter4j.Logger.getLogger(OAuthAuthorization.class).isDebugEnabled()).isFalse();
    }

    @Test
    void theOAuthBaseStringIsNeverLoggedEvenAtDebug() {
        org.slf4j.Logger slf4j = debugEnabled();
        twitter4j.Logger auth = new Twitter4jLogging.RedactingLogger(slf4j, true);

        auth.debug("OAuth base string: ", BASE_STRING);
        auth.debug("OAuth signature: ", "abc=");

        verify(slf4j, never()).debug(anyString());
    }

    @Test
    void otherMessagesWithOAuthParametersAreReplacedAndTheRestPassThrough() {
        org.slf4j.Logger slf4j = debugEnabled();
        twitter4j.Logger http = new Twitter4jLogging.RedactingLogger(slf4j, false);

        http.debug("Authorization: ", "OAuth oauth_consumer_key=\"ck-9f8e7d\"");
        http.warn("Request: ", BASE_STRING);
        http.info("Connection established.");

        verify(slf4j).debug(Twitter4jLogging.RedactingLogger.REDACTED);
        verify(slf4j).warn(Twitter4jLogging.RedactingLogger.REDACTED);
        verify(slf4j).info("Connection established.");
        verify(slf4j, never()).debug(org.mockito.ArgumentMatchers.contains("ck-9f8e7d"));
    }

    @Test
    void withheldNoticesTwitter4jDoesNotKnowAreNotWarnedOfSinceTheConnectorReadsThem() {
        org.slf4j.Logger slf4j = debugEnabled();
        twitter4j.Logger stream = new Twitter4jLogging.RedactingLogger(slf4j, false);

        stream.warn("Received unknown event:", "{\"status_withheld\":{\"id\":1,\"user_id\":2}}");
        stream.warn("Received unknown event:", "{\"something_new\":{}}");

        verify(slf4j).debug("Received unknown event:{\"status_withheld\":{\"id\":1,\"user_id\":2}}");
        verify(slf4j).warn("Received unknown event:{\"something_new\":{}}");
    }

    private static org.slf4j.Logger debugEnabled() {
        org.slf4j.Logger slf4j = mock(org.slf4j.Logger.class);
        when(slf4j.isDebugEnabled()).thenReturn(true);
        return slf4j;
    }
}
