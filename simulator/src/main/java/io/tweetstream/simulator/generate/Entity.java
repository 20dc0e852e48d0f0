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

    /** The t.co link of a post's media, at the end of its text. */
    record Media(MediaAttachment media, int start, int end) implements Entity {
        @Override
        public Entity shifted(int offset) {
            return new Media(media, start + offset, end + offset);
        }
    }

    /** The same entity at {@code [start, end)}. */
    default Entity at(int start, int end) {
        return shifted(start - start()).resizedTo(end - start);
    }

    /** The same entity, {@code length} code points long from its start (a link whose text was escaped stays put). */
    private Entity resizedTo(int length) {
        int end = start() + length;
        if (this instanceof Hashtag hashtag) {
            return new Hashtag(hashtag.text(), start(), end);
        } else if (this instanceof UserMention mention) {
            return new UserMention(mention.user(), start(), end);
        } else if (this instanceof Url url) {
            return new Url(url.link(), start(), end);
        }
        return new Media(((Media) this).media(), start(), end);
    }
}
