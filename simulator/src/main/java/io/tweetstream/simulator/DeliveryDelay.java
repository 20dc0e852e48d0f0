package io.tweetstream.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a tweet takes from its creation to its delivery on a live stream. X delivers Posts out of order, most within
 * 1-2 s of their creation, P99 about 6-7 s (x-api/fundamentals/consuming-streaming-data.mdx, X-API-FACTS): each tweet
 * draws its own delay, so one with a shorter delay overtakes one made before it. A log-normal distribution (most
 * delays short, a long tail) with the given median and P99, capped: a delay drawn beyond {@code cap} is {@code cap}, so
 * that a consumer can choose a lateness allowance that covers every delay. With {@code median == p99} every tweet has
 * the same delay ({@link #fixed}), and with all three zero none ({@link #none()}). Immutable.
 *
 * @param median half the tweets arrive sooner than this
 * @param p99    99% of the tweets arrive sooner than this; at least {@code median}
 * @param cap    no tweet arrives later than this; at least {@code p99}, at most an hour
 */
public record DeliveryDelay(Duration median, Duration p99, Duration cap) {

    /** The standard normal distribution's 99th percentile: a log-normal's P99 is its median times e^(sigma * this). */
    private static final double Z_99 = 2.326_347_874_040_841;
    /** A longer cap would hold that many seconds of tweets in memory, undelivered. */
    private static final Duration MAX_CAP = Duration.ofHours(1);
    private static final String FORMS = "must be x, none, SECONDS or MEDIAN,P99,CAP in seconds with"
            + " 0 < MEDIAN <= P99 <= CAP (e.g. 1,6.5,10)";

    public DeliveryDelay {
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(p99, "p99");
        Objects.requireNonNull(cap, "cap");
        if (median.isNegative() || p99.compareTo(median) < 0 || cap.compareTo(p99) < 0) {
            throw new IllegalArgumentException("a delivery delay needs 0 <= median <= p99 <= cap, was " + median
                    + ", " + p99 + " and " + cap);
        }
        if (cap.compareTo(MAX_CAP) > 0) {
            throw new IllegalArgumentException("a delivery delay's cap must be at most " + MAX_CAP + ", was " + cap);
        }
        if (median.isZero() && !p99.isZero()) {
            throw new IllegalArgumentException("a log-normal delivery delay needs a median above 0, was 0 with p99 "
                    + p99);
        }
    }

    /** Every tweet delivered the moment it is made, in the order made. */
    public static DeliveryDelay none() {
        return fixed(Duration.ZERO);
    }

    /**
     * X's delivery: median 1 s, P99 6.5 s (so about 80% arrive within 2 s), capped at 10 s (about 0.2% of the tweets
     * would be later and arrive at 10 s).
     */
    public static DeliveryDelay xLike() {
        return logNormal(Duration.ofSeconds(1), Duration.ofMillis(6_500), Duration.ofSeconds(10));
    }

    /** Every tweet delivered {@code delay} after it is made, in the order made. */
    public static DeliveryDelay fixed(Duration delay) {
        return new DeliveryDelay(delay, delay, delay);
    }

    /** Log-normal delays with this median and P99, none beyond {@code cap}. */
    public static DeliveryDelay logNormal(Duration median, Duration p99, Duration cap) {
        return new DeliveryDelay(median, p99, cap);
    }

    /**
     * Reads a command-line value: {@code x} for {@link #xLike()}, {@code none}, one number of seconds for
     * {@link #fixed}, or {@code MEDIAN,P99,CAP} in seconds for {@link #logNormal}.
     *
     * @throws IllegalArgumentException saying which forms are understood
     */
    public static DeliveryDelay parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("x")) {
            return xLike();
        }
        if (value.equals("none")) {
            return none();
        }
        String[] parts = value.split(",", -1);
        try {
            if (parts.length == 1) {
                return fixed(seconds(parts[0]));
            }
            if (parts.length == 3) {
                return logNormal(seconds(parts[0]), seconds(parts[1]), seconds(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FORMS + ", was " + text, e);
        }
        throw new IllegalArgumentException(FORMS + ", was " + text);
    }

    /** Whether every tweet is delivered the moment it is made. */
    public boolean isNone() {
        return cap.isZero();
    }

    /** The delay of one tweet, drawn from {@code random} (nothing is drawn when every delay is the same). */
    public Duration draw(RandomGenerator random) {
        if (median.equals(p99)) {
            return median;
        }
        double sigma = Math.log((double) p99.toNanos() / median.toNanos()) / Z_99;
        double nanos = median.toNanos() * Math.exp(sigma * random.nextGaussian());
        return Duration.ofNanos((long) Math.min(nanos, cap.toNanos()));
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        if (median.equals(p99)) {
            return "fixed " + median;
        }
        return "log-normal median " + median + " p99 " + p99 + " cap " + cap;
    }

    private static Duration seconds(String number) {
        double seconds = Double.parseDouble(number);
        if (!Double.isFinite(seconds) || seconds < 0) {
            throw new IllegalArgumentException("not a number of seconds: " + number);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
