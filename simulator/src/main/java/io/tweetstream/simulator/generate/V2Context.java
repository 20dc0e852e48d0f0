package io.tweetstream.simulator.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the v2 rendering of a post needs that its v1.1 status cannot say. Only the streamed post has one; the posts
 * it embeds are rendered from their v1.1 form alone.
 *
 * @param conversationId          the thread's root for a reply (the post replied to, or the root above it); else
 *                                the post's own id
 * @param replyParent             the post replied to, in its v1.1 form, when X includes it; else {@code null}
 * @param referenceUnavailable    the retweeted or quoted post cannot be included (deleted, protected): v2 names it
 *                                in {@code referenced_tweets} and reports it in {@code errors}
 * @param referencedAuthorMissing the retweeted or quoted post is included but its author is not (reported in
 *                                {@code errors})
 */
public record V2Context(long conversationId, ObjectNode replyParent, boolean referenceUnavailable,
                        boolean referencedAuthorMissing) {

    /** The context of a post that is neither a reply nor has an unavailable reference. */
    public static V2Context standalone(long id) {
        return new V2Context(id, null, false, false);
    }
}
