package io.tweetstream.simulator.generate;

/**
 * Something in a tweet's text that Twitter lists under {@code entities}, with its position as Twitter gives
 * it: {@code [start, end)} in Unicode code points (not Java chars: an emoji counts as one).
 */
public sealed interface Entity {

    int start();

    int end();

    /** The same entity moved right by {@code offset} code points. */
    Entity shifted(int offset);

    /** {@code #text}; {@code text} is without the hash sign. */
    record Hashtag(String text, int start, int end) implements Entity {
        @Override
        public Entity shifted(int offset) {
            return new Hashtag(text, start + offset, end + offset);
        }
    }

    /** {@code @screen_name}. */
    record UserMention(Mention user, int start, int end) implements Entity {
        @Override
        public Entity shifted(int offset) {
            return new UserMention(user, start + offset, end + offset);
        }
    }

    /** A t.co link. */
    record Url(Link link, int start, int end) implements Entity {
        @Override
        public Entity shifted(int offset) {
            return new Url(link, start + offset, end + offset);
        }
    }
}
