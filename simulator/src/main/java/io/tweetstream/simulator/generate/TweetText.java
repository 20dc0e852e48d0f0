package io.tweetstream.simulator.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A tweet's text with its entities. Lengths and positions are in code points, as Twitter counts them.
 */
public record TweetText(String text, List<Entity> entities) {

    /** The most a tweet showed before extended tweets, and the most a compatibility-mode {@code text} holds. */
    public static final int CLASSIC_LIMIT = 140;
    /** The most an extended tweet's {@code full_text} holds. */
    public static final int EXTENDED_LIMIT = 280;
    /** The most a generated long post (X Premium's note tweets go to 25,000) holds: enough to be cut on every API. */
    public static final int LONG_LIMIT = 800;
    private static final String ELLIPSIS = "…";
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int DEVANAGARI_VIRAMA = 0x094D;

    public TweetText {
        entities = List.copyOf(entities);
    }

    /** Joins the parts with single spaces and records where each entity lands. */
    public static TweetText join(List<TextPart> parts) {
        StringBuilder text = new StringBuilder();
        List<Entity> entities = new ArrayList<>();
        int position = 0;
        for (TextPart part : parts) {
            if (text.length() > 0) {
                text.append(' ');
                position++;
            }
            String rendered = part.rendered();
            int length = rendered.codePointCount(0, rendered.length());
            Entity entity = part.entityAt(position, position + length);
            if (entity != null) {
                entities.add(entity);
            }
            text.append(rendered);
            position += length;
        }
        return new TweetText(text.toString(), entities);
    }

    /** Length in code points. */
    public int length() {
        return text.codePointCount(0, text.length());
    }

    /**
     * The text as X sends it: {@code &}, {@code <} and {@code >} written {@code &amp;}, {@code &lt;} and {@code &gt;},
     * and every entity's indices moved to where it lands in the escaped text, as Twitter's are (in a real status,
     * {@code "GREAT NEWS! #Bhutan🇧🇹 &amp; #Maldives"} puts {@code #Maldives} at 28, not 24).
     */
    public TweetText escaped() {
        int[] points = text.codePoints().toArray();
        int[] escapedAt = new int[points.length + 1];
        StringBuilder out = new StringBuilder(text.length() + 8);
        int position = 0;
        for (int i = 0; i < points.length; i++) {
            escapedAt[i] = position;
            String escape = switch (points[i]) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (escape == null) {
                out.appendCodePoint(points[i]);
                position++;
            } else {
                out.append(escape);
                position += escape.length();
            }
        }
        escapedAt[points.length] = position;
        if (position == points.length) {
            return this;
        }
        List<Entity> moved = new ArrayList<>();
        for (Entity entity : entities) {
            moved.add(entity.at(escapedAt[entity.start()], escapedAt[entity.end()]));
        }
        return new TweetText(out.toString(), moved);
    }

    /** The entity for the media link, if the text ends with one. */
    public java.util.Optional<Entity.Media> media() {
        return entities.stream().filter(Entity.Media.class::isInstance).map(Entity.Media.class::cast).findFirst();
    }

    /** Whether the text needs an extended tweet, being longer than {@value #CLASSIC_LIMIT}. */
    public boolean isExtended() {
        return length() > CLASSIC_LIMIT;
    }

    /**
     * The {@code text} Twitter sends for an extended tweet in compatibility mode: the start of the full
     * text, an ellipsis, and a link to the whole tweet, {@value #CLASSIC_LIMIT} code points at most.
     * Entities cut by the truncation are dropped; the link is added.
     */
    public TweetText truncatedWithLink(Link linkToTweet) {
        int room = CLASSIC_LIMIT - ELLIPSIS.length() - 1 - Link.TCO_LENGTH;
        int cut = cutPoint(room, true);
        String kept = prefix(cut);
        int linkStart = cut + ELLIPSIS.length() + 1;
        List<Entity> keptEntities = entitiesBefore(cut);
        keptEntities.add(new Entity.Url(linkToTweet, linkStart, linkStart + Link.TCO_LENGTH));
        return new TweetText(kept + ELLIPSIS + " " + linkToTweet.url(), keptEntities);
    }

    /**
     * The {@code text} of a retweet: {@code RT @author: } and the original text, cut with an ellipsis at
     * {@value #CLASSIC_LIMIT} code points; entities are the mention of the author and the original's
     * entities that survive the cut.
     */
    public static TweetText retweetOf(Mention author, TweetText original) {
        String prefix = "RT @" + author.screenName() + ": ";
        int prefixLength = prefix.codePointCount(0, prefix.length());
        List<Entity> entities = new ArrayList<>();
        entities.add(new Entity.UserMention(author, 3, prefixLength - 2));
        original.entities.forEach(entity -> entities.add(entity.shifted(prefixLength)));
        TweetText whole = new TweetText(prefix + original.text, entities);
        if (whole.length() <= CLASSIC_LIMIT) {
            return whole;
        }
        int cut = whole.cutPoint(CLASSIC_LIMIT - ELLIPSIS.length(), false);
        return new TweetText(whole.prefix(cut) + ELLIPSIS, whole.entitiesBefore(cut));
    }

    /** Where a truncation to at most {@code maxLength} code points may cut: not inside an entity nor a character. */
    private int cutPoint(int maxLength, boolean preferWordBoundary) {
        int cut = Math.min(maxLength, length());
        for (Entity entity : entities) {
            if (entity.start() < cut && entity.end() > cut) {
                cut = entity.start();
            }
        }
        cut = graphemeBoundaryAtOrBefore(cut);
        if (preferWordBoundary) {
            int space = lastSpaceBefore(cut);
            if (space >= cut / 2) {
                cut = space;
            }
        }
        while (cut > 0 && text.codePointAt(text.offsetByCodePoints(0, cut - 1)) == ' ') {
            cut--;
        }
        return cut;
    }

    /**
     * Moves a cut back until it does not split what a reader sees as one character: a letter and its
     * combining marks, an emoji and its modifiers or ZWJ sequence, a flag's two regional indicators, a
     * Devanagari conjunct. (The JDK's BreakIterator in Java 17 still splits flags.)
     */
    private int graphemeBoundaryAtOrBefore(int codePoints) {
        int[] points = text.codePoints().toArray();
        int cut = codePoints;
        while (cut > 0 && cut < points.length && joinsPrevious(points, cut)) {
            cut--;
        }
        return cut;
    }

    private static boolean joinsPrevious(int[] points, int index) {
        int point = points[index];
        int previous = points[index - 1];
        if (previous == ZERO_WIDTH_JOINER || previous == DEVANAGARI_VIRAMA || point == ZERO_WIDTH_JOINER) {
            return true;
        }
        int type = Character.getType(point);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return true;
        }
        if ((point >= 0xFE00 && point <= 0xFE0F) || (point >= 0x1F3FB && point <= 0x1F3FF)
                || (point >= 0xE0020 && point <= 0xE007F)) {
            return true; // variation selectors, skin tones, tag characters
        }
        if (isRegionalIndicator(point) && isRegionalIndicator(previous)) {
            int before = 0;
            for (int i = index - 1; i >= 0 && isRegionalIndicator(points[i]); i--) {
                before++;
            }
            return before % 2 == 1;
        }
        return false;
    }

    private static boolean isRegionalIndicator(int point) {
        return point >= 0x1F1E6 && point <= 0x1F1FF;
    }

    private int lastSpaceBefore(int codePoints) {
        int index = text.lastIndexOf(' ', text.offsetByCodePoints(0, codePoints));
        return index < 0 ? -1 : text.codePointCount(0, index);
    }

    private String prefix(int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private List<Entity> entitiesBefore(int codePoints) {
        List<Entity> kept = new ArrayList<>();
        for (Entity entity : entities) {
            if (entity.end() <= codePoints) {
                kept.add(entity);
            }
        }
        return kept;
    }
}
