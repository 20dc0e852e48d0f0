package io.tweetstream.simulator.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusTest {

    private final Corpus corpus = Corpus.load();

    @Test
    void everyLanguageHasSentencesHashtagsBiosAndNames() {
        assertThat(corpus.languages()).containsKeys("en", "es", "fr", "de", "pt", "ja", "ar", "hi");
        corpus.languages().forEach((code, words) -> {
            assertThat(words.weight()).as(code).isPositive();
            assertThat(words.sentences()).as(code).hasSizeGreaterThanOrEqualTo(5);
            assertThat(words.hashtags()).as(code).isNotEmpty();
            assertThat(words.bios()).as(code).isNotEmpty();
            assertThat(words.names()).as(code).isNotEmpty();
        });
    }

    @Test
    void sentencesFitInATweetAndAvoidCharactersTwitterEscapes() {
        // Twitter HTML-escapes & < > in text, which would shift entity indices; the corpus avoids them.
        corpus.languages().forEach((code, words) -> words.sentences().forEach(sentence -> {
            assertThat(sentence.codePointCount(0, sentence.length())).as(sentence).isLessThanOrEqualTo(100);
            assertThat(sentence).as(code).doesNotContain("&", "<", ">", "\n", "\r");
        }));
    }

    @Test
    void hashtagsAreSingleTermsWithoutTheHashSign() {
        corpus.languages().forEach((code, words) -> words.hashtags().forEach(tag ->
                assertThat(tag).as(code).matches("[\\p{L}\\p{M}\\p{N}_]+")));
    }
}
