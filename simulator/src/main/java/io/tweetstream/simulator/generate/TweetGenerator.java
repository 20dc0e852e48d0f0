package io.tweetstream.simulator.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.filter.StreamFilter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the statuses of one stream, each one matching the stream's filter as Twitter would: through one of
 * the predicates given (a track phrase in the text or entities, a followed author, coordinates inside a
 * location box), in one of the requested languages. Not thread-safe: one stream, one generator.
 */
public final class TweetGenerator {

    private static final double REPLY_RATIO = 0.15;
    private static final double PLACE_RATIO = 0.15;
    private static final double COORDINATES_RATIO = 0.04;
    private static final double SECOND_PHRASE_RATIO = 0.1;
    /** How often a quote carries the keyword in the quoted status rather than in its own text. */
    private static final double KEYWORD_IN_QUOTED_RATIO = 0.3;
    private static final Duration MAX_ORIGINAL_AGE = Duration.ofDays(3);

    private enum Predicate { TRACK, FOLLOW, LOCATIONS, NONE }

    private enum Kind { ORIGINAL, RETWEET, QUOTE }

    /** 0 .. n-1 for the n tracked phrases, made once: the ranks popularPhrase() weighs. */
    private List<Integer> phraseRanks;
    private final TweetFactory factory;
    private final StreamFilter filter;
    private final Dice dice;
    private final List<Predicate> predicates;

    TweetGenerator(TweetFactory factory, StreamFilter filter, Dice dice) {
        this.factory = factory;
        this.filter = filter;
        this.dice = dice;
        this.predicates = presentPredicates(filter);
    }

    /** The next status, posted at {@code now}. */
    public GeneratedTweet next(Instant now) {
        Predicate predicate = dice.pick(predicates);
        UserProfile followed = predicate == Predicate.FOLLOW ? factory.users().withId(dice.pick(filter.follow())) : null;
        String lang = chooseLanguage(followed);
        UserProfile author = followed != null ? followed : factory.users().randomSpeaking(lang, dice);
        List<String> phrases = predicate == Predicate.TRACK ? choosePhrases() : List.of();
        List<List<TextPart>> injected = new ArrayList<>();
        for (String phrase : phrases) {
            injected.addAll(factory.injector().partsFor(phrase, dice));
        }
        Kind kind = chooseKind(predicate);
        Whereabouts whereabouts = predicate == Predicate.LOCATIONS
                ? factory.geography().inside(dice.pick(filter.locations()), dice)
                : incidentalWhereabouts(kind);

        long id = factory.ids().next(now);
        Made made = switch (kind) {
            case ORIGINAL -> original(id, now, author, lang, injected, whereabouts);
            case RETWEET -> retweet(id, now, author, lang, injected);
            case QUOTE -> quote(id, now, author, lang, injected, whereabouts, true);
        };
        return new GeneratedTweet(made.json(), id, author.id(), phrases, made.v2());
    }

    /**
     * The next status for a v2 rule, posted at {@code now}, made to satisfy {@code recipe}. Whether it does is
     * for the caller to check: a recipe that contradicts itself (two authors, a retweet with coordinates)
     * cannot be met.
     */
    public GeneratedTweet next(Instant now, TweetRecipe recipe) {
        return next(now, recipe, false);
    }

    /**
     * A status for a v2 rule as {@link #next(Instant, TweetRecipe)}, but dated {@code createdAt} in the past, with an
     * id of that time ({@link SnowflakeIds#earlier(Instant)}): a tweet made before the simulator started.
     */
    public GeneratedTweet earlier(Instant createdAt, TweetRecipe recipe) {
        return next(createdAt, recipe, true);
    }

    private GeneratedTweet next(Instant now, TweetRecipe recipe, boolean earlier) {
        UserProfile wanted = recipe.author();
        String lang = recipe.lang() != null ? recipe.lang() : chooseLanguage(wanted);
        UserProfile author = wanted != null ? wanted : factory.users().randomSpeaking(lang, dice);
        List<List<TextPart>> injected = partsFor(recipe, lang);
        Kind kind = switch (recipe.shape()) {
            case RETWEET -> Kind.RETWEET;
            case QUOTE -> Kind.QUOTE;
            case REPLY -> Kind.ORIGINAL;
            case ANY -> chooseKind(recipe.box() != null ? Predicate.LOCATIONS : Predicate.TRACK);
        };
        Whereabouts whereabouts = recipe.box() != null
                ? factory.geography().inside(recipe.box(), dice)
                : incidentalWhereabouts(kind);
        long id = earlier ? factory.ids().earlier(now) : factory.ids().next(now);
        Made made = switch (kind) {
            case ORIGINAL -> original(id, now, author, lang, injected, whereabouts,
                    recipe.shape() == TweetRecipe.Shape.REPLY ? Boolean.TRUE : null);
            case RETWEET -> retweet(id, now, author, lang, injected);
            case QUOTE -> quote(id, now, author, lang, injected, whereabouts, false);
        };
        return new GeneratedTweet(made.json(), id, author.id(), recipe.injectedTerms(), made.v2());
    }

    private List<List<TextPart>> partsFor(TweetRecipe recipe, String lang) {
        List<List<TextPart>> parts = new ArrayList<>();
        for (String keyword : recipe.keywords()) {
            parts.add(List.of(factory.injector().partForKeyword(keyword, dice)));
        }
        for (String phrase : recipe.phrases()) {
            parts.add(List.of(new TextPart.Words(KeywordInjector.varyCase(phrase, dice))));
        }
        for (String tag : recipe.hashtags()) {
            parts.add(List.of(new TextPart.Hashtag(KeywordInjector.varyCase(tag, dice))));
        }
        for (String name : recipe.mentions()) {
            parts.add(List.of(new TextPart.MentionOf(Mention.of(factory.users().withScreenName(name)))));
        }
        for (String tag : recipe.cashtags()) {
            parts.add(List.of(new TextPart.Words("$" + tag.toUpperCase(Locale.ROOT))));
        }
        if (recipe.withLink()) {
            String address = "https://" + dice.pick(factory.corpus().linkDomains()) + "/"
                    + dice.pick(factory.corpus().linkWords()) + "/" + dice.between(1_000, 99_999_999);
            parts.add(List.of(new TextPart.LinkTo(Link.to(address, dice))));
        }
        if (recipe.withHashtag()) {
            parts.add(List.of(new TextPart.Hashtag(dice.pick(factory.corpus().languageOrEnglish(lang).hashtags()))));
        }
        if (recipe.withMention()) {
            parts.add(List.of(new TextPart.MentionOf(Mention.of(factory.users().random(dice)))));
        }
        dice.shuffle(parts);
        return parts;
    }

    /** A status in its v1.1 form and what its v2 rendering needs besides. */
    private record Made(ObjectNode json, V2Context v2) {
    }

    private Made original(long id, Instant now, UserProfile author, String lang, List<List<TextPart>> injected,
                          Whereabouts whereabouts) {
        return original(id, now, author, lang, injected, whereabouts, null);
    }

    /** @param isReply whether to reply; {@code null} to leave it to chance */
    private Made original(long id, Instant now, UserProfile author, String lang, List<List<TextPart>> injected,
                          Whereabouts whereabouts, Boolean isReply) {
        StatusSpec.Reply reply = null;
        UserProfile repliedTo = null;
        if (isReply != null ? isReply : dice.chance(REPLY_RATIO)) {
            repliedTo = factory.users().random(dice);
            reply = new StatusSpec.Reply(SnowflakeIds.historic(before(now), dice), Mention.of(repliedTo));
        }
        Attached attached = attach(id, author, now, true);
        TweetText text = factory.composer().compose(dice, lang, injected, reply == null ? null : reply.user(),
                textLength(), htmlCharacters(), attached.media());
        // X lets an author edit a reply only within their own thread; replies here answer someone else.
        PostDetails details = details(id, now, text, attached, reply == null && attached.poll() == null);
        ObjectNode json = status(id, now, author, text, reply, whereabouts, null, null, StatusSpec.Engagement.NONE,
                lang, true, details);
        return new Made(json, reply == null ? V2Context.standalone(id) : replyContext(reply, repliedTo, now, lang));
    }

    /** A retweet carries the keyword in its original, as on Twitter, where it may be cut from the RT's text. */
    private Made retweet(long id, Instant now, UserProfile author, String lang, List<List<TextPart>> injected) {
        Earlier original = earlier(now, lang, injected);
        TweetText text = TweetText.retweetOf(Mention.of(original.author()), original.fullText());
        PostDetails details = new PostDetails(null, null, EditHistory.unedited(id, now, false), false, null);
        ObjectNode json = status(id, now, author, text, null, null, original.json(), null, StatusSpec.Engagement.NONE,
                lang, true, details);
        return new Made(json, referenceContext(id));
    }

    /**
     * @param keywordMayBeQuoted whether the keyword may sit in the quoted status: v1.1 track matched it there,
     *                           v2 rules match a quote by its own text
     */
    private Made quote(long id, Instant now, UserProfile author, String lang, List<List<TextPart>> injected,
                       Whereabouts whereabouts, boolean keywordMayBeQuoted) {
        boolean keywordInQuoted = keywordMayBeQuoted && !injected.isEmpty() && dice.chance(KEYWORD_IN_QUOTED_RATIO);
        Earlier quoted = earlier(now, lang, keywordInQuoted ? injected : List.of());
        Attached attached = attach(id, author, now, false);
        TweetText text = factory.composer().compose(dice, lang, keywordInQuoted ? List.of() : injected, null,
                textLength(), htmlCharacters(), attached.media());
        Link permalink = Link.to("https://twitter.com/" + quoted.author().screenName() + "/status/" + quoted.id(), dice);
        StatusSpec.Quoted quotedStatus = new StatusSpec.Quoted(quoted.id(), quoted.json(), permalink);
        PostDetails details = details(id, now, text, attached, true);
        ObjectNode json = status(id, now, author, text, null, whereabouts, null, quotedStatus,
                StatusSpec.Engagement.NONE, lang, true, details);
        return new Made(json, referenceContext(id));
    }

    /** An older status by someone else, as embedded in a retweet or a quote. */
    private record Earlier(long id, UserProfile author, TweetText fullText, ObjectNode json) {
    }

    private Earlier earlier(Instant now, String lang, List<List<TextPart>> injected) {
        UserProfile author = factory.users().randomSpeaking(lang, dice);
        Instant createdAt = before(now);
        return earlier(SnowflakeIds.historic(createdAt, dice), createdAt, author, lang, injected);
    }

    private Earlier earlier(long id, Instant createdAt, UserProfile author, String lang, List<List<TextPart>> injected) {
        Attached attached = attach(id, author, createdAt, true);
        TweetText text = factory.composer().compose(dice, lang, injected, null, textLength(), htmlCharacters(),
                attached.media());
        StatusSpec.Engagement engagement = new StatusSpec.Engagement(dice.heavyTailed(2, 100_000),
                dice.heavyTailed(4, 200_000), dice.heavyTailed(30, 2_000_000), dice.heavyTailed(90, 5_000_000));
        Whereabouts whereabouts = incidentalWhereabouts(Kind.ORIGINAL);
        PostDetails details = details(id, createdAt, text, attached, attached.poll() == null);
        ObjectNode json = status(id, createdAt, author, text, null, whereabouts, null, null, engagement, lang, false,
                details);
        return new Earlier(id, author, text, json);
    }

    /** A post's media or poll (never both, as on X), or neither. */
    private record Attached(MediaAttachment media, Poll poll) {
    }

    private Attached attach(long id, UserProfile author, Instant at, boolean pollAllowed) {
        PayloadShapes shapes = factory.shapes();
        if (dice.chance(shapes.mediaRatio())) {
            return new Attached(Attachments.media(id, author, at, dice), null);
        }
        if (pollAllowed && dice.chance(shapes.pollRatio())) {
            return new Attached(null, Attachments.poll(at, dice));
        }
        return new Attached(null, null);
    }

    private PostDetails details(long id, Instant at, TweetText text, Attached attached, boolean editable) {
        PayloadShapes shapes = factory.shapes();
        EditHistory edits = editable && dice.chance(shapes.editedRatio())
                ? EditHistory.edited(id, at, dice.between(1, EditHistory.MAX_EDITS), dice)
                : EditHistory.unedited(id, at, editable);
        boolean linked = text.entities().stream().anyMatch(e -> e instanceof Entity.Url || e instanceof Entity.Media);
        boolean sensitive = linked && dice.chance(shapes.sensitiveRatio());
        Withheld withheld = dice.chance(shapes.withheldRatio()) ? Attachments.withheld(dice) : null;
        return new PostDetails(attached.media(), attached.poll(), edits, sensitive, withheld);
    }

    /**
     * A reply's conversation: mostly a direct answer to the thread's first post, else deeper in a thread whose root
     * came earlier; the post replied to is included when X would have it (not deleted, not protected).
     */
    private V2Context replyContext(StatusSpec.Reply reply, UserProfile repliedTo, Instant now, String lang) {
        long parentId = reply.statusId();
        Instant parentPosted = SnowflakeIds.createdAt(parentId);
        long root = dice.chance(0.7) ? parentId
                : SnowflakeIds.historic(parentPosted.minusMillis(dice.between(60_000L, 3_600_000L)), dice);
        ObjectNode parent = null;
        if (dice.chance(factory.shapes().replyParentIncludedRatio())) {
            parent = earlier(parentId, parentPosted, repliedTo, lang, List.of()).json();
        }
        return new V2Context(root, parent, false, false);
    }

    /** Whether X can include a retweet's or quote's referenced post, and its author. */
    private V2Context referenceContext(long id) {
        boolean unavailable = dice.chance(factory.shapes().unavailableReferenceRatio());
        boolean authorMissing = !unavailable && dice.chance(factory.shapes().missingReferencedAuthorRatio());
        return new V2Context(id, null, unavailable, authorMissing);
    }

    private ObjectNode status(long id, Instant createdAt, UserProfile author, TweetText text, StatusSpec.Reply reply,
                              Whereabouts whereabouts, ObjectNode retweeted, StatusSpec.Quoted quoted,
                              StatusSpec.Engagement engagement, String lang, boolean streamed, PostDetails details) {
        Link linkToTweet = text.isExtended() ? Link.to("https://twitter.com/i/web/status/" + id, dice) : null;
        Corpus.Source source = dice.pickWeighted(factory.corpus().sources(), Corpus.Source::weight);
        String filterLevel = filter.filterLevel() == null ? "low" : filter.filterLevel();
        return factory.json().status(new StatusSpec(id, createdAt, author, text, linkToTweet, source, reply, whereabouts,
                retweeted, quoted, engagement, filterLevel, lang, streamed, details));
    }

    private String chooseLanguage(UserProfile followed) {
        if (!filter.languages().isEmpty()) {
            return dice.pick(filter.languages());
        }
        if (followed != null) {
            return followed.language();
        }
        List<String> codes = List.copyOf(factory.corpus().languages().keySet());
        return dice.pickWeighted(codes, code -> factory.corpus().languages().get(code).weight());
    }

    private List<String> choosePhrases() {
        List<String> phrases = new ArrayList<>(List.of(popularPhrase()));
        if (filter.track().size() > 1 && dice.chance(SECOND_PHRASE_RATIO)) {
            String second = popularPhrase();
            if (!second.equals(phrases.get(0))) {
                phrases.add(second);
            }
        }
        return phrases;
    }

    /**
     * A tracked phrase, the first ones more often, as topics are on Twitter: phrase {@code i} of
     * {@code n} is picked with weight {@code 1 / (i + 1)} (Zipf), so a chart shows a realistic mix.
     */
    private String popularPhrase() {
        List<String> track = filter.track();
        if (phraseRanks == null) {
            phraseRanks = java.util.stream.IntStream.range(0, track.size()).boxed().toList();
        }
        return track.get(dice.pickWeighted(phraseRanks, rank -> 60_000 / (rank + 1)));
    }

    private Kind chooseKind(Predicate predicate) {
        double roll = dice.unit();
        double retweetRatio = factory.mix().retweetRatio();
        if (roll < retweetRatio) {
            // Retweets carry no coordinates of their own, so a location match needs an original or a quote.
            return predicate == Predicate.LOCATIONS ? Kind.ORIGINAL : Kind.RETWEET;
        }
        return roll < retweetRatio + factory.mix().quoteRatio() ? Kind.QUOTE : Kind.ORIGINAL;
    }

    private Whereabouts incidentalWhereabouts(Kind kind) {
        if (kind == Kind.RETWEET) {
            return null;
        }
        double roll = dice.unit();
        if (roll < COORDINATES_RATIO) {
            return factory.geography().randomCity(dice, true);
        }
        return roll < PLACE_RATIO ? factory.geography().randomCity(dice, false) : null;
    }

    private TextLength textLength() {
        if (dice.chance(factory.shapes().longPostRatio())) {
            return TextLength.LONG;
        }
        return dice.chance(factory.mix().extendedRatio()) ? TextLength.EXTENDED : TextLength.CLASSIC;
    }

    private boolean htmlCharacters() {
        return dice.chance(factory.shapes().htmlEntityRatio());
    }

    private Instant before(Instant now) {
        return now.minusMillis(dice.between(60_000L, MAX_ORIGINAL_AGE.toMillis()));
    }

    private static List<Predicate> presentPredicates(StreamFilter filter) {
        List<Predicate> present = new ArrayList<>();
        if (!filter.track().isEmpty()) {
            present.add(Predicate.TRACK);
        }
        if (!filter.follow().isEmpty()) {
            present.add(Predicate.FOLLOW);
        }
        if (!filter.locations().isEmpty()) {
            present.add(Predicate.LOCATIONS);
        }
        if (present.isEmpty()) {
            // An unfiltered generator, like the sample stream: used by tests of the generator alone.
            present.add(Predicate.NONE);
        }
        return List.copyOf(present);
    }
}
