package io.tweetstream.connect.v1;

/**
 * One OAuth 1.0a credential set: the app's consumer key and secret with one user's access token.
 * Twitter allows one standing stream per set. {@link #toString()} hides every part.
 */
public record OAuthCredentials(
        String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {

    @Override
    public String toString() {
        return "OAuthCredentials[hidden]";
    }
}
