package io.tweetstream.dashboard.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CountStoreTest {

    private static final long T0 = 1_795_600_800_000L;
    private static final long SECOND = 1_000;
    /** A server clock long past every second of the tests: only the lags say whether one has ended. */
    private static final long LATER = T0 + 3_600_000;

    private final CountStore store = new CountStore(Duration.ofMinutes(1), 10_000);

    @Test
    void aWindowAndKeywordWrittenAgainKeepsOnlyTheLatestCount() {
        store.put(count(T0, "*", 10));
        store.put(count(T0, "*", 12));

        assertThat(store.size()).isEqualTo(1);
        assertThat(points(store.since(0, LATER), "*")).containsExactly(finalPoint(T0, 12));
    }

    @Test
    void aProvisionalCountIsReplacedByTheNextAndThenByTheFinalOne() {
        assertThat(store.put(provisional(T0, 5, Map.of("kafka", 2L), -500))).isEqualTo(CountStore.Outcome.KEPT);
        assertThat(points(store.since(0, LATER), "*")).containsExactly(new CountSeries.Point(T0, 5, false, 0));

        store.put(provisional(T0, 9, Map.of("kafka", 4L, "spark", 1L), 180));
        CountSeries provisional = store.since(0, LATER);
        assertThat(points(provisional, "*")).containsExactly(new CountSeries.Point(T0, 9, false, 0));
        assertThat(points(provisional, "spark")).containsExactly(new CountSeries.Point(T0, 1, false, 0));

        assertThat(store.put(finalCount(T0, 10, Map.of("kafka", 5L, "spark", 1L), 15_230))).isEqualTo(CountStore.Outcome.KEPT);
        CountSeries finalCounts = store.since(0, LATER);
        assertThat(points(finalCounts, "*")).containsExactly(finalPoint(T0, 10));
        assertThat(points(finalCounts, "kafka")).containsExactly(finalPoint(T0, 5));
        assertThat(finalCounts.latest()).hasValue(new CountSeries.Latest(T0, 10, 0, true, OptionalLong.of(180),
                OptionalLong.of(15_230), OptionalLong.of(15_230)));
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void aProvisionalCountArrivingAfterTheFinalOneIsIgnored() {
        store.put(finalCount(T0, 10, Map.of("kafka", 5L), 15_230));

        assertThat(store.put(provisional(T0, 7, Map.of("kafka", 3L), 200))).isEqualTo(CountStore.Outcome.OUTDATED);

        CountSeries series = store.since(0, LATER);
        assertThat(points(series, "*")).containsExactly(finalPoint(T0, 10));
        assertThat(series.latest().orElseThrow().lagMs()).hasValue(15_230);
    }

    @Test
    void aFinalCountReadAgainReplacesItselfAndStaysFinalSinceItsFirstArrival() {
        store.put(finalCount(T0, 10, Map.of(), 15_230));
        store.put(finalCount(T0, 10, Map.of(), 95_000));

        CountSeries.Latest latest = store.since(0, LATER).latest().orElseThrow();
        assertThat(latest.count()).isEqualTo(10);
        assertThat(latest.finalLagMs()).hasValue(15_230);
        assertThat(latest.lagMs()).hasValue(95_000);
    }

    @Test
    void lateCorrectionsAreAddedToTheFinalCountOnceEachHoweverOftenTheyArrive() {
        store.put(finalCount(T0, 24, Map.of("apache spark", 5L, "kafka", 13L), 15_230));
        LateCorrection first = late(T0, "late 1", 2, Map.of("kafka", 1L));
        LateCorrection second = late(T0, "late 2", 3, Map.of("kafka", 1L, "java", 2L));

        store.put(first);
        store.put(second);
        store.put(first);
        store.put(second);

        CountSeries series = store.since(0, LATER);
        assertThat(points(series, "*")).containsExactly(new CountSeries.Point(T0, 29, true, 5));
        assertThat(points(series, "kafka")).containsExactly(new CountSeries.Point(T0, 15, true, 2));
        assertThat(points(series, "apache spark")).containsExactly(finalPoint(T0, 5));
        // A keyword with no tweet in time and some late.
        assertThat(points(series, "java")).containsExactly(new CountSeries.Point(T0, 2, true, 2));
        assertThat(series.latest().orElseThrow().count()).isEqualTo(29);
        assertThat(series.latest().orElseThrow().late()).isEqualTo(5);
        assertThat(store.size()).isEqualTo(3 + 2 + 3);
    }

    @Test
    void aLateCorrectionReadBeforeItsFinalCountIsAddedToItToo() {
        // Its record key puts a correction on another partition than its second's counts: it may come first.
        store.put(late(T0, "late 1", 2, Map.of("kafka", 1L)));
        assertThat(store.since(0, LATER).series()).as("a second known only by a correction is not drawn").isEmpty();

        store.put(finalCount(T0, 24, Map.of("kafka", 13L), 15_230));

        assertThat(points(store.since(0, LATER), "*")).containsExactly(new CountSeries.Point(T0, 26, true, 2));
    }

    @Test
    void rowsOfAnEarlierJobAreFinal() {
        store.put(new WindowCount(T0, "*", 8, OptionalLong.of(5_000)));
        store.put(new WindowCount(T0, "kafka", 3, OptionalLong.of(5_000)));

        CountSeries series = store.since(0, LATER);
        assertThat(points(series, "kafka")).containsExactly(finalPoint(T0, 3));
        assertThat(series.latest()).hasValue(new CountSeries.Latest(T0, 8, 0, true, OptionalLong.of(5_000),
                OptionalLong.of(5_000), OptionalLong.of(5_000)));
    }

    @Test
    void latestIsTheNewestSecondThatHasEndedByItsLag() {
        store.put(provisional(T0, 9, Map.of(), 900));
        store.put(provisional(T0 + SECOND, 40, Map.of(), -1_000));
        store.put(provisional(T0 + SECOND, 42, Map.of(), 120));
        store.put(provisional(T0 + SECOND, 43, Map.of(), 370));
        store.put(provisional(T0 + 2 * SECOND, 3, Map.of(), -750));

        CountSeries series = store.since(0, LATER);

        assertThat(series.newestWindowStartMs()).hasValue(T0 + 2 * SECOND);
        assertThat(series.latest()).hasValue(new CountSeries.Latest(T0 + SECOND, 43, 0, false, OptionalLong.of(120),
                OptionalLong.empty(), OptionalLong.of(370)));
    }

    @Test
    void withoutALagASecondHasEndedWhenTheServerClockIsPastItsEnd() {
        store.put(count(T0, "*", 8));
        store.put(count(T0 + SECOND, "*", 9));

        assertThat(store.since(0, T0 + 2 * SECOND - 1).latest()).map(CountSeries.Latest::windowStartMs).hasValue(T0);
        assertThat(store.since(0, T0 + 2 * SECOND).latest()).map(CountSeries.Latest::windowStartMs).hasValue(T0 + SECOND);
        assertThat(store.since(0, T0 + SECOND - 1).latest()).isEmpty();
    }

    @Test
    void keepsOnlyTheRetentionBeforeTheNewestWindow() {
        for (int second = 0; second <= 90; second++) {
            store.put(count(T0 + second * SECOND, "*", second));
        }

        List<CountSeries.Point> points = points(store.since(0, LATER), "*");
        assertThat(points).hasSize(61);
        assertThat(points.get(0).windowStartMs()).isEqualTo(T0 + 30 * SECOND);
        assertThat(store.windowCount()).isEqualTo(61);
    }

    @Test
    void refusesACountArrivingLaterThanTheRetention() {
        store.put(count(T0 + 120 * SECOND, "*", 5));

        assertThat(store.put(count(T0, "*", 3))).isEqualTo(CountStore.Outcome.EXPIRED);
        assertThat(store.put(late(T0 + 59 * SECOND, "late", 1, Map.of()))).isEqualTo(CountStore.Outcome.EXPIRED);
        assertThat(store.put(count(T0 + 60 * SECOND, "*", 3))).isEqualTo(CountStore.Outcome.KEPT);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void dropsTheOldestWindowsBeyondTheMaximumNumberOfCounts() {
        CountStore small = new CountStore(Duration.ofHours(1), 100);
        for (int second = 0; second < 50; second++) {
            for (String keyword : List.of("*", "kafka", "spark", "java")) {
                small.put(count(T0 + second * SECOND, keyword, second));
            }
            assertThat(small.size()).isLessThanOrEqualTo(100);
        }

        assertThat(small.size()).isEqualTo(100);
        assertThat(points(small.since(0, LATER), "*").get(0).windowStartMs()).isEqualTo(T0 + 25 * SECOND);
    }

    @Test
    void countsLateCorrectionsTowardsTheMaximum() {
        CountStore small = new CountStore(Duration.ofHours(1), 10);
        small.put(finalCount(T0, 5, Map.of("kafka", 1L), 15_000));
        small.put(finalCount(T0 + SECOND, 5, Map.of("kafka", 1L), 15_000));
        // Each correction holds its late total and one keyword: the fourth takes the store past 10.
        for (int batch = 0; batch < 4; batch++) {
            small.put(late(T0 + SECOND, "late " + batch, 1, Map.of("kafka", 1L)));
        }

        assertThat(small.size()).isEqualTo(10);
        assertThat(small.windowCount()).isEqualTo(1);
    }

    @Test
    void staysBoundedEvenWhenOneWindowHasMoreKeywordsThanTheMaximum() {
        CountStore tiny = new CountStore(Duration.ofHours(1), 3);
        for (int keyword = 0; keyword < 10; keyword++) {
            tiny.put(count(T0, "k" + keyword, 1));
        }

        assertThat(tiny.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void seriesStartWithTheTotalThenKeywordsInOrderEachOldestFirst() {
        store.put(count(T0 + SECOND, "spark", 2));
        store.put(count(T0, "kafka", 1));
        store.put(count(T0 + SECOND, "*", 9));
        store.put(count(T0, "*", 8));
        store.put(count(T0 + SECOND, "kafka", 3));

        CountSeries series = store.since(0, LATER);

        assertThat(series.series()).extracting(CountSeries.KeywordSeries::keyword).containsExactly("*", "kafka", "spark");
        assertThat(points(series, "*")).containsExactly(finalPoint(T0, 8), finalPoint(T0 + SECOND, 9));
        assertThat(points(series, "kafka")).containsExactly(finalPoint(T0, 1), finalPoint(T0 + SECOND, 3));
    }

    @Test
    void sinceLeavesOutEarlierWindowsButNotTheNewestAndLatestFigures() {
        store.put(count(T0, "*", 8));
        store.put(count(T0 + SECOND, "*", 9));

        CountSeries later = store.since(T0 + 5 * SECOND, LATER);

        assertThat(later.series()).isEmpty();
        assertThat(later.newestWindowStartMs()).hasValue(T0 + SECOND);
        assertThat(later.latest()).map(CountSeries.Latest::count).hasValue(9L);
        assertThat(points(store.since(T0 + SECOND, LATER), "*")).containsExactly(finalPoint(T0 + SECOND, 9));
    }

    @Test
    void latestIsTheNewestWindowThatHasATotal() {
        store.put(count(T0, "*", 8));
        store.put(count(T0 + SECOND, "kafka", 2));

        CountSeries series = store.since(0, LATER);

        assertThat(series.newestWindowStartMs()).hasValue(T0 + SECOND);
        assertThat(series.latest()).map(CountSeries.Latest::windowStartMs).hasValue(T0);
    }

    @Test
    void anEmptyStoreHasNoNewestWindowAndNoLatestSecond() {
        CountSeries series = store.since(0, LATER);

        assertThat(series.series()).isEmpty();
        assertThat(series.newestWindowStartMs()).isEmpty();
        assertThat(series.latest()).isEmpty();
    }

    static WindowCount count(long windowStartMs, String keyword, long count) {
        return new WindowCount(windowStartMs, keyword, count, OptionalLong.empty());
    }

    static SecondCount provisional(long windowStartMs, long total, Map<String, Long> keywords, long lagMs) {
        return new SecondCount(windowStartMs, false, total, keywords, OptionalLong.of(lagMs));
    }

    static SecondCount finalCount(long windowStartMs, long total, Map<String, Long> keywords, long lagMs) {
        return new SecondCount(windowStartMs, true, total, keywords, OptionalLong.of(lagMs));
    }

    static LateCorrection late(long windowStartMs, String key, long late, Map<String, Long> keywords) {
        return new LateCorrection(windowStartMs, key, late, keywords, OptionalLong.of(60_000));
    }

    private static CountSeries.Point finalPoint(long windowStartMs, long count) {
        return new CountSeries.Point(windowStartMs, count, true, 0);
    }

    private static List<CountSeries.Point> points(CountSeries series, String keyword) {
        return series.series().stream().filter(s -> s.keyword().equals(keyword)).findFirst().orElseThrow().points();
    }
}
