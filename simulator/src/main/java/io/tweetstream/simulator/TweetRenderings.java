package io.tweetstream.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.simulator.generate.GeneratedTweet;
import io.tweetstream.simulator.generate.TweetFactory;
import io.tweetstream.simulator.generate.TweetGenerator;
import io.tweetstream.simulator.generate.TweetMix;
import io.tweetstream.simulator.generate.TweetRecipe;
import io.tweetstream.simulator.v2.FieldSelection;
import io.tweetstream.simulator.v2.InvalidParametersException;
import io.tweetstream.simulator.v2.StatusView;
import io.tweetstream.simulator.v2.V2Payload;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Generated posts rendered on both APIs without a server, for tests that map each rendering with their own client code
 * and expect the same record: the v1.1 status and the v2 line of one post describe the same post (id, text, entities,
 * author, media, place, references), as the simulator's streams would send it. The posts are those of a v2 sample
 * stream of a simulator with these settings (seed, mix and payload shapes); the same settings and times give the same
 * posts. Not thread-safe.
 *
 * <pre>{@code
 * TweetRenderings renderings = TweetRenderings.of(SimulatorSettings.builder().seed(7).build());
 * RenderedTweet tweet = renderings.next(Instant.parse("2026-11-25T12:00:00Z"), "tweet.fields=created_at,author_id,entities"
 *         + "&expansions=author_id,referenced_tweets.id,referenced_tweets.id.author_id");
 * // map tweet.v1Status() with the v1.1 mapper and tweet.v2Line() with the v2 mapper; compare
 * }</pre>
 *
 * Some shapes exist on v2 alone and make the renderings differ by nature: a referenced post X cannot include
 * ({@link SimulatorSettings#unavailableReferenceRatio()}) and a referenced author it omits
 * ({@link SimulatorSettings#missingReferencedAuthorRatio()}); set both to 0 for a test that expects equal records.
 */
public final class TweetRenderings {

    private final TweetGenerator generator;
    private final V2Payload payload;
    private final ObjectMapper mapper = new ObjectMapper();

    private TweetRenderings(TweetFactory factory) {
        this.generator = factory.forV2Stream(1);
        this.payload = new V2Payload(factory.users());
    }

    /** Posts drawn as by a simulator with these settings (only the seed, the mix and the shapes matter). */
    public static TweetRenderings of(SimulatorSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new TweetRenderings(new TweetFactory(settings.seed(),
                new TweetMix(settings.extendedRatio(), settings.retweetRatio(), settings.quoteRatio()),
                settings.payloadShapes()));
    }

    /** The next post, posted at {@code postedAt}, its v2 line with every field and expansion X has. */
    public RenderedTweet next(Instant postedAt) {
        return render(postedAt, FieldSelection.everything());
    }

    /**
     * The next post, posted at {@code postedAt}, its v2 line with the fields of {@code v2Query}, a stream request's
     * query string ({@code tweet.fields=..&expansions=..&user.fields=..}).
     *
     * @throws IllegalArgumentException for a field or parameter X does not know, as X answers 400
     */
    public RenderedTweet next(Instant postedAt, String v2Query) {
        try {
            return render(postedAt, FieldSelection.parse(query(v2Query)));
        } catch (InvalidParametersException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private RenderedTweet render(Instant postedAt, FieldSelection fields) {
        GeneratedTweet tweet = generator.next(postedAt, TweetRecipe.ANYTHING);
        try {
            return new RenderedTweet(tweet.id(), tweet.userId(), mapper.writeValueAsString(tweet.json()),
                    mapper.writeValueAsString(payload.message(new StatusView(tweet.json()), tweet.v2(), fields, null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a generated post as JSON", e);
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String stripped = query.startsWith("?") ? query.substring(1) : query;
        for (String pair : stripped.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }
}
