package io.tweetstream.simulator.generate;

/** An account as it appears in {@code entities.user_mentions}. */
public record Mention(long id, String screenName, String name) {

    public static Mention of(UserProfile user) {
        return new Mention(user.id(), user.screenName(), user.name());
    }
}
