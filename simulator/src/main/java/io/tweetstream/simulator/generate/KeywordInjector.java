package io.tweetstream.simulator.generate;

import io.tweetstream.simulator.filter.StreamFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Puts a {@code track} phrase into a tweet in one of the ways Twitter would match it: a one-word phrase as
 * a plain word, a hashtag, a mention or inside a link's address; a phrase of several words as all its
 * words, in any order. The case varies, as Twitter matches regardless of case.
 */
public final class KeywordInjector {

    private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]*\\p{L}[\\p{L}\\p{M}\\p{N}_]*");
    private static final Pattern SCREEN_NAME = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final List<String> TRAILING_PUNCTUATION = List.of("!", ".", ",", "?", ":");

    private enum Form { PLAIN, HASHTAG, MENTION, LINK }

    private final UserPool users;

    public KeywordInjector(UserPool users) {
        this.users = users;
    }

    /**
     * The text pieces that make a tweet match {@code phrase}. Each inner list goes into the tweet as one
     * run; a phrase of several words may come back as one run per word, to be scattered.
     */
    public List<List<TextPart>> partsFor(String phrase, Dice dice) {
        List<String> words = StreamFilter.wordsOf(phrase);
        if (words.size() == 1) {
            return List.of(List.of(oneWord(words.get(0), dice)));
        }
        if (dice.chance(0.5)) {
            List<String> varied = words.stream().map(word -> varyCase(word, dice)).toList();
            return List.of(List.of(new TextPart.Words(String.join(" ", varied))));
        }
        List<List<TextPart>> scattered = new ArrayList<>();
        for (String word : words) {
            scattered.add(List.of(plain(word, dice)));
        }
        dice.shuffle(scattered);
        return scattered;
    }

    /**
     * A bare keyword of a v2 rule as a plain word, a hashtag or a mention: X matches a keyword in any of them,
     * but not inside a link's address.
     */
    public TextPart partForKeyword(String keyword, Dice dice) {
        List<Form> forms = new ArrayList<>(List.of(Form.PLAIN, Form.PLAIN));
        if (HASHTAG.matcher(keyword).matches()) {
            forms.add(Form.HASHTAG);
        }
        if (SCREEN_NAME.matcher(keyword).matches()) {
            forms.add(Form.MENTION);
        }
        return switch (dice.pick(forms)) {
            case HASHTAG -> new TextPart.Hashtag(varyCase(keyword, dice));
            case MENTION -> new TextPart.MentionOf(Mention.of(users.withScreenName(varyCase(keyword, dice))));
            default -> plain(keyword, dice);
        };
    }

    private TextPart oneWord(String word, Dice dice) {
        // A phrase that is itself a hashtag or a mention can only match as one.
        if (word.startsWith("#") && HASHTAG.matcher(word.substring(1)).matches()) {
            return new TextPart.Hashtag(varyCase(word.substring(1), dice));
        }
        if (word.startsWith("@") && SCREEN_NAME.matcher(word.substring(1)).matches()) {
            return new TextPart.MentionOf(users.mentionOf(varyCase(word.substring(1), dice)));
        }
        List<Form> forms = new ArrayList<>(List.of(Form.PLAIN, Form.PLAIN));
        if (HASHTAG.matcher(word).matches()) {
            forms.add(Form.HASHTAG);
        }
        if (SCREEN_NAME.matcher(word).matches()) {
            forms.add(Form.MENTION);
        }
        if (DOMAIN_LABEL.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
            forms.add(Form.LINK);
        }
        return switch (dice.pick(forms)) {
            case PLAIN -> plain(word, dice);
            case HASHTAG -> new TextPart.Hashtag(varyCase(word, dice));
            case MENTION -> new TextPart.MentionOf(users.mentionOf(varyCase(word, dice)));
            case LINK -> new TextPart.LinkTo(linkAbout(word.toLowerCase(Locale.ROOT), dice));
        };
    }

    /** The word as written, sometimes followed by punctuation, which Twitter's matching ignores. */
    private static TextPart plain(String word, Dice dice) {
        String varied = varyCase(word, dice);
        boolean endsInLetterOrDigit = Character.isLetterOrDigit(varied.codePointBefore(varied.length()));
        if (endsInLetterOrDigit && dice.chance(0.25)) {
            varied += dice.pick(TRAILING_PUNCTUATION);
        }
        return new TextPart.Words(varied);
    }

    private static Link linkAbout(String label, Dice dice) {
        String path = dice.pick(List.of("blog", "news", "2024", "docs", "events", "p")) + "/"
                + dice.characters("abcdefghijklmnopqrstuvwxyz0123456789", dice.between(4, 12));
        return Link.to("https://www." + label + ".com/" + path, dice);
    }

    /**
     * As given, lower case, upper case or capitalised. A form whose case mapping is not one-to-one
     * (like German ß becoming SS) is not used, so the word still matches.
     */
    static String varyCase(String word, Dice dice) {
        double roll = dice.unit();
        String varied;
        if (roll < 0.4) {
            varied = word;
        } else if (roll < 0.65) {
            varied = word.toLowerCase(Locale.ROOT);
        } else if (roll < 0.8) {
            varied = word.toUpperCase(Locale.ROOT);
        } else {
            int first = word.offsetByCodePoints(0, 1);
            varied = word.substring(0, first).toUpperCase(Locale.ROOT) + word.substring(first).toLowerCase(Locale.ROOT);
        }
        boolean sameLetters = varied.length() == word.length() && varied.equalsIgnoreCase(word);
        return sameLetters ? varied : word;
    }
}
