package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the connector's filter in X's rule language, with the meaning the v1.1 track parameter had:
 * the words of a phrase are ANDed (space), so {@code apache kafka} matches a tweet holding both words
 * in any order; languages restrict every rule ({@code lang:en}, ORed when there are several).
 */
final class RuleValues {

    /** A word X takes as a plain keyword, hashtag, mention or cashtag; anything else is quoted. */
    private static final Pattern PLAIN_TERM = Pattern.compile("[#@$]?[\\p{L}\\p{N}_]+");

    private RuleValues() {}

    static String phrase(String phrase, List<String> languages) {
        List<String> terms = new ArrayList<>();
        for (String word : phrase.strip().split("\\s+")) {
            terms.add(term(word));
        }
        return String.join(" ", terms) + languageClause(languages);
    }

    /**
     * The {@code from:} clauses of the followed users, packed into as few rules as fit the length
     * limit. The v1.1 follow parameter also streamed retweets and replies to the user; a v2 rule
     * matches what the users post (retweets included), which is what the connector documents.
     */
    static List<String> followed(List<Long> userIds, List<String> languages, int maxLength) {
        return packed(userIds.stream().map(id -> "from:" + id).toList(), languages, maxLength);
    }

    static List<String> located(List<BoundingBox> boxes, List<String> languages, int maxLength) {
        return packed(boxes.stream().map(RuleValues::boundingBox).toList(), languages, maxLength);
    }

    private static String boundingBox(BoundingBox box) {
        return "bounding_box:[" + box.swLongitude() + ' ' + box.swLatitude() + ' ' + box.neLongitude() + ' '
                + box.neLatitude() + ']';
    }

    /** Clauses ORed together, as many to a rule as the length allows (at least one). */
    private static List<String> packed(List<String> clauses, List<String> languages, int maxLength) {
        List<String> rules = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String clause : clauses) {
            current.add(clause);
            if (current.size() > 1 && ored(current, languages).length() > maxLength) {
                current.remove(current.size() - 1);
                rules.add(ored(current, languages));
                current = new ArrayList<>(List.of(clause));
            }
        }
        if (!current.isEmpty()) {
            rules.add(ored(current, languages));
        }
        return rules;
    }

    private static String ored(List<String> clauses, List<String> languages) {
        String any = String.join(" OR ", clauses);
        if (languages.isEmpty()) {
            return any;
        }
        return (clauses.size() > 1 ? "(" + any + ")" : any) + languageClause(languages);
    }

    private static String languageClause(List<String> languages) {
        if (languages.isEmpty()) {
            return "";
        }
        List<String> clauses = languages.stream().map(code -> "lang:" + code).toList();
        return clauses.size() == 1 ? " " + clauses.get(0) : " (" + String.join(" OR ", clauses) + ")";
    }

    /** A word as a rule term: plain when X reads it as a keyword, else an exact-match quoted string. */
    static String term(String word) {
        if (PLAIN_TERM.matcher(word).matches() && !word.equals("OR") && !word.equals("AND")) {
            return word;
        }
        return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
