package io.tweetstream.simulator.generate;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The accounts tweets come from: a fixed crowd drawn from the seed when the simulator starts, plus
 * accounts made up on demand for followed ids that are not in the crowd. The same id always gives the
 * same account, on every stream.
 */
public final class UserPool {

    static final int CROWD_SIZE = 400;
    private static final int MAX_SCREEN_NAME = 15;
    private static final Instant FIRST_SIGNUP = Instant.parse("2007-03-01T00:00:00Z");
    private static final Instant LAST_SIGNUP = Instant.parse("2022-10-01T00:00:00Z");
    /** Accounts created before this got small sequential ids; later ones got Snowflake ids. */
    private static final Instant SNOWFLAKE_USER_IDS_SINCE = Instant.parse("2013-06-01T00:00:00Z");
    private static final String IMAGE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Corpus corpus;
    private final long seed;
    private final List<UserProfile> crowd;
    private final Map<String, List<UserProfile>> crowdByLanguage;
    private final Map<Long, UserProfile> crowdById;
    private final Map<String, UserProfile> crowdByScreenName;
    private final Map<Long, UserProfile> madeUpById = new ConcurrentHashMap<>();

    public UserPool(Corpus corpus, long seed) {
        this.corpus = corpus;
        this.seed = seed;
        this.crowd = drawCrowd(new Dice(Seeds.derive(seed, "crowd".hashCode())));
        this.crowdByLanguage = crowd.stream().collect(Collectors.groupingBy(UserProfile::language));
        this.crowdById = crowd.stream().collect(Collectors.toUnmodifiableMap(UserProfile::id, user -> user));
        this.crowdByScreenName = crowd.stream().collect(Collectors.toUnmodifiableMap(
                user -> user.screenName().toLowerCase(Locale.ROOT), user -> user));
    }

    /** An account of the crowd that tweets in {@code language}, or any account if none does. */
    public UserProfile randomSpeaking(String language, Dice dice) {
        List<UserProfile> speakers = crowdByLanguage.get(language);
        return dice.pick(speakers == null ? crowd : speakers);
    }

    /** Any account of the crowd. */
    public UserProfile random(Dice dice) {
        return dice.pick(crowd);
    }

    /** The account with this id: from the crowd, or made up (the same way every time) if the crowd has none. */
    public UserProfile withId(long id) {
        UserProfile member = crowdById.get(id);
        if (member != null) {
            return member;
        }
        return madeUpById.computeIfAbsent(id, key -> withId(drawnFor(key), key));
    }

    private UserProfile drawnFor(long id) {
        Dice dice = new Dice(Seeds.derive(seed, id));
        return drawUser(dice, dice.pickWeighted(List.copyOf(corpus.languages().keySet()),
                code -> corpus.languages().get(code).weight()), new HashSet<>());
    }

    /**
     * The account with this screen name (regardless of case): from the crowd, or made up with the id
     * {@link #mentionOf} gives it, so that {@link #withId} finds it again.
     */
    public UserProfile withScreenName(String screenName) {
        UserProfile member = crowdByScreenName.get(screenName.toLowerCase(Locale.ROOT));
        return member != null ? member : profileOf(mentionOf(screenName));
    }

    /** The whole account behind a mention: the crowd member, or the made-up account with its id and names. */
    public UserProfile profileOf(Mention mention) {
        UserProfile member = crowdById.get(mention.id());
        if (member != null) {
            return member;
        }
        return madeUpById.computeIfAbsent(mention.id(), key -> {
            UserProfile drawn = withId(drawnFor(key), key);
            return new UserProfile(key, mention.name(), mention.screenName(), drawn.location(), drawn.description(),
                    drawn.verified(), drawn.followersCount(), drawn.friendsCount(), drawn.listedCount(),
                    drawn.favouritesCount(), drawn.statusesCount(), drawn.createdAt(), drawn.profileImagePath(),
                    drawn.geoEnabled(), drawn.language());
        });
    }

    /** A made-up account whose screen name is {@code screenName}, for mentions of a tracked word. */
    public Mention mentionOf(String screenName) {
        long id = 1 + Math.floorMod(Seeds.derive(seed, screenName.toLowerCase(Locale.ROOT).hashCode()), 4_000_000_000L);
        String name = Character.toUpperCase(screenName.charAt(0)) + screenName.substring(1);
        return new Mention(id, screenName, name);
    }

    private List<UserProfile> drawCrowd(Dice dice) {
        List<String> codes = List.copyOf(corpus.languages().keySet());
        Set<String> screenNames = new HashSet<>();
        List<UserProfile> users = new ArrayList<>(CROWD_SIZE);
        for (int i = 0; i < CROWD_SIZE; i++) {
            String language = dice.pickWeighted(codes, code -> corpus.languages().get(code).weight());
            users.add(drawUser(dice, language, screenNames));
        }
        return List.copyOf(users);
    }

    private UserProfile drawUser(Dice dice, String language, Set<String> takenScreenNames) {
        Corpus.LanguageCorpus words = corpus.languages().get(language);
        String name = dice.pick(words.names());
        String screenName = uniqueScreenName(dice, name, takenScreenNames);
        Instant createdAt = Instant.ofEpochMilli(dice.between(FIRST_SIGNUP.toEpochMilli(), LAST_SIGNUP.toEpochMilli()));
        long id = createdAt.isBefore(SNOWFLAKE_USER_IDS_SINCE)
                ? dice.between(10_000L, 1_500_000_000L)
                : SnowflakeIds.historic(createdAt, dice);
        boolean verified = dice.chance(0.03);
        int followers = dice.heavyTailed(verified ? 250_000 : 300, 90_000_000);
        String location = dice.chance(0.6) ? dice.pick(corpus.cities()).fullName()
                : dice.chance(0.5) ? dice.pick(corpus.freeLocations()) : "";
        String imagePath = dice.between(100_000_000_000_000_000L, 1_600_000_000_000_000_000L) + "/"
                + dice.characters(IMAGE_ALPHABET, 8) + "_normal.jpg";
        return new UserProfile(id, name, screenName, location, dice.pick(words.bios()), verified, followers,
                dice.heavyTailed(400, 100_000), dice.heavyTailed(5, 100_000), dice.heavyTailed(2_000, 1_000_000),
                1 + dice.heavyTailed(3_000, 2_000_000), createdAt, imagePath, dice.chance(0.3), language);
    }

    /** A handle like {@code lucia_garcia87} or {@code sunnyriver42}: ASCII, at most 15 characters. */
    private String uniqueScreenName(Dice dice, String displayName, Set<String> taken) {
        String base = asciiLetters(displayName.split(" ")[0]);
        if (base.length() < 3 || dice.chance(0.4)) {
            base = dice.pick(corpus.handleWords()) + (dice.chance(0.5) ? "_" : "") + dice.pick(corpus.handleWords());
        }
        // Room for four digits, so that a taken name can always be made unique.
        base = base.substring(0, Math.min(base.length(), MAX_SCREEN_NAME - 4));
        while (true) {
            String candidate = base + (dice.chance(0.7) ? String.valueOf(dice.between(1, 9_999)) : "");
            if (dice.chance(0.3)) {
                candidate = Character.toUpperCase(candidate.charAt(0)) + candidate.substring(1);
            }
            if (taken.add(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
    }

    private static String asciiLetters(String text) {
        String withoutAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static UserProfile withId(UserProfile user, long id) {
        return new UserProfile(id, user.name(), user.screenName(), user.location(), user.description(), user.verified(),
                user.followersCount(), user.friendsCount(), user.listedCount(), user.favouritesCount(),
                user.statusesCount(), user.createdAt(), user.profileImagePath(), user.geoEnabled(), user.language());
    }
}
