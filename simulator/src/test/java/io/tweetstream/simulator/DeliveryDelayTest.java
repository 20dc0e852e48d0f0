package io.tweetstream.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DeliveryDelayTest {

    private static final int DRAWS = 1_000_000;

    @Test
    void xLikeDelaysHaveXsShapeMostWithinTwoSecondsP99SixToSevenNoneBeyondTheCap() {
        double[] seconds = draws(DeliveryDelay.xLike(), 42);

        assertThat(quantile(seconds, 0.5)).isBetween(0.8, 1.5);
        assertThat(shareAtMost(seconds, 2.0)).isGreaterThanOrEqualTo(0.70);
        assertThat(quantile(seconds, 0.99)).isBetween(6.0, 7.0);
        assertThat(seconds[seconds.length - 1]).isLessThanOrEqualTo(10.0);
        assertThat(DeliveryDelay.xLike().cap()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aLogNormalHasTheMedianAndP99AskedFor() {
        double[] seconds = draws(DeliveryDelay.logNormal(Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofSeconds(3)), 7);

        assertThat(quantile(seconds, 0.5)).isCloseTo(0.2, within(0.01));
        assertThat(quantile(seconds, 0.99)).isCloseTo(1.0, within(0.03));
        assertThat(seconds[0]).isPositive();
        assertThat(seconds[seconds.length - 1]).isLessThanOrEqualTo(3.0);
    }

    @Test
    void theSameSeedDrawsTheSameDelays() {
        assertThat(draws(DeliveryDelay.xLike(), 3)).isEqualTo(draws(DeliveryDelay.xLike(), 3))
                .isNotEqualTo(draws(DeliveryDelay.xLike(), 4));
    }

    @Test
    void noneAndFixedDelaysAreAllTheSame() {
        SplittableRandom random = new SplittableRandom(1);

        assertThat(DeliveryDelay.none().draw(random)).isZero();
        assertThat(DeliveryDelay.none().isNone()).isTrue();
        assertThat(DeliveryDelay.fixed(Duration.ofSeconds(2)).draw(random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(DeliveryDelay.fixed(Duration.ofSeconds(2)).isNone()).isFalse();
        assertThat(DeliveryDelay.xLike().isNone()).isFalse();
    }

    @Test
    void parsesTheCommandLineForms() {
        assertThat(DeliveryDelay.parse("x")).isEqualTo(DeliveryDelay.xLike());
        assertThat(DeliveryDelay.parse(" X ")).isEqualTo(DeliveryDelay.xLike());
        assertThat(DeliveryDelay.parse("none")).isEqualTo(DeliveryDelay.none());
        assertThat(DeliveryDelay.parse("2.5")).isEqualTo(DeliveryDelay.fixed(Duration.ofMillis(2_500)));
        assertThat(DeliveryDelay.parse("0.5,3,4.25")).isEqualTo(DeliveryDelay.logNormal(Duration.ofMillis(500),
                Duration.ofSeconds(3), Duration.ofMillis(4_250)));
    }

    @Test
    void refusesWhatIsNoDelayNamingTheForms() {
        for (String bad : new String[] {"fast", "", "1,2", "1,2,3,4", "-1", "3,2,10", "1,6,5", "0,1,2", "NaN", "1,,3"}) {
            assertThatThrownBy(() -> DeliveryDelay.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("must be x, none, SECONDS or MEDIAN,P99,CAP in seconds")
                    .hasMessageEndingWith("was " + bad);
        }
        assertThatThrownBy(() -> DeliveryDelay.logNormal(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(3))).hasMessageContaining("median <= p99 <= cap");
        assertThatThrownBy(() -> DeliveryDelay.fixed(Duration.ofSeconds(-1))).hasMessageContaining("0 <= median");
    }

    @Test
    void describesItself() {
        assertThat(DeliveryDelay.none()).hasToString("none");
        assertThat(DeliveryDelay.fixed(Duration.ofSeconds(2))).hasToString("fixed PT2S");
        assertThat(DeliveryDelay.xLike()).hasToString("log-normal median PT1S p99 PT6.5S cap PT10S");
    }

    /** {@value #DRAWS} delays in seconds, sorted. */
    private static double[] draws(DeliveryDelay delay, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] seconds = IntStream.range(0, DRAWS).mapToDouble(i -> delay.draw(random).toNanos() / 1e9).toArray();
        Arrays.sort(seconds);
        return seconds;
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    private static double shareAtMost(double[] sorted, double seconds) {
        return Arrays.stream(sorted).filter(value -> value <= seconds).count() / (double) sorted.length;
    }
}
