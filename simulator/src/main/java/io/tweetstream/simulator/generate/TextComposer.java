package io.tweetstream.simulator.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the full text of a tweet in a language: sentences from the corpus, sometimes emoji, hashtags,
 * a mention or a link, the injected keyword runs, and the mention of the account replied to first.
 * Fits it to at most 140 code points, or to 141..280 for an extended tweet.
 */
public final class TextComposer {

    private final Corpus corpus;
    private final UserPool users;

    public TextComposer(Corpus corpus, UserPool users) {
        this.corpus = corpus;
        this.users = users;
    }

    /** A piece of text and whether it may be dropped to make the tweet fit. */
    private record Slot(TextPart part, boolean optional) {
        int length() {
            String rendered = part.rendered();
            return rendered.codePointCount(0, rendered.length());
        }
    }

    /** Bits of text with characters X escapes in {@code text}: {@code &}, {@code <}, {@code >}. */
    private static final List<String> HTML_CHARACTERS = List.of("&", "<3", "->", "Q&A", ">>", "<-", "& more", "R&D");

    /**
     * @param injected runs of keyword pieces; each run stays together and is never dropped
     * @param replyTo  the account replied to, written first; {@code null} for a tweet that is not a reply
     * @param extended whether to write more than 140 code points. A short tweet whose keywords alone do not
     *                 fit in 140 becomes extended anyway.
     */
    public TweetText compose(Dice dice, String language, List<List<TextPart>> injected, Mention replyTo, boolean extended) {
        return compose(dice, language, injected, replyTo, extended ? TextLength.EXTENDED : TextLength.CLASSIC, false, null);
    }

    /**
     * @param injected       runs of keyword pieces; each run stays together and is never dropped
     * @param replyTo        the account replied to, written first; {@code null} for a tweet that is not a reply
     * @param length         how long to write; a short text whose keywords alone do not fit becomes longer anyway
     * @param htmlCharacters whether to put in a bit of text with {@code &}, {@code <} or {@code >}
     * @param media          the media whose link ends the text, counted in its length; {@code null} for none
     */
    public TweetText compose(Dice dice, String language, List<List<TextPart>> injected, Mention replyTo,
                             TextLength length, boolean htmlCharacters, MediaAttachment media) {
        Corpus.LanguageCorpus words = corpus.languageOrEnglish(language);
        boolean longer = length != TextLength.CLASSIC;
        List<Slot> slots = new ArrayList<>();
        int sentences = longer ? 2 : (dice.chance(0.35) ? 2 : 1);
        for (int i = 0; i < sentences; i++) {
            slots.add(optional(new TextPart.Words(dice.pick(words.sentences()))));
        }
        if (dice.chance(0.35)) {
            slots.add(optional(new TextPart.Words(emoji(dice))));
        }
        if (dice.chance(0.1)) {
            slots.add(dice.index(slots.size() + 1), optional(new TextPart.MentionOf(Mention.of(users.random(dice)))));
        }
        if (dice.chance(0.25)) {
            slots.add(optional(new TextPart.Hashtag(dice.pick(words.hashtags()))));
        }
        if (dice.chance(0.2)) {
            slots.add(optional(new TextPart.LinkTo(Link.to(randomAddress(dice), dice))));
        }
        if (htmlCharacters) {
            // Kept, so the share of texts with escaped characters is the one asked for.
            slots.add(dice.index(slots.size() + 1), new Slot(new TextPart.Words(dice.pick(HTML_CHARACTERS)), false));
        }
        for (List<TextPart> run : injected) {
            // In a long tweet, a keyword at the end often lies past what a 140-character client sees.
            int at = longer && dice.chance(0.5) ? slots.size() : dice.index(slots.size() + 1);
            slots.addAll(at, run.stream().map(part -> new Slot(part, false)).toList());
        }
        int leading = 0;
        if (replyTo != null) {
            slots.add(0, new Slot(new TextPart.MentionOf(replyTo), false));
            leading = 1;
        }
        // The media link comes last, after a space, and counts like any link.
        int reserved = media == null ? 0 : Link.TCO_LENGTH + 1;
        dropUntilFits(slots, length.limit() - reserved, dice);
        if (longer) {
            growPast(slots, leading, length.floor() - reserved, length.limit() - reserved, words, dice);
        }
        if (media != null) {
            slots.add(new Slot(new TextPart.MediaLink(media), false));
        }
        return TweetText.join(slots.stream().map(Slot::part).toList());
    }

    private static void dropUntilFits(List<Slot> slots, int limit, Dice dice) {
        while (length(slots) > limit) {
            List<Slot> droppable = slots.stream().filter(Slot::optional).toList();
            if (droppable.isEmpty()) {
                return;
            }
            slots.remove(dice.pick(droppable));
        }
    }

    /**
     * Adds sentences, the last one cut to fit, until the text is at least {@code floor} and at most {@code limit}
     * code points long. A long post aims somewhere between, as long posts vary.
     */
    private static void growPast(List<Slot> slots, int leading, int floor, int limit, Corpus.LanguageCorpus words,
                                 Dice dice) {
        int target = floor >= TweetText.EXTENDED_LIMIT ? dice.between(floor, limit) : floor;
        while (length(slots) < target) {
            int room = limit - length(slots) - (slots.isEmpty() ? 0 : 1);
            if (room <= 0) {
                return;
            }
            String sentence = cutToFit(dice.pick(words.sentences()), room);
            slots.add(leading + dice.index(slots.size() - leading + 1), optional(new TextPart.Words(sentence)));
        }
    }

    /** The sentence, or as many of its first words (or, in a language without spaces, characters) as fit. */
    private static String cutToFit(String sentence, int room) {
        if (sentence.codePointCount(0, sentence.length()) <= room) {
            return sentence;
        }
        int end = sentence.offsetByCodePoints(0, room);
        int space = sentence.lastIndexOf(' ', end);
        return space > 0 ? sentence.substring(0, space) : sentence.substring(0, end);
    }

    private String emoji(Dice dice) {
        StringBuilder out = new StringBuilder();
        int count = dice.between(1, 3);
        for (int i = 0; i < count; i++) {
            out.append(dice.pick(corpus.emoji()));
        }
        return out.toString();
    }

    private String randomAddress(Dice dice) {
        return "https://" + dice.pick(corpus.linkDomains()) + "/" + dice.pick(corpus.linkWords()) + "/"
                + dice.between(1_000, 99_999_999);
    }

    private static Slot optional(TextPart part) {
        return new Slot(part, true);
    }

    private static int length(List<Slot> slots) {
        int spaces = Math.max(0, slots.size() - 1);
        return slots.stream().mapToInt(Slot::length).sum() + spaces;
    }
}
