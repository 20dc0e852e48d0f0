package io.tweetstream.connect.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeywordSplitterTest {

    private static List<String> phrases(int count) {
        return IntStream.range(0, count).mapToObj(i -> "phrase" + i).toList();
    }

    @Test
    void splitsKeywordsEvenlyAcrossTasks() {
        List<List<String>> groups = KeywordSplitter.split(phrases(10), 3);

        assertThat(groups).extracting(List::size).containsExactly(4, 3, 3);
        assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(phrases(10));
    }

    @Test
    void neverMakesMoreGroupsThanPhrases() {
        assertThat(KeywordSplitter.split(List.of("kafka", "spark"), 5))
                .containsExactly(List.of("kafka"), List.of("spark"));
    }

    @Test
    void sameConfigGivesSameSplit() {
        assertThat(KeywordSplitter.split(phrases(37), 4)).isEqualTo(KeywordSplitter.split(phrases(37), 4));
    }

    @Test
    void noPhrasesGiveOneEmptyGroupForFollowOrLocationStreams() {
        assertThat(KeywordSplitter.split(List.of(), 3)).containsExactly(List.of());
    }

    @Test
    void groupsStayWithinTwittersLimitWhenEnoughTasks() {
        int tasks = KeywordSplitter.minimumGroups(1001);

        assertThat(tasks).isEqualTo(3);
        assertThat(KeywordSplitter.split(phrases(1001), tasks))
                .allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(KeywordSplitter.MAX_PHRASES_PER_GROUP));
    }

    @Test
    void minimumGroupsIsOneForSmallConfigs() {
        assertThat(KeywordSplitter.minimumGroups(0)).isEqualTo(1);
        assertThat(KeywordSplitter.minimumGroups(400)).isEqualTo(1);
        assertThat(KeywordSplitter.minimumGroups(401)).isEqualTo(2);
    }

    @Test
    void rejectsNonPositiveGroupCount() {
        assertThatThrownBy(() -> KeywordSplitter.split(phrases(3), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
