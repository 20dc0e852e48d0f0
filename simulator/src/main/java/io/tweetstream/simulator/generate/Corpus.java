package io.tweetstream.simulator.generate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The words tweets and users are made of, per language, read from {@code corpus.json} next to this class.
 * Kept as data so that adding a language is an edit to a JSON file, not to code.
 */
public record Corpus(
        Map<String, LanguageCorpus> languages,
        List<String> emoji,
        List<String> handleWords,
        List<Source> sources,
        List<String> linkDomains,
        List<String> linkWords,
        List<City> cities,
        List<String> freeLocations) {

    private static final String RESOURCE = "corpus.json";

    /** Sentences, hashtags, bios and display names in one language; {@code weight} is its share of an unfiltered stream. */
    public record LanguageCorpus(int weight, List<String> sentences, List<String> hashtags, List<String> bios, List<String> names) {
    }

    /** A client a tweet is posted from, as it appears in a status's {@code source}. */
    public record Source(String name, String url, int weight) {

        /** The HTML anchor Twitter puts in {@code source}. */
        public String html() {
            return "<a href=\"" + url + "\" rel=\"nofollow\">" + name + "</a>";
        }
    }

    /** A city usable as a tweet's place. */
    public record City(String name, String fullName, String countryCode, String country, double lat, double lng) {
    }

    /** Reads the corpus shipped with the simulator. */
    public static Corpus load() {
        try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("corpus resource " + RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Corpus.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus resource " + RESOURCE, e);
        }
    }

    /** The corpus of a language, falling back to English for languages it has no text for. */
    public LanguageCorpus languageOrEnglish(String code) {
        return languages.getOrDefault(code, languages.get("en"));
    }
}
