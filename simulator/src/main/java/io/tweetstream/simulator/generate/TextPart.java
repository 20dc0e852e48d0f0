package io.tweetstream.simulator.generate;

/** One piece of a tweet's text; pieces are joined with single spaces. */
public sealed interface TextPart {

    /** The characters the piece puts in the text. */
    String rendered();

    /** The entity for this piece when it sits at {@code [start, end)}, or {@code null} for plain words. */
    Entity entityAt(int start, int end);

    /** Plain words, which may include punctuation. */
    record Words(String text) implements TextPart {
        @Override
        public String rendered() {
            return text;
        }

        @Override
        public Entity entityAt(int start, int end) {
            return null;
        }
    }

    /** A hashtag; {@code tag} is without the hash sign. */
    record Hashtag(String tag) implements TextPart {
        @Override
        public String rendered() {
            return "#" + tag;
        }

        @Override
        public Entity entityAt(int start, int end) {
            return new Entity.Hashtag(tag, start, end);
        }
    }

    /** A mention of an account. */
    record MentionOf(Mention user) implements TextPart {
        @Override
        public String rendered() {
            return "@" + user.screenName();
        }

        @Override
        public Entity entityAt(int start, int end) {
            return new Entity.UserMention(user, start, end);
        }
    }

    /** A link, written as its t.co address. */
    record LinkTo(Link link) implements TextPart {
        @Override
        public String rendered() {
            return link.url();
        }

        @Override
        public Entity entityAt(int start, int end) {
            return new Entity.Url(link, start, end);
        }
    }

    /** The link to a post's media, written as its t.co address. */
    record MediaLink(MediaAttachment media) implements TextPart {
        @Override
        public String rendered() {
            return media.link().url();
        }

        @Override
        public Entity entityAt(int start, int end) {
            return new Entity.Media(media, start, end);
        }
    }
}
